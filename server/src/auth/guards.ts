import {
  findAction,
  findIndicator,
  findMeetingWithTerritory,
  findPlan,
  scopeOf,
  type Action,
  type Db,
  type Indicator,
  type Meeting,
  type Plan,
  type Scope,
  type ScopedEntity,
  type Trx,
} from '@jalon/db';
import { isMeetingEditable, type MeetingStatus } from '@jalon/shared';
import type { AuthedContext } from '../trpc';
import { badRequest, ENTITY_LABELS, forbidden, notFound } from '../errors';
import { can, managedTerritoryIds, type Permission } from './permissions';

// Guards: who may act, and lookups that refuse a missing or closed row. Procedures call the
// `authorize*` guards before opening a transaction; services call the lookups inside it.

const PERMISSION_VERBS: Record<Permission, string> = {
  read: 'read',
  comment: 'comment on',
  manage: 'manage',
  update_plan_work: 'update',
  administer: 'administer',
};

/**
 * Resolves where an entity lives and checks the caller may do `permission` there.
 * Throws NOT_FOUND for a missing entity, FORBIDDEN outside the caller's scope; returns the scope.
 */
export async function authorize(
  ctx: AuthedContext,
  permission: Permission,
  target: { entity: ScopedEntity; id: number },
): Promise<Scope> {
  const scope = await scopeOf(ctx.db, target.entity, target.id);
  if (scope === null) throw notFound(target.entity, target.id);
  if (!can(ctx.user, permission, scope)) {
    throw forbidden(
      `You may not ${PERMISSION_VERBS[permission]} ${ENTITY_LABELS[target.entity].toLowerCase()} ${target.id}`,
    );
  }
  return scope;
}

/** For national reference data (territories, organisations, users): admins only. */
export function authorizeAdmin(ctx: AuthedContext): void {
  if (!can(ctx.user, 'administer', null)) {
    throw forbidden('Only administrators may do this');
  }
}

/**
 * Organisations are shared reference data; besides admins, any coordinator may add or correct one
 * (a new partner or funder of their plans) without waiting for the national team. Changing an
 * existing organisation's kind reclassifies it for everyone, so only admins do that.
 */
export function authorizeOrganisationEditor(ctx: AuthedContext): void {
  if (can(ctx.user, 'administer', null) || managedTerritoryIds(ctx.user).length > 0) return;
  throw forbidden('Only administrators and territory coordinators may edit organisations');
}

/** A plan is created in, moved into or out of territories only by who manages each of them. */
export async function authorizeManageEach(
  ctx: AuthedContext,
  territoryIds: readonly number[],
): Promise<void> {
  for (const id of new Set(territoryIds))
    await authorize(ctx, 'manage', { entity: 'territory', id });
}

/**
 * Measurements of a plan's indicator are plan work (its lead or a coordinator records them);
 * those of a territory-wide indicator belong to the territory's coordinators.
 */
export async function authorizeRecording(
  ctx: AuthedContext,
  indicatorId: number,
): Promise<Indicator> {
  const indicator = await findIndicator(ctx.db, indicatorId);
  if (!indicator) throw notFound('indicator', indicatorId);
  if (indicator.planId !== null) {
    await authorize(ctx, 'update_plan_work', { entity: 'indicator', id: indicatorId });
  } else {
    await authorize(ctx, 'manage', { entity: 'territory', id: indicator.territoryId ?? 0 });
  }
  return indicator;
}

/**
 * Reads a plan and refuses an archived one: an archived plan is a closed record, and neither it
 * nor its actions or measurements change any more.
 */
export async function findLivePlan(db: Db | Trx, id: number): Promise<Plan> {
  const plan = await findPlan(db, id);
  if (!plan) throw notFound('plan', id);
  if (plan.archivedAt !== null) throw badRequest(`Plan ${id} is archived`);
  return plan;
}

/**
 * Reads an action inside the transaction that changes it, and refuses an archived one or one of an
 * archived plan: both are closed records.
 */
export async function findEditableAction(trx: Db | Trx, id: number): Promise<Action> {
  const action = await findAction(trx, id);
  if (!action) throw notFound('action', id);
  if (action.archivedAt !== null) throw badRequest(`Action ${id} is archived`);
  await findLivePlan(trx, action.planId);
  return action;
}

/**
 * Approved minutes are the record of the meeting, and a cancelled meeting has no record: neither
 * changes any more (attendance, agenda, decisions, the meeting's own fields).
 */
export function assertMeetingEditable(meeting: { id: number; status: MeetingStatus }): void {
  if (isMeetingEditable(meeting.status)) return;
  throw badRequest(
    meeting.status === 'cancelled'
      ? `Meeting ${meeting.id} is cancelled; it is read-only`
      : `Meeting ${meeting.id} minutes are approved; it is read-only`,
  );
}

/** Reads a meeting inside the transaction that changes it, and refuses a read-only one. */
export async function findEditableMeeting(
  trx: Db | Trx,
  id: number,
): Promise<Meeting & { territoryId: number }> {
  const meeting = await findMeetingWithTerritory(trx, id);
  if (!meeting) throw notFound('meeting', id);
  assertMeetingEditable(meeting);
  return meeting;
}
