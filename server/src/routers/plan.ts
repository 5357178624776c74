import { findPlanDetail, listPlans } from '@jalon/db';
import {
  archiveInput,
  byIdInput,
  isoToday,
  planCreateInput,
  planListInput,
  planUpdateInput,
} from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize, authorizeManageEach } from '../auth/guards';
import { visibilityOf } from '../auth/permissions';
import { notFound } from '../errors';
import { archivePlan, createPlan, updatePlan, write } from '../services';

export const planRouter = router({
  list: authedProcedure.input(planListInput).query(async ({ ctx, input }) => {
    const result = await listPlans(ctx.db, visibilityOf(ctx.user), input, isoToday(ctx.now()));
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  byId: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'plan', id: input.id });
    const detail = await findPlanDetail(ctx.db, input.id, isoToday(ctx.now()));
    if (!detail) throw notFound('plan', input.id);
    return detail;
  }),

  /** Creates the plan with its three stages, partners and leads, in one transaction. */
  create: authedProcedure.input(planCreateInput).mutation(async ({ ctx, input }) => {
    await authorizeManageEach(ctx, input.territoryIds);
    return write(ctx, (w) => createPlan(w, input));
  }),

  /**
   * Optimistic: the caller sends the version they saw. Moving a plan between territories needs
   * `manage` on every territory it leaves, keeps or joins.
   */
  update: authedProcedure.input(planUpdateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'plan', id: input.id });
    if (input.territoryIds !== undefined) {
      await authorizeManageEach(ctx, [...scope.territoryIds, ...input.territoryIds]);
    }
    return write(ctx, (w) => updatePlan(w, input));
  }),

  archive: authedProcedure.input(archiveInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'plan', id: input.id });
    return write(ctx, (w) => archivePlan(w, input));
  }),
});
