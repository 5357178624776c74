import type { Insertable, Selectable, Updateable } from 'kysely';
import {
  addDays,
  HELD_MEETING_STATUSES,
  type CommitteeKind,
  type DecisionKind,
  type DecisionStatus,
  type MeetingMode,
  type MeetingStatus,
  readMeetingSnapshot,
  type MeetingSnapshot,
  type SnapshotDecision,
  type SnapshotIndicator,
} from '@jalon/shared';
import type { Db, Trx } from '../connection';
import type {
  AgendaItemTable,
  AttendanceTable,
  DecisionTable,
  Meeting,
  MeetingTable,
} from '../schema';
import { visibleTerritoryIds, type Visibility } from './visibility';
import { overdueActionSql } from './overdue';
import { planProgressQuery, stageProgressQuery } from './progress';
import { indicatorsWithLatestQuery, summariseIndicator } from './indicators';

export type AttendanceRow = Selectable<AttendanceTable>;
export type AgendaItemRow = Selectable<AgendaItemTable>;
export type DecisionRow = Selectable<DecisionTable>;

// ---- Meetings --------------------------------------------------------------------------------

export interface MeetingFilter {
  territoryId?: number | undefined;
  committeeId?: number | undefined;
  statuses?: MeetingStatus[] | undefined;
  /** ISO dates, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface MeetingListItem {
  id: number;
  committeeId: number;
  committeeKind: CommitteeKind;
  committeeName: string;
  territoryId: number;
  scheduledAt: string;
  place: string;
  mode: MeetingMode;
  status: MeetingStatus;
  heldAt: string | null;
  version: number;
}

/** Lists the meetings the caller may read, filtered, sorted by date and paginated in SQL. */
export async function listMeetings(
  db: Db | Trx,
  visibility: Visibility,
  filter: MeetingFilter,
): Promise<{ items: MeetingListItem[]; total: number }> {
  const base = db
    .selectFrom('meetings as m')
    .innerJoin('committees as c', 'c.id', 'm.committeeId')
    .where('c.territoryId', 'in', visibleTerritoryIds(db, visibility))
    .$if(filter.territoryId !== undefined, (qb) =>
      qb.where('c.territoryId', '=', filter.territoryId ?? 0),
    )
    .$if(filter.committeeId !== undefined, (qb) =>
      qb.where('m.committeeId', '=', filter.committeeId ?? 0),
    )
    .$if(!!filter.statuses?.length, (qb) => qb.where('m.status', 'in', filter.statuses ?? []))
    // scheduled_at is a UTC timestamp: it sorts after its own date, and before the next day.
    .$if(filter.from !== undefined, (qb) => qb.where('m.scheduledAt', '>=', filter.from ?? ''))
    .$if(filter.to !== undefined, (qb) =>
      qb.where('m.scheduledAt', '<', addDays(filter.to ?? '', 1)),
    );
  const [items, count] = await Promise.all([
    base
      .select([
        'm.id',
        'm.committeeId',
        'c.kind as committeeKind',
        'c.name as committeeName',
        'c.territoryId',
        'm.scheduledAt',
        'm.place',
        'm.mode',
        'm.status',
        'm.heldAt',
        'm.version',
      ])
      .orderBy('m.scheduledAt', filter.direction)
      .orderBy('m.id', filter.direction)
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findMeeting(db: Db | Trx, id: number): Promise<Meeting | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface HeldMeeting {
  id: number;
  scheduledAt: string;
  heldAt: string | null;
}

/** The latest meeting of the committee that took place before `meeting` was scheduled. */
export async function findPreviousHeldMeeting(
  db: Db | Trx,
  meeting: { id: number; committeeId: number; scheduledAt: string },
): Promise<HeldMeeting | null> {
  const row = await db
    .selectFrom('meetings')
    .select(['id', 'scheduledAt', 'heldAt'])
    .where('committeeId', '=', meeting.committeeId)
    .where('id', '!=', meeting.id)
    .where('status', 'in', HELD_MEETING_STATUSES)
    .where('scheduledAt', '<', meeting.scheduledAt)
    .orderBy('scheduledAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ?? null;
}

/** When a meeting took place: when it was marked held, else when it was scheduled. */
export const tookPlaceAt = (meeting: HeldMeeting): string => meeting.heldAt ?? meeting.scheduledAt;

/** A meeting with the territory of its committee, which every rule about links needs. */
export async function findMeetingWithTerritory(
  db: Db | Trx,
  id: number,
): Promise<(Meeting & { territoryId: number }) | undefined> {
  return db
    .selectFrom('meetings as m')
    .innerJoin('committees as c', 'c.id', 'm.committeeId')
    .selectAll('m')
    .select('c.territoryId')
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export async function insertMeeting(
  trx: Db | Trx,
  values: Insertable<MeetingTable>,
): Promise<Meeting> {
  return trx.insertInto('meetings').values(values).returningAll().executeTakeFirstOrThrow();
}

/**
 * Updates a meeting only if it is still at `expectedVersion`, bumping the version. Undefined when
 * someone else saved it first.
 */
export async function updateMeetingAtVersion(
  trx: Db | Trx,
  id: number,
  expectedVersion: number,
  patch: Updateable<MeetingTable>,
): Promise<Meeting | undefined> {
  return trx
    .updateTable('meetings')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

// ---- Attendance ------------------------------------------------------------------------------

export interface AttendanceItem extends AttendanceRow {
  organisationName: string | null;
}

export async function listAttendance(db: Db | Trx, meetingId: number): Promise<AttendanceItem[]> {
  return db
    .selectFrom('attendance as a')
    .leftJoin('organisations as o', 'o.id', 'a.organisationId')
    .selectAll('a')
    .select('o.name as organisationName')
    .where('a.meetingId', '=', meetingId)
    .orderBy('a.personName', 'asc')
    .orderBy('a.id', 'asc')
    .execute();
}

/** Replaces the whole attendance list of a meeting. */
export async function replaceAttendance(
  trx: Db | Trx,
  meetingId: number,
  entries: Omit<Insertable<AttendanceTable>, 'meetingId'>[],
): Promise<void> {
  await trx.deleteFrom('attendance').where('meetingId', '=', meetingId).execute();
  if (entries.length === 0) return;
  await trx
    .insertInto('attendance')
    .values(entries.map((e) => ({ ...e, meetingId })))
    .execute();
}

/** The ids among `memberIds` that are members of the committee. */
export async function committeeMemberIdsIn(
  db: Db | Trx,
  committeeId: number,
  memberIds: number[],
): Promise<number[]> {
  if (memberIds.length === 0) return [];
  const rows = await db
    .selectFrom('committeeMembers')
    .select('id')
    .where('committeeId', '=', committeeId)
    .where('id', 'in', memberIds)
    .execute();
  return rows.map((r) => r.id);
}

// ---- Links from agenda items and decisions to plans, stages and actions ----------------------

export interface PlanLinks {
  planId: number | null;
  stageId: number | null;
  actionId: number | null;
}

export type LinkCheck = { ok: true; planId: number | null } | { ok: false; reason: string };

/**
 * Checks that the plan, stage and action an agenda item or decision points to agree with each
 * other and belong to the territory; returns the plan they designate (derived from the stage or
 * action when not given).
 */
export async function checkLinksInTerritory(
  db: Db | Trx,
  territoryId: number,
  links: PlanLinks,
): Promise<LinkCheck> {
  const [stage, action] = await Promise.all([
    links.stageId === null
      ? undefined
      : db
          .selectFrom('stages')
          .select(['id', 'planId'])
          .where('id', '=', links.stageId)
          .executeTakeFirst(),
    links.actionId === null
      ? undefined
      : db
          .selectFrom('actions')
          .select(['id', 'planId', 'stageId'])
          .where('id', '=', links.actionId)
          .executeTakeFirst(),
  ]);
  if (links.stageId !== null && !stage) {
    return { ok: false, reason: `Stage ${links.stageId} not found` };
  }
  if (links.actionId !== null && !action) {
    return { ok: false, reason: `Action ${links.actionId} not found` };
  }
  if (stage && action && action.stageId !== stage.id) {
    return { ok: false, reason: `Action ${action.id} is not in stage ${stage.id}` };
  }
  const planIds = new Set(
    [links.planId, stage?.planId, action?.planId].filter((p): p is number => p != null),
  );
  if (planIds.size > 1) {
    return { ok: false, reason: 'The linked plan, stage and action belong to different plans' };
  }
  const [planId] = planIds;
  if (planId === undefined) return { ok: true, planId: null };
  const inTerritory = await db
    .selectFrom('planTerritories')
    .select('planId')
    .where('planId', '=', planId)
    .where('territoryId', '=', territoryId)
    .executeTakeFirst();
  if (!inTerritory) {
    return { ok: false, reason: `Plan ${planId} is not a plan of the meeting's territory` };
  }
  return { ok: true, planId };
}

// ---- Agenda ----------------------------------------------------------------------------------

export interface AgendaItemListItem extends AgendaItemRow {
  planCode: string | null;
  actionTitle: string | null;
}

export async function listAgendaItems(
  db: Db | Trx,
  meetingId: number,
): Promise<AgendaItemListItem[]> {
  return db
    .selectFrom('agendaItems as ai')
    .leftJoin('plans as p', 'p.id', 'ai.planId')
    .leftJoin('actions as a', 'a.id', 'ai.actionId')
    .selectAll('ai')
    .select(['p.code as planCode', 'a.title as actionTitle'])
    .where('ai.meetingId', '=', meetingId)
    .orderBy('ai.position', 'asc')
    .orderBy('ai.id', 'asc')
    .execute();
}

export async function findAgendaItem(db: Db | Trx, id: number): Promise<AgendaItemRow | undefined> {
  return db.selectFrom('agendaItems').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Appends an item at the end of the meeting's agenda. */
export async function appendAgendaItem(
  trx: Db | Trx,
  values: Omit<Insertable<AgendaItemTable>, 'position'>,
): Promise<AgendaItemRow> {
  const last = await trx
    .selectFrom('agendaItems')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('meetingId', '=', values.meetingId)
    .executeTakeFirst();
  return trx
    .insertInto('agendaItems')
    .values({ ...values, position: (last?.position ?? 0) + 1 })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateAgendaItem(
  trx: Db | Trx,
  id: number,
  patch: Updateable<AgendaItemTable>,
): Promise<AgendaItemRow> {
  return trx
    .updateTable('agendaItems')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes an item and closes the gap it leaves in the order. */
export async function deleteAgendaItem(trx: Db | Trx, item: AgendaItemRow): Promise<void> {
  await trx.deleteFrom('agendaItems').where('id', '=', item.id).execute();
  await trx
    .updateTable('agendaItems')
    .set((eb) => ({ position: eb('position', '-', 1) }))
    .where('meetingId', '=', item.meetingId)
    .where('position', '>', item.position)
    .execute();
}

/** Numbers the items 1, 2, 3… in the order of `itemIds`. */
export async function setAgendaOrder(
  trx: Db | Trx,
  meetingId: number,
  itemIds: number[],
): Promise<void> {
  for (const [index, id] of itemIds.entries()) {
    await trx
      .updateTable('agendaItems')
      .set({ position: index + 1 })
      .where('id', '=', id)
      .where('meetingId', '=', meetingId)
      .execute();
  }
}

// ---- Decisions -------------------------------------------------------------------------------

export interface DecisionFilter {
  territoryId?: number | undefined;
  committeeId?: number | undefined;
  meetingId?: number | undefined;
  followUpStatuses?: DecisionStatus[] | undefined;
  kinds?: DecisionKind[] | undefined;
  planId?: number | undefined;
  limit: number;
  offset: number;
}

export interface DecisionListItem {
  id: number;
  meetingId: number;
  meetingScheduledAt: string;
  meetingStatus: MeetingStatus;
  committeeId: number;
  committeeName: string;
  committeeKind: CommitteeKind;
  territoryId: number;
  number: number;
  text: string;
  kind: DecisionKind;
  planId: number | null;
  planCode: string | null;
  stageId: number | null;
  actionId: number | null;
  ownerName: string;
  dueDate: string | null;
  followUpStatus: DecisionStatus;
  updatedAt: string;
}

function decisionsQuery(db: Db | Trx) {
  return db
    .selectFrom('decisions as d')
    .innerJoin('meetings as m', 'm.id', 'd.meetingId')
    .innerJoin('committees as c', 'c.id', 'm.committeeId');
}

const DECISION_COLUMNS = [
  'd.id',
  'd.meetingId',
  'm.scheduledAt as meetingScheduledAt',
  'm.status as meetingStatus',
  'm.committeeId',
  'c.name as committeeName',
  'c.kind as committeeKind',
  'c.territoryId',
  'd.number',
  'd.text',
  'd.kind',
  'd.planId',
  'p.code as planCode',
  'd.stageId',
  'd.actionId',
  'd.ownerName',
  'd.dueDate',
  'd.followUpStatus',
  'd.updatedAt',
] as const;

/** Lists the decisions the caller may read, latest meetings first, in number order. */
export async function listDecisions(
  db: Db | Trx,
  visibility: Visibility,
  filter: DecisionFilter,
): Promise<{ items: DecisionListItem[]; total: number }> {
  const base = decisionsQuery(db)
    .where('c.territoryId', 'in', visibleTerritoryIds(db, visibility))
    .$if(filter.territoryId !== undefined, (qb) =>
      qb.where('c.territoryId', '=', filter.territoryId ?? 0),
    )
    .$if(filter.committeeId !== undefined, (qb) =>
      qb.where('m.committeeId', '=', filter.committeeId ?? 0),
    )
    .$if(filter.meetingId !== undefined, (qb) =>
      qb.where('d.meetingId', '=', filter.meetingId ?? 0),
    )
    .$if(!!filter.followUpStatuses?.length, (qb) =>
      qb.where('d.followUpStatus', 'in', filter.followUpStatuses ?? []),
    )
    .$if(!!filter.kinds?.length, (qb) => qb.where('d.kind', 'in', filter.kinds ?? []))
    .$if(filter.planId !== undefined, (qb) => qb.where('d.planId', '=', filter.planId ?? 0));
  const [items, count] = await Promise.all([
    base
      .leftJoin('plans as p', 'p.id', 'd.planId')
      .select(DECISION_COLUMNS)
      .orderBy('m.scheduledAt', 'desc')
      .orderBy('d.number', 'asc')
      .orderBy('d.id', 'asc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function listMeetingDecisions(
  db: Db | Trx,
  meetingId: number,
): Promise<DecisionListItem[]> {
  return decisionsQuery(db)
    .leftJoin('plans as p', 'p.id', 'd.planId')
    .select(DECISION_COLUMNS)
    .where('d.meetingId', '=', meetingId)
    .orderBy('d.number', 'asc')
    .execute();
}

export async function findDecision(db: Db | Trx, id: number): Promise<DecisionRow | undefined> {
  return db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Decisions are numbered 1, 2, 3… across all the meetings of a committee. */
export async function nextDecisionNumber(trx: Db | Trx, committeeId: number): Promise<number> {
  const row = await trx
    .selectFrom('decisions as d')
    .innerJoin('meetings as m', 'm.id', 'd.meetingId')
    .select((eb) => eb.fn.max('d.number').as('number'))
    .where('m.committeeId', '=', committeeId)
    .executeTakeFirst();
  return (row?.number ?? 0) + 1;
}

export async function insertDecision(
  trx: Db | Trx,
  values: Insertable<DecisionTable>,
): Promise<DecisionRow> {
  return trx.insertInto('decisions').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateDecision(
  trx: Db | Trx,
  id: number,
  patch: Updateable<DecisionTable>,
): Promise<DecisionRow> {
  return trx
    .updateTable('decisions')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records (or, with nulls, withdraws) the validation of a stage by a meeting. */
export async function setStageValidation(
  trx: Db | Trx,
  stageId: number,
  validation: { validatedMeetingId: number | null; validatedOn: string | null },
): Promise<void> {
  await trx.updateTable('stages').set(validation).where('id', '=', stageId).execute();
}

export interface StageValidation {
  id: number;
  planId: number;
  validatedMeetingId: number | null;
  validatedOn: string | null;
}

export async function findStageValidation(
  db: Db | Trx,
  stageId: number,
): Promise<StageValidation | undefined> {
  return db
    .selectFrom('stages')
    .select(['id', 'planId', 'validatedMeetingId', 'validatedOn'])
    .where('id', '=', stageId)
    .executeTakeFirst();
}

/** The gates of every stage of a plan, in the plan's order. */
export async function listPlanStageGates(
  db: Db | Trx,
  planId: number,
): Promise<{ id: number; position: number; validatedMeetingId: number | null }[]> {
  return db
    .selectFrom('stages')
    .select(['id', 'position', 'validatedMeetingId'])
    .where('planId', '=', planId)
    .orderBy('position', 'asc')
    .execute();
}

/** The validation decisions of a meeting that name a stage, in the stages' order. */
export async function listMeetingStageValidations(
  db: Db | Trx,
  meetingId: number,
): Promise<{ decisionId: number; stageId: number; planId: number }[]> {
  return db
    .selectFrom('decisions as d')
    .innerJoin('stages as s', 's.id', 'd.stageId')
    .select(['d.id as decisionId', 's.id as stageId', 's.planId'])
    .where('d.meetingId', '=', meetingId)
    .where('d.kind', '=', 'validation')
    .orderBy('s.planId', 'asc')
    .orderBy('s.position', 'asc')
    .orderBy('d.id', 'asc')
    .execute();
}

/**
 * Withdraws every stage gate set by a meeting; returns those stages as they were before, for the
 * audit. Run it inside the transaction that changes the meeting.
 */
export async function clearStageValidationsOf(
  trx: Db | Trx,
  meetingId: number,
): Promise<StageValidation[]> {
  const stages = await trx
    .selectFrom('stages')
    .select(['id', 'planId', 'validatedMeetingId', 'validatedOn'])
    .where('validatedMeetingId', '=', meetingId)
    .orderBy('id')
    .execute();
  if (stages.length > 0) {
    await trx
      .updateTable('stages')
      .set({ validatedMeetingId: null, validatedOn: null })
      .where('validatedMeetingId', '=', meetingId)
      .execute();
  }
  return stages;
}

// ---- Snapshots -------------------------------------------------------------------------------

export type {
  MeetingChanges,
  MeetingSnapshot,
  SnapshotAction,
  SnapshotDecision,
  SnapshotIndicator,
  SnapshotPlan,
  SnapshotStage,
} from '@jalon/shared';

/** Every decision of a committee with its follow-up, as a snapshot keeps them. */
export async function listSnapshotDecisions(
  db: Db | Trx,
  committeeId: number,
): Promise<SnapshotDecision[]> {
  return decisionsQuery(db)
    .leftJoin('plans as p', 'p.id', 'd.planId')
    .select([
      'd.id',
      'd.meetingId',
      'd.number',
      'd.text',
      'd.kind',
      'd.planId',
      'p.code as planCode',
      'd.stageId',
      'd.actionId',
      'd.ownerName',
      'd.dueDate',
      'd.followUpStatus',
    ])
    .where('m.committeeId', '=', committeeId)
    .orderBy('d.number', 'asc')
    .orderBy('d.id', 'asc')
    .execute();
}

/**
 * Reads every live plan of the territory with its progress, stages, actions and indicators, the
 * roll-ups computed in SQL by the same queries as the dashboards, and every decision of the
 * committee with its follow-up.
 */
export async function buildMeetingSnapshot(
  db: Db | Trx,
  scope: { territoryId: number; committeeId: number },
  today: string,
): Promise<MeetingSnapshot> {
  const { territoryId, committeeId } = scope;
  const livePlanIds = db
    .selectFrom('planTerritories as spt')
    .innerJoin('plans as sp', 'sp.id', 'spt.planId')
    .select('spt.planId')
    .where('spt.territoryId', '=', territoryId)
    .where('sp.archivedAt', 'is', null);

  const liveIndicators = db
    .selectFrom('indicators as si')
    .select('si.id')
    .where('si.archivedAt', 'is', null)
    .where((eb) =>
      eb.or([eb('si.planId', 'in', livePlanIds), eb('si.territoryId', '=', territoryId)]),
    );

  const [plans, stages, actions, indicators, measurementCounts, decisions] = await Promise.all([
    db
      .selectFrom('plans as p')
      .leftJoin(planProgressQuery(db).as('pp'), 'pp.planId', 'p.id')
      .select(['p.id', 'p.code', 'p.title', 'p.axis', 'p.priority', 'pp.progress'])
      .where('p.id', 'in', livePlanIds)
      .orderBy('p.code', 'asc')
      .orderBy('p.id', 'asc')
      .execute(),
    db
      .selectFrom('stages as s')
      .leftJoin(stageProgressQuery(db).as('sg'), 'sg.stageId', 's.id')
      .select([
        's.id',
        's.planId',
        's.kind',
        's.position',
        'sg.progress',
        's.plannedStart',
        's.plannedEnd',
        's.actualStart',
        's.actualEnd',
        's.validatedMeetingId',
        's.validatedOn',
      ])
      .where('s.planId', 'in', livePlanIds)
      .orderBy('s.position', 'asc')
      .execute(),
    db
      .selectFrom('actions as a')
      .leftJoin('users as u', 'u.id', 'a.ownerUserId')
      .select((eb) => [
        'a.id',
        'a.stageId',
        'a.title',
        'a.status',
        'a.progress',
        'a.dueDate',
        'a.statusComment',
        'u.name as ownerName',
        eb.case().when(overdueActionSql('a', today)).then(1).else(0).end().as('overdue'),
      ])
      .where('a.planId', 'in', livePlanIds)
      .where('a.archivedAt', 'is', null)
      .orderBy('a.id', 'asc')
      .execute(),
    indicatorsWithLatestQuery(db)
      .where('i.archivedAt', 'is', null)
      .where((eb) =>
        eb.or([eb('i.planId', 'in', livePlanIds), eb('i.territoryId', '=', territoryId)]),
      )
      .orderBy('i.name', 'asc')
      .orderBy('i.id', 'asc')
      .execute(),
    db
      .selectFrom('measurements')
      .select((eb) => ['indicatorId', eb.fn.countAll<number>().as('n')])
      .where('indicatorId', 'in', liveIndicators)
      .groupBy('indicatorId')
      .execute(),
    listSnapshotDecisions(db, committeeId),
  ]);
  const countOf = new Map(measurementCounts.map((r) => [r.indicatorId, Number(r.n)]));

  const toSnapshotIndicator = (row: (typeof indicators)[number]): SnapshotIndicator => {
    const { progress } = summariseIndicator(row);
    return {
      id: row.id,
      name: row.name,
      unit: row.unit,
      direction: row.direction,
      baselineValue: row.baselineValue,
      baselineDate: row.baselineDate,
      targetValue: row.targetValue,
      targetDate: row.targetDate,
      latestValue: row.latestValue,
      latestMeasuredOn: row.latestMeasuredOn,
      measurementCount: countOf.get(row.id) ?? 0,
      progressPct: progress.progressPct,
      expectedValue: progress.expectedValue,
      track: progress.track,
    };
  };

  return {
    territoryId,
    asOf: today,
    plans: plans.map((plan) => ({
      id: plan.id,
      code: plan.code,
      title: plan.title,
      axis: plan.axis,
      priority: plan.priority,
      progress: plan.progress ?? null,
      stages: stages
        .filter((s) => s.planId === plan.id)
        .map(({ planId: _planId, progress, ...stage }) => ({
          ...stage,
          progress: progress ?? null,
          actions: actions
            .filter((a) => a.stageId === stage.id)
            .map(({ stageId: _stageId, overdue, ...action }) => ({
              ...action,
              overdue: Number(overdue) === 1,
            })),
        })),
      indicators: indicators.filter((i) => i.planId === plan.id).map(toSnapshotIndicator),
    })),
    territoryIndicators: indicators
      .filter((i) => i.territoryId === territoryId)
      .map(toSnapshotIndicator),
    decisions,
  };
}

export async function insertMeetingSnapshot(
  trx: Db | Trx,
  meetingId: number,
  takenAt: string,
  snapshot: MeetingSnapshot,
): Promise<void> {
  await trx
    .insertInto('meetingSnapshots')
    .values({ meetingId, takenAt, payload: JSON.stringify(snapshot) })
    .execute();
}

export async function findMeetingSnapshot(
  db: Db | Trx,
  meetingId: number,
): Promise<{ takenAt: string; snapshot: MeetingSnapshot } | null> {
  const row = await db
    .selectFrom('meetingSnapshots')
    .select(['takenAt', 'payload'])
    .where('meetingId', '=', meetingId)
    .executeTakeFirst();
  return row
    ? { takenAt: row.takenAt, snapshot: readMeetingSnapshot(JSON.parse(row.payload)) }
    : null;
}
