import { TRPCError } from '@trpc/server';
import {
  deleteMeasurement,
  findIndicator,
  findMeasurement,
  insertMeasurement,
  listMeasurements,
  recordAudit,
  type Indicator,
  type Measurement,
} from '@jalon/db';
import {
  byIdInput,
  checkMeasurementDate,
  isoToday,
  measurementCreateInput,
  measurementListInput,
} from '@jalon/shared';
import {
  authedProcedure,
  authorize,
  notFound,
  router,
  ruleBroken,
  type AuthedContext,
} from '../trpc';
import { findLivePlan } from './plan';

const auditedFields = (m: Measurement) => ({
  indicatorId: m.indicatorId,
  measuredOn: m.measuredOn,
  value: m.value,
  source: m.source,
  comment: m.comment,
  recordedBy: m.recordedBy,
});

/**
 * Measurements of a plan's indicator are plan work (its lead or a coordinator records them);
 * those of a territory-wide indicator belong to the territory's coordinators.
 */
async function authorizeRecording(ctx: AuthedContext, indicatorId: number): Promise<Indicator> {
  const indicator = await findIndicator(ctx.db, indicatorId);
  if (!indicator) throw notFound('indicator', indicatorId);
  if (indicator.planId !== null) {
    await authorize(ctx, 'update_plan_work', { entity: 'indicator', id: indicatorId });
  } else {
    await authorize(ctx, 'manage', { entity: 'territory', id: indicator.territoryId ?? 0 });
  }
  return indicator;
}

export const measurementRouter = router({
  list: authedProcedure.input(measurementListInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'indicator', id: input.indicatorId });
    const result = await listMeasurements(ctx.db, input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  create: authedProcedure.input(measurementCreateInput).mutation(async ({ ctx, input }) => {
    const indicator = await authorizeRecording(ctx, input.indicatorId);
    if (indicator.archivedAt !== null) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `Indicator ${indicator.id} is archived`,
      });
    }
    if (indicator.planId !== null) await findLivePlan(ctx.db, indicator.planId);
    if (input.measuredOn < indicator.baselineDate) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `A measurement cannot precede the baseline date (${indicator.baselineDate})`,
      });
    }
    const now = ctx.now();
    const dated = checkMeasurementDate(input.measuredOn, isoToday(now));
    if (!dated.ok) {
      throw ruleBroken(
        dated.reason,
        `A measurement cannot be dated after today (${input.measuredOn})`,
      );
    }
    return ctx.db.transaction().execute(async (trx) => {
      const created = await insertMeasurement(trx, {
        ...input,
        recordedBy: ctx.user.id,
        createdAt: now.toISOString(),
      });
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'measurement',
        entityId: created.id,
        operation: 'create',
        planId: indicator.planId,
        territoryId: indicator.territoryId,
        newValue: auditedFields(created),
        occurredAt: now.toISOString(),
      });
      return created;
    });
  }),

  delete: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    const measurement = await findMeasurement(ctx.db, input.id);
    if (!measurement) throw notFound('measurement', input.id);
    const indicator = await authorizeRecording(ctx, measurement.indicatorId);
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      await deleteMeasurement(trx, input.id);
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'measurement',
        entityId: input.id,
        operation: 'delete',
        planId: indicator.planId,
        territoryId: indicator.territoryId,
        oldValue: auditedFields(measurement),
        occurredAt: now.toISOString(),
      });
    });
    return { id: input.id };
  }),
});
