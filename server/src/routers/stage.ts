import { TRPCError } from '@trpc/server';
import { findStage, listPlanStages, recordChanges, updateStageDates, type Stage } from '@jalon/db';
import { isoToday, stageListInput, stageUpdateInput } from '@jalon/shared';
import { authedProcedure, authorize, notFound, router } from '../trpc';
import { findLivePlan } from '../auth/guards';

const auditedFields = (s: Stage) => ({
  plannedStart: s.plannedStart,
  plannedEnd: s.plannedEnd,
  actualStart: s.actualStart,
  actualEnd: s.actualEnd,
});

/** Dates in order, checked on the row as it will be saved (the patch may carry only one end). */
function assertDatesInOrder(stage: ReturnType<typeof auditedFields>): void {
  const pairs = [
    [stage.plannedStart, stage.plannedEnd, 'plannedEnd'],
    [stage.actualStart, stage.actualEnd, 'actualEnd'],
  ] as const;
  for (const [start, end, field] of pairs) {
    if (start && end && start > end) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `Invalid ${field}: the end must not precede the start`,
      });
    }
  }
}

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
    await findLivePlan(ctx.db, scope.planId ?? 0);
    const { id, ...patch } = input;
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findStage(trx, id);
      if (!before) throw notFound('stage', id);
      const next = <T>(patched: T | undefined, stored: T) =>
        patched === undefined ? stored : patched;
      assertDatesInOrder({
        plannedStart: next(patch.plannedStart, before.plannedStart),
        plannedEnd: next(patch.plannedEnd, before.plannedEnd),
        actualStart: next(patch.actualStart, before.actualStart),
        actualEnd: next(patch.actualEnd, before.actualEnd),
      });
      const after = await updateStageDates(trx, id, patch);
      if (!after) throw notFound('stage', id);
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'stage',
          entityId: id,
          operation: 'update',
          planId: scope.planId,
          occurredAt: now,
        },
        auditedFields(before),
        auditedFields(after),
      );
      return after;
    });
  }),
});
