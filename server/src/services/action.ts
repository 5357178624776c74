import {
  findStage,
  insertAction,
  isMemberOfAnyTerritory,
  updateActionAtVersion,
  type Action,
  type Scope,
  type Trx,
} from '@jalon/db';
import {
  applyStatusChange,
  isOverdue,
  isoToday,
  type actionCreateInput,
  type actionSetStatusInput,
  type actionUpdateInput,
  type archiveInput,
} from '@jalon/shared';
import type { z } from 'zod';
import { findEditableAction, findLivePlan } from '../auth/guards';
import { badRequest, conflict, notFound, ruleBroken } from '../errors';
import { audit } from './audit';
import type { Write } from './write';

/** An action as the API returns it: with its health apart from status. */
export type ActionWithHealth = Action & { overdue: boolean };

export const withHealth = (action: Action, today: string): ActionWithHealth => ({
  ...action,
  overdue: isOverdue(action, today),
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
  throw badRequest(`User ${ownerUserId} is not a member of this plan's territories`);
}

/** Creates an action in a stage of a live plan (`scope`: the stage's), with its first status. */
export async function createAction(
  w: Write,
  scope: Scope,
  input: z.infer<typeof actionCreateInput>,
): Promise<ActionWithHealth> {
  const stage = await findStage(w.trx, input.stageId);
  if (!stage) throw notFound('stage', input.stageId);
  const applied = applyStatusChange(
    { status: 'not_started', progress: 0, statusComment: null, completedOn: null },
    { status: input.status, progress: input.progress, comment: input.statusComment ?? undefined },
    isoToday(w.now),
  );
  if (!applied.ok) throw ruleBroken(applied.reason, `Invalid ${applied.field}: ${applied.reason}`);
  await findLivePlan(w.trx, stage.planId);
  await assertOwnerEligible(w.trx, input.ownerUserId, scope.territoryIds);
  const created = await insertAction(w.trx, {
    planId: stage.planId,
    stageId: stage.id,
    title: input.title,
    description: input.description,
    ownerUserId: input.ownerUserId,
    startDate: input.startDate,
    dueDate: input.dueDate,
    ...applied.next,
    createdAt: w.now.toISOString(),
    updatedAt: w.now.toISOString(),
  });
  await audit(w, {
    entityType: 'action',
    entityId: created.id,
    operation: 'create',
    planId: scope.planId,
    after: created,
  });
  return withHealth(created, isoToday(w.now));
}

/** Optimistic: `input.version` is the version the caller saw. */
export async function updateAction(
  w: Write,
  scope: Scope,
  input: z.infer<typeof actionUpdateInput>,
): Promise<ActionWithHealth> {
  const { id, version, ...patch } = input;
  if (patch.stageId !== undefined) {
    const stage = await findStage(w.trx, patch.stageId);
    if (!stage || stage.planId !== scope.planId) {
      throw badRequest(`Stage ${patch.stageId} is not a stage of this plan`);
    }
  }
  const before = await findEditableAction(w.trx, id);
  if (patch.ownerUserId !== undefined && patch.ownerUserId !== before.ownerUserId) {
    await assertOwnerEligible(w.trx, patch.ownerUserId, scope.territoryIds);
  }
  const start = patch.startDate === undefined ? before.startDate : patch.startDate;
  const due = patch.dueDate === undefined ? before.dueDate : patch.dueDate;
  if (start && due && start > due) {
    throw badRequest('The due date must not precede the start date');
  }
  const after = await updateActionAtVersion(w.trx, id, version, patch, w.now.toISOString());
  if (!after) throw conflict('action', id);
  await audit(w, {
    entityType: 'action',
    entityId: id,
    operation: 'update',
    planId: scope.planId,
    before,
    after,
  });
  return withHealth(after, isoToday(w.now));
}

/** The fields of `next` whose value differs from `before`'s. */
function changedFields<T extends object>(before: T, next: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => before[key as keyof T] !== value),
  ) as Partial<T>;
}

/**
 * Moves an action to a status, with the progress and comment the rule asks for; always audited,
 * with its comment, even when nothing but the comment changed.
 */
export async function setActionStatus(
  w: Write,
  scope: Scope,
  input: z.infer<typeof actionSetStatusInput>,
): Promise<ActionWithHealth> {
  const today = isoToday(w.now);
  const before = await findEditableAction(w.trx, input.id);
  if (before.version !== input.version) throw conflict('action', input.id);
  const applied = applyStatusChange(before, input, today);
  if (!applied.ok) throw ruleBroken(applied.reason, `Invalid ${applied.field}: ${applied.reason}`);
  // The version check is repeated in the UPDATE itself: two callers who both read the same
  // version cannot both win.
  const after = await updateActionAtVersion(
    w.trx,
    input.id,
    input.version,
    changedFields(before, applied.next),
    w.now.toISOString(),
  );
  if (!after) throw conflict('action', input.id);
  await audit(w, {
    entityType: 'action',
    entityId: input.id,
    operation: 'status',
    planId: scope.planId,
    comment: input.comment ?? null,
    before,
    after,
  });
  return withHealth(after, today);
}

export async function archiveAction(
  w: Write,
  scope: Scope,
  input: z.infer<typeof archiveInput>,
): Promise<ActionWithHealth> {
  await findEditableAction(w.trx, input.id);
  const now = w.now.toISOString();
  const after = await updateActionAtVersion(
    w.trx,
    input.id,
    input.version,
    { archivedAt: now },
    now,
  );
  if (!after) throw conflict('action', input.id);
  await audit(w, {
    entityType: 'action',
    entityId: input.id,
    operation: 'archive',
    planId: scope.planId,
    after: { archivedAt: after.archivedAt },
  });
  return withHealth(after, isoToday(w.now));
}
