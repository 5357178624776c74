import { TRPCError } from '@trpc/server';
import {
  diffFields,
  findAction,
  findActionContext,
  findStage,
  insertAction,
  isMemberOfAnyTerritory,
  listActions,
  recordAudit,
  recordChanges,
  updateActionAtVersion,
  type Action,
  type Trx,
} from '@jalon/db';
import {
  actionCreateInput,
  actionListInput,
  actionSetStatusInput,
  actionUpdateInput,
  applyStatusChange,
  archiveInput,
  byIdInput,
  isOverdue,
  isoToday,
} from '@jalon/shared';
import { authedProcedure, authorize, conflict, notFound, router, ruleBroken } from '../trpc';
import { visibilityOf } from '../auth/permissions';
import { findLivePlan } from '../auth/guards';

const withHealth = (action: Action, today: string) => ({
  ...action,
  overdue: isOverdue(action, today),
});

/** The fields of an action an audit event records. */
const auditedFields = (a: Action) => ({
  title: a.title,
  description: a.description,
  ownerUserId: a.ownerUserId,
  stageId: a.stageId,
  status: a.status,
  progress: a.progress,
  statusComment: a.statusComment,
  startDate: a.startDate,
  dueDate: a.dueDate,
  completedOn: a.completedOn,
  archivedAt: a.archivedAt,
});

/** An action is owned by nobody or by a member of one of its plan's territories. */
async function assertOwnerEligible(
  trx: Trx,
  ownerUserId: number | null,
  territoryIds: readonly number[],
): Promise<void> {
  if (ownerUserId === null || (await isMemberOfAnyTerritory(trx, ownerUserId, territoryIds))) {
    return;
  }
  throw new TRPCError({
    code: 'BAD_REQUEST',
    message: `User ${ownerUserId} is not a member of this plan's territories`,
  });
}

/**
 * Reads an action inside the transaction that changes it, and refuses an archived one or one of an
 * archived plan: both are closed records.
 */
async function findEditableAction(trx: Trx, id: number): Promise<Action> {
  const action = await findAction(trx, id);
  if (!action) throw notFound('action', id);
  if (action.archivedAt !== null) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `Action ${id} is archived` });
  }
  await findLivePlan(trx, action.planId);
  return action;
}

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
    const stage = await findStage(ctx.db, input.stageId);
    if (!stage) throw notFound('stage', input.stageId);
    const now = ctx.now();
    const applied = applyStatusChange(
      { status: 'not_started', progress: 0, statusComment: null, completedOn: null },
      { status: input.status, progress: input.progress, comment: input.statusComment ?? undefined },
      isoToday(now),
    );
    if (!applied.ok)
      throw ruleBroken(applied.reason, `Invalid ${applied.field}: ${applied.reason}`);
    return ctx.db.transaction().execute(async (trx) => {
      await findLivePlan(trx, stage.planId);
      await assertOwnerEligible(trx, input.ownerUserId, scope.territoryIds);
      const created = await insertAction(trx, {
        planId: stage.planId,
        stageId: stage.id,
        title: input.title,
        description: input.description,
        ownerUserId: input.ownerUserId,
        startDate: input.startDate,
        dueDate: input.dueDate,
        ...applied.next,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'action',
        entityId: created.id,
        operation: 'create',
        planId: scope.planId,
        newValue: auditedFields(created),
        occurredAt: now.toISOString(),
      });
      return withHealth(created, isoToday(now));
    });
  }),

  update: authedProcedure.input(actionUpdateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'update_plan_work', { entity: 'action', id: input.id });
    const { id, version, ...patch } = input;
    if (patch.stageId !== undefined) {
      const stage = await findStage(ctx.db, patch.stageId);
      if (!stage || stage.planId !== scope.planId) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Stage ${patch.stageId} is not a stage of this plan`,
        });
      }
    }
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findEditableAction(trx, id);
      if (patch.ownerUserId !== undefined && patch.ownerUserId !== before.ownerUserId) {
        await assertOwnerEligible(trx, patch.ownerUserId, scope.territoryIds);
      }
      const start = patch.startDate === undefined ? before.startDate : patch.startDate;
      const due = patch.dueDate === undefined ? before.dueDate : patch.dueDate;
      if (start && due && start > due) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'The due date must not precede the start date',
        });
      }
      const after = await updateActionAtVersion(trx, id, version, patch, now.toISOString());
      if (!after) throw conflict('action', id);
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'action',
          entityId: id,
          operation: 'update',
          planId: scope.planId,
          occurredAt: now.toISOString(),
        },
        auditedFields(before),
        auditedFields(after),
      );
      return withHealth(after, isoToday(now));
    });
  }),

  setStatus: authedProcedure.input(actionSetStatusInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'update_plan_work', { entity: 'action', id: input.id });
    const now = ctx.now();
    const today = isoToday(now);
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findEditableAction(trx, input.id);
      if (before.version !== input.version) throw conflict('action', input.id);
      const applied = applyStatusChange(before, input, today);
      if (!applied.ok)
        throw ruleBroken(applied.reason, `Invalid ${applied.field}: ${applied.reason}`);
      // The version check is repeated in the UPDATE itself: two callers who both read the same
      // version cannot both win.
      const after = await updateActionAtVersion(
        trx,
        input.id,
        input.version,
        applied.next,
        now.toISOString(),
      );
      if (!after) throw conflict('action', input.id);
      const diff = diffFields(auditedFields(before), auditedFields(after));
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'action',
        entityId: input.id,
        operation: 'status',
        planId: scope.planId,
        oldValue: diff?.oldValue ?? null,
        newValue: diff?.newValue ?? null,
        comment: input.comment ?? null,
        occurredAt: now.toISOString(),
      });
      return withHealth(after, today);
    });
  }),

  archive: authedProcedure.input(archiveInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'action', id: input.id });
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      await findEditableAction(trx, input.id);
      const after = await updateActionAtVersion(
        trx,
        input.id,
        input.version,
        { archivedAt: now.toISOString() },
        now.toISOString(),
      );
      if (!after) throw conflict('action', input.id);
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'action',
        entityId: input.id,
        operation: 'archive',
        planId: scope.planId,
        newValue: { archivedAt: after.archivedAt },
        occurredAt: now.toISOString(),
      });
      return withHealth(after, isoToday(now));
    });
  }),
});
