import { findAction, findActionContext, listActions } from '@jalon/db';
import {
  actionCreateInput,
  actionListInput,
  actionSetStatusInput,
  actionUpdateInput,
  archiveInput,
  byIdInput,
  isoToday,
} from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize } from '../auth/guards';
import { visibilityOf } from '../auth/permissions';
import { notFound } from '../errors';
import {
  archiveAction,
  createAction,
  setActionStatus,
  updateAction,
  withHealth,
  write,
} from '../services';

export const actionRouter = router({
  list: authedProcedure.input(actionListInput).query(async ({ ctx, input }) => {
    const { mine, ...filter } = input;
    const today = isoToday(ctx.now());
    const result = await listActions(
      ctx.db,
      visibilityOf(ctx.user),
      { ...filter, ownerUserId: mine ? ctx.user.id : filter.ownerUserId },
      today,
    );
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  byId: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'action', id: input.id });
    const action = await findAction(ctx.db, input.id);
    if (!action) throw notFound('action', input.id);
    const context = await findActionContext(ctx.db, action);
    return { ...withHealth(action, isoToday(ctx.now())), ...context };
  }),

  create: authedProcedure.input(actionCreateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'stage', id: input.stageId });
    return write(ctx, (w) => createAction(w, scope, input));
  }),

  update: authedProcedure.input(actionUpdateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'update_plan_work', { entity: 'action', id: input.id });
    return write(ctx, (w) => updateAction(w, scope, input));
  }),

  setStatus: authedProcedure.input(actionSetStatusInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'update_plan_work', { entity: 'action', id: input.id });
    return write(ctx, (w) => setActionStatus(w, scope, input));
  }),

  archive: authedProcedure.input(archiveInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'action', id: input.id });
    return write(ctx, (w) => archiveAction(w, scope, input));
  }),
});
