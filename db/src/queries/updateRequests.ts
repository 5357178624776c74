import type { Insertable, Selectable } from 'kysely';
import { HELD_MEETING_STATUSES, type ActionStatus, type CommitteeKind } from '@jalon/shared';
import type { Db, Trx } from '../connection';
import type { UpdateRequestTable } from '../schema';
import { livePlanIdsOfTerritory } from './agendaProposals';
import { findPreviousHeldMeeting, tookPlaceAt } from './meetings';

// Update requests: before a meeting, the coordinator asks the leads to bring their actions up to
// date; the meeting page then shows, per lead, what was updated and what is stale.

export type UpdateRequestRow = Selectable<UpdateRequestTable>;

export interface UpdateRequestListItem {
  id: number;
  requestedAt: string;
  requestedByName: string;
  message: string;
  dueDate: string | null;
}

export interface LeadAction {
  actionId: number;
  title: string;
  planId: number;
  planCode: string;
  status: ActionStatus;
  progress: number;
  updatedAt: string;
}

export interface LeadUpdateStatus {
  userId: number;
  name: string;
  email: string;
  /** The lead's live actions in the territory's live plans, whatever their status. */
  actions: number;
  /** Changed after the threshold, newest first. */
  updated: LeadAction[];
  /** Still open and unchanged since the threshold, oldest first. */
  stale: LeadAction[];
}

export interface MeetingUpdateStatus {
  /** When the previous held meeting of the committee took place; null when there is none. */
  since: string | null;
  requests: UpdateRequestListItem[];
  leads: LeadUpdateStatus[];
}

export interface OpenUpdateRequest {
  id: number;
  meetingId: number;
  committeeName: string;
  committeeKind: CommitteeKind;
  territoryName: string;
  scheduledAt: string;
  message: string;
  dueDate: string | null;
  requestedAt: string;
  requestedByName: string;
  /** The caller's own open actions in the territory unchanged since the threshold. */
  staleCount: number;
}

const CLOSED_STATUSES: readonly ActionStatus[] = ['done', 'dropped'];

export async function insertUpdateRequest(
  trx: Db | Trx,
  values: Insertable<UpdateRequestTable>,
): Promise<UpdateRequestRow> {
  return trx.insertInto('updateRequests').values(values).returningAll().executeTakeFirstOrThrow();
}

