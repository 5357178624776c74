import { TRPCError } from '@trpc/server';
import {
  deleteMeasurement,
  findIndicator,
  findMeasurement,
  insertMeasurement,
  listMeasurements,
  recordAudit,
  recordChanges,
  updateMeasurement,
  type Indicator,
  type Measurement,
} from '@jalon/db';
import {
  byIdInput,
  checkMeasurementDate,
  isoToday,
  measurementCreateInput,
  measurementListInput,
  measurementUpdateInput,
} from '@jalon/shared';
import {
  authedProcedure,
  authorize,
  notFound,
  router,
  ruleBroken,
  type AuthedContext,
} from '../trpc';
import { findLivePlan } from '../auth/guards';

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

/** A measurement goes to a live indicator of a live plan, on or after the baseline date. */
async function assertRecordable(
  ctx: AuthedContext,
  indicator: Indicator,
  measuredOn: string,
): Promise<void> {
  if (indicator.archivedAt !== null) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Indicator ${indicator.id} is archived`,
    });
  }
  if (indicator.planId !== null) await findLivePlan(ctx.db, indicator.planId);
  if (measuredOn < indicator.baselineDate) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `A measurement cannot precede the baseline date (${indicator.baselineDate})`,
    });
  }
  const dated = checkMeasurementDate(measuredOn, isoToday(ctx.now()));
  if (!dated.ok) {
    throw ruleBroken(dated.reason, `A measurement cannot be dated after today (${measuredOn})`);
  }
}

export const measurementRouter = router({
  list: authedProcedure.input(measurementListInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'indicator', id: input.indicatorId });
    const result = await listMeasurements(ctx.db, input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  create: authedProcedure.input(measurementCreateInput).mutation(async ({ ctx, input }) => {
    const indicator = await authorizeRecording(ctx, input.indicatorId);
    await assertRecordable(ctx, indicator, input.measuredOn);
    const now = ctx.now();
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

  /** Corrects a measurement: who corrects it becomes its recorder; the audit keeps old → new. */
  update: authedProcedure.input(measurementUpdateInput).mutation(async ({ ctx, input }) => {
    const { id, ...fields } = input;
    const before = await findMeasurement(ctx.db, id);
    if (!before) throw notFound('measurement', id);
    const indicator = await authorizeRecording(ctx, before.indicatorId);
    await assertRecordable(ctx, indicator, fields.measuredOn);
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const after = await updateMeasurement(trx, id, { ...fields, recordedBy: ctx.user.id });
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'measurement',
          entityId: id,
          operation: 'update',
          planId: indicator.planId,
          territoryId: indicator.territoryId,
          occurredAt: now.toISOString(),
        },
        auditedFields(before),
        auditedFields(after),
      );
      return after;
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
