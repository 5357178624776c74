import { listPlanStages } from '@jalon/db';
import { isoToday, stageListInput, stageUpdateInput } from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize } from '../auth/guards';
import { updateStage, write } from '../services';

export const stageRouter = router({
  /** The three stages of a plan in order, with progress and action counts. */
  list: authedProcedure.input(stageListInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'plan', id: input.planId });
    const items = await listPlanStages(ctx.db, input.planId, isoToday(ctx.now()));
    return { items, total: items.length };
  }),

  /** Stage dates are plan work: the plan's lead may set them, not only its coordinators. */
  update: authedProcedure.input(stageUpdateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'update_plan_work', { entity: 'stage', id: input.id });
    return write(ctx, (w) => updateStage(w, scope.planId ?? 0, input));
  }),
});