/** The requests sent for a meeting, latest first. */
export async function listUpdateRequests(
  db: Db | Trx,
  meetingId: number,
): Promise<UpdateRequestListItem[]> {
  return db
    .selectFrom('updateRequests as r')
    .innerJoin('users as u', 'u.id', 'r.requestedByUserId')
    .select(['r.id', 'r.requestedAt', 'u.name as requestedByName', 'r.message', 'r.dueDate'])
    .where('r.meetingId', '=', meetingId)
    .orderBy('r.requestedAt', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

/**
 * Per owner of live actions in the territory's live plans: the actions changed after `threshold`
 * and the open ones unchanged since (every open action when there is no threshold), most stale
 * lead first. One query joins actions, owners and plans; the grouping happens here.
 */
export async function leadsUpdateStatus(
  db: Db | Trx,
  territoryId: number,
  threshold: string | null,
): Promise<LeadUpdateStatus[]> {
  const rows = await db
    .selectFrom('actions as a')
    .innerJoin('users as u', 'u.id', 'a.ownerUserId')
    .innerJoin('plans as p', 'p.id', 'a.planId')
    .select([
      'u.id as userId',
      'u.name',
      'u.email',
      'a.id as actionId',
      'a.title',
      'a.planId',
      'p.code as planCode',
      'a.status',
      'a.progress',
      'a.updatedAt',
    ])
    .where('a.planId', 'in', livePlanIdsOfTerritory(db, territoryId))
    .where('a.archivedAt', 'is', null)
    .orderBy('a.updatedAt', 'asc')
    .orderBy('a.id', 'asc')
    .execute();

  const leads = new Map<number, LeadUpdateStatus>();
  for (const { userId, name, email, ...action } of rows) {
    let lead = leads.get(userId);
    if (!lead) {
      lead = { userId, name, email, actions: 0, updated: [], stale: [] };
      leads.set(userId, lead);
    }
    lead.actions += 1;
    if (threshold !== null && action.updatedAt > threshold) lead.updated.unshift(action);
    else if (!CLOSED_STATUSES.includes(action.status)) lead.stale.push(action);
  }
  return [...leads.values()].sort(
    (a, b) =>
      b.stale.length - a.stale.length ||
      a.updated.length - b.updated.length ||
      a.name.localeCompare(b.name, 'fr'),
  );
}

/**
 * The requests of a meeting and where each lead stands. Updates count from the previous held
 * meeting of the committee; without one, from the latest request; without any, all is stale.
 */
export async function meetingUpdateStatus(
  db: Db | Trx,
  meeting: { id: number; committeeId: number; territoryId: number; scheduledAt: string },
): Promise<MeetingUpdateStatus> {
  const [previous, requests] = await Promise.all([
    findPreviousHeldMeeting(db, meeting),
    listUpdateRequests(db, meeting.id),
  ]);
  const since = previous ? tookPlaceAt(previous) : null;
  const threshold = since ?? requests[0]?.requestedAt ?? null;
  return { since, requests, leads: await leadsUpdateStatus(db, meeting.territoryId, threshold) };
}

/**
 * Requests addressed to a user: those of planned meetings from `today` on, in the territories
 * where the user owns live actions, each with the count of the user's own stale actions there.
 */
export async function listOpenUpdateRequestsFor(
  db: Db | Trx,
  userId: number,
  today: string,
): Promise<OpenUpdateRequest[]> {
  const ownedActions = db
    .selectFrom('actions as oa')
    .innerJoin('plans as op', 'op.id', 'oa.planId')
    .innerJoin('planTerritories as opt', 'opt.planId', 'oa.planId')
    .where('oa.ownerUserId', '=', userId)
    .where('oa.archivedAt', 'is', null)
    .where('op.archivedAt', 'is', null);

  const [requests, actions] = await Promise.all([
    db
      .selectFrom('updateRequests as r')
      .innerJoin('meetings as m', 'm.id', 'r.meetingId')
      .innerJoin('committees as c', 'c.id', 'm.committeeId')
      .innerJoin('territories as t', 't.id', 'c.territoryId')
      .innerJoin('users as u', 'u.id', 'r.requestedByUserId')
      .select((eb) => [
        'r.id',
        'r.meetingId',
        'c.name as committeeName',
        'c.kind as committeeKind',
        'c.territoryId',
        't.name as territoryName',
        'm.scheduledAt',
        'r.message',
        'r.dueDate',
        'r.requestedAt',
        'u.name as requestedByName',
        // The same threshold as meetingUpdateStatus: the previous held meeting, else the latest
        // request for this meeting.
        eb.fn
          .coalesce(
            eb
              .selectFrom('meetings as pm')
              .select((sub) => sub.fn.coalesce('pm.heldAt', 'pm.scheduledAt').as('at'))
              .whereRef('pm.committeeId', '=', 'm.committeeId')
              .whereRef('pm.id', '!=', 'm.id')
              .where('pm.status', 'in', HELD_MEETING_STATUSES)
              .whereRef('pm.scheduledAt', '<', 'm.scheduledAt')
              .orderBy('pm.scheduledAt', 'desc')
              .orderBy('pm.id', 'desc')
              .limit(1),
            eb
              .selectFrom('updateRequests as lr')
              .select((sub) => sub.fn.max('lr.requestedAt').as('at'))
              .whereRef('lr.meetingId', '=', 'm.id'),
          )
          .$castTo<string>()
          .as('threshold'),
      ])
      .where('m.status', '=', 'planned')
      .where('m.scheduledAt', '>=', today)
      .where('c.territoryId', 'in', ownedActions.select('opt.territoryId'))
      .orderBy('m.scheduledAt', 'asc')
      .orderBy('r.requestedAt', 'desc')
      .orderBy('r.id', 'desc')
      .execute(),
    ownedActions
      .select(['opt.territoryId', 'oa.updatedAt'])
      .where('oa.status', 'not in', [...CLOSED_STATUSES])
      .execute(),
  ]);

  return requests.map(({ territoryId, threshold, ...request }) => ({
    ...request,
    staleCount: actions.filter((a) => a.territoryId === territoryId && a.updatedAt <= threshold)
      .length,
  }));
}

/** An update request whose leads may have to be reminded, with what the mail says about it. */
export interface ReminderCandidate {
  id: number;
  meetingId: number;
  committeeId: number;
  territoryId: number;
  territoryName: string;
  committeeName: string;
  committeeKind: CommitteeKind;
  scheduledAt: string;
  message: string;
  requestedByName: string;
  dueDate: string;
  reminderDays: number;
}

/**
 * The requests not reminded yet whose due date is `today` or later, for a meeting still planned.
 * Whether the reminder is due (its territory's days before the due date) is date arithmetic, kept
 * out of SQL so that it reads the same on every database (`shared` decides it).
 */
export async function listReminderCandidates(
  db: Db | Trx,
  today: string,
): Promise<ReminderCandidate[]> {
  return db
    .selectFrom('updateRequests as r')
    .innerJoin('meetings as m', 'm.id', 'r.meetingId')
    .innerJoin('committees as c', 'c.id', 'm.committeeId')
    .innerJoin('territories as t', 't.id', 'c.territoryId')
    .innerJoin('users as u', 'u.id', 'r.requestedByUserId')
    .select([
      'r.id',
      'r.meetingId',
      'u.name as requestedByName',
      'm.committeeId',
      'c.territoryId',
      't.name as territoryName',
      'c.name as committeeName',
      'c.kind as committeeKind',
      'm.scheduledAt',
      'r.message',
      't.reminderDays',
    ])
    .select((eb) => eb.ref('r.dueDate').$castTo<string>().as('dueDate'))
    .where('r.remindedAt', 'is', null)
    .where('r.dueDate', 'is not', null)
    .where('r.dueDate', '>=', today)
    .where('m.status', '=', 'planned')
    .orderBy('r.dueDate')
    .orderBy('r.id')
    .execute();
}

/** Marks the request reminded, once: false when another mailer did it first. */
export async function markUpdateRequestReminded(
  trx: Db | Trx,
  id: number,
  nowIso: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('updateRequests')
    .set({ remindedAt: nowIso })
    .where('id', '=', id)
    .where('remindedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
