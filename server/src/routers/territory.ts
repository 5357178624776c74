import { listTerritories } from '@jalon/db';
import {
  byIdInput,
  territoryCreateInput,
  territoryListInput,
  territoryUpdateInput,
} from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize, authorizeAdmin } from '../auth/guards';
import { visibilityOf } from '../auth/permissions';
import {
  archiveTerritory,
  createTerritory,
  territoryDetailOrThrow,
  updateTerritory,
  write,
} from '../services';

export const territoryRouter = router({
  list: authedProcedure.input(territoryListInput).query(async ({ ctx, input }) => {
    const result = await listTerritories(ctx.db, visibilityOf(ctx.user), input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  byId: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'territory', id: input.id });
    return territoryDetailOrThrow(ctx.db, input.id);
  }),

  create: authedProcedure.input(territoryCreateInput).mutation(async ({ ctx, input }) => {
    authorizeAdmin(ctx);
    return write(ctx, (w) => createTerritory(w, input));
  }),

  /** Admins, and the territory's coordinators, who keep its key figures and EPCIs current. */
  update: authedProcedure.input(territoryUpdateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'territory', id: input.id });
    return write(ctx, (w) => updateTerritory(w, input));
  }),

  archive: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    authorizeAdmin(ctx);
    return write(ctx, (w) => archiveTerritory(w, input));
  }),
});
