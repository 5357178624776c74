import { findCommittee, listCommitteeMembers, listCommittees } from '@jalon/db';
import {
  byIdInput,
  committeeCreateInput,
  committeeListInput,
  committeeUpdateInput,
} from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize } from '../auth/guards';
import { notFound } from '../errors';
import { visibilityOf } from '../auth/permissions';
import { createCommittee, renameCommittee, write } from '../services';

export const committeeRouter = router({
  list: authedProcedure.input(committeeListInput).query(async ({ ctx, input }) => {
    const result = await listCommittees(
      ctx.db,
      visibilityOf(ctx.user),
      input,
      ctx.now().toISOString(),
    );
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  byId: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'committee', id: input.id });
    const committee = await findCommittee(ctx.db, input.id);
    if (!committee) throw notFound('committee', input.id);
    return { ...committee, members: await listCommitteeMembers(ctx.db, input.id) };
  }),

  create: authedProcedure.input(committeeCreateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'territory', id: input.territoryId });
    return write(ctx, (w) => createCommittee(w, input));
  }),

  update: authedProcedure.input(committeeUpdateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'committee', id: input.id });
    return write(ctx, (w) => renameCommittee(w, input));
  }),
});
