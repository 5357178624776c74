import { TRPCError } from '@trpc/server';
import {
  findEarliestMeasuredOn,
  findIndicator,
  insertIndicator,
  listIndicatorMeasurements,
  listIndicators,
  recordAudit,
  recordChanges,
  updateIndicator,
  type Indicator,
} from '@jalon/db';
import {
  byIdInput,
  indicatorCreateInput,
  indicatorListInput,
  indicatorProgress,
  indicatorUpdateInput,
  isDirectionConsistent,
} from '@jalon/shared';
import { authedProcedure, authorize, notFound, router } from '../trpc';
import { visibilityOf } from '../auth/permissions';
import { findLivePlan } from '../auth/guards';

/** The fields of an indicator an audit event records. */
const auditedFields = (i: Indicator) => ({
  name: i.name,
  unit: i.unit,
  kind: i.kind,
  direction: i.direction,
  baselineValue: i.baselineValue,
  baselineDate: i.baselineDate,
  baselineSource: i.baselineSource,
  targetValue: i.targetValue,
  targetDate: i.targetDate,
  archivedAt: i.archivedAt,
});

/** Where an indicator's audit events are filed: its plan, or its territory. */
const auditScope = (i: Indicator) => ({ planId: i.planId, territoryId: i.territoryId });

/** The indicator's owner: its plan, or its territory for a territory-wide indicator. */
const ownerOf = (i: { planId: number | null; territoryId: number | null }) =>
  i.planId !== null
    ? ({ entity: 'plan', id: i.planId } as const)
    : ({ entity: 'territory', id: i.territoryId ?? 0 } as const);

function checkDefinition(i: Indicator): void {
  if (!isDirectionConsistent(i)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message:
        'The target must lie above the baseline for a rising indicator, below it for a falling one',
    });
  }
  if (i.baselineDate >= i.targetDate) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'The target date must follow the baseline date',
    });
  }
}

export const indicatorRouter = router({
  list: authedProcedure.input(indicatorListInput).query(async ({ ctx, input }) => {
    const result = await listIndicators(ctx.db, visibilityOf(ctx.user), input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  byId: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'indicator', id: input.id });
    const indicator = await findIndicator(ctx.db, input.id);
    if (!indicator) throw notFound('indicator', input.id);
    const measurements = await listIndicatorMeasurements(ctx.db, input.id);
    return { ...indicator, measurements, progress: indicatorProgress(indicator, measurements) };
  }),

  create: authedProcedure.input(indicatorCreateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', ownerOf(input));
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const created = await insertIndicator(trx, {
        ...input,
        archivedAt: null,
        createdAt: now.toISOString(),
      });
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'indicator',
        entityId: created.id,
        operation: 'create',
        ...auditScope(created),
        newValue: auditedFields(created),
        occurredAt: now.toISOString(),
      });
      return created;
    });
  }),

  update: authedProcedure.input(indicatorUpdateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'indicator', id: input.id });
    const { id, ...patch } = input;
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findIndicator(trx, id);
      if (!before) throw notFound('indicator', id);
      if (before.planId !== null) await findLivePlan(trx, before.planId);
      checkDefinition({ ...before, ...patch });
      if (patch.baselineDate !== undefined && patch.baselineDate !== before.baselineDate) {
        const earliest = await findEarliestMeasuredOn(trx, id);
        if (earliest !== null && patch.baselineDate > earliest) {
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `The baseline date cannot follow the earliest measurement (${earliest})`,
          });
        }
      }
      const after = await updateIndicator(trx, id, patch);
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'indicator',
          entityId: id,
          operation: 'update',
          ...auditScope(after),
          occurredAt: now.toISOString(),
        },
        auditedFields(before),
        auditedFields(after),
      );
      return after;
    });
  }),

  archive: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'indicator', id: input.id });
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findIndicator(trx, input.id);
      if (!before) throw notFound('indicator', input.id);
      if (before.archivedAt !== null) return before;
      const after = await updateIndicator(trx, input.id, { archivedAt: now.toISOString() });
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'indicator',
        entityId: input.id,
        operation: 'archive',
        ...auditScope(after),
        newValue: { archivedAt: after.archivedAt },
        occurredAt: now.toISOString(),
      });
      return after;
    });
  }),
});
