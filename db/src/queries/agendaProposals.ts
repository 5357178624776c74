import type { ActionStatus, StageKind } from '@jalon/shared';
import type { Db, Trx } from '../connection';
import { indicatorsWithLatestQuery, summariseIndicator } from './indicators';
import { findPreviousHeldMeeting, tookPlaceAt } from './meetings';
import { overdueActionSql } from './overdue';

// "Prepare the agenda": what a committee should look at, found in the data of its territory.
// Each proposal is structured data; the client words it in the user's language.

/** The reasons, in the order the proposals are listed. */
export const AGENDA_PROPOSAL_REASONS = [
  'blocked_action',
  'late_action',
  'overdue_action',
  'indicator_off_track',
  'decision_due',
  'open_decision',
  'stage_ready',
  'plan_not_updated',
] as const;
export type AgendaProposalReason = (typeof AGENDA_PROPOSAL_REASONS)[number];

export interface AgendaProposal {
  /** Stable across calls: the reason and the id of the thing proposed, e.g. "blocked_action:12". */
  key: string;
  reason: AgendaProposalReason;
  planId: number | null;
  planCode: string | null;
  planTitle: string | null;
  stageId: number | null;
  stageKind: StageKind | null;
  actionId: number | null;
  actionTitle: string | null;
  actionStatus: ActionStatus | null;
  ownerName: string | null;
  indicatorId: number | null;
  indicatorName: string | null;
  decisionId: number | null;
  decisionNumber: number | null;
  decisionText: string | null;
  /** The action's or decision's due date, the stage's planned end, the indicator's target date. */
  dueDate: string | null;
  /** The action's or decision's last change; for a plan, the latest change to anything in it. */
  lastUpdatedAt: string | null;
  /** An item of the meeting already links the same action, stage or plan. */
  onAgenda: boolean;
}

/** The meeting the agenda is prepared for. */
export interface ProposalMeeting {
  id: number;
  committeeId: number;
  territoryId: number;
  scheduledAt: string;
}

const OPEN_DECISION_STATUSES = ['todo', 'in_progress', 'late'] as const;

/** The audit entity types that are work on a plan (not meetings or comments about it). */
const PLAN_WORK_ENTITY_TYPES = [
  'plan',
  'stage',
  'action',
  'indicator',
  'measurement',
  'funding_line',
];

/** Ids of the territory's plans that are not archived, as a subquery. */
export function livePlanIdsOfTerritory(db: Db | Trx, territoryId: number) {
  return db
    .selectFrom('planTerritories as lpt')
    .innerJoin('plans as lpp', 'lpp.id', 'lpt.planId')
    .where('lpt.territoryId', '=', territoryId)
    .where('lpp.archivedAt', 'is', null)
    .select('lpt.planId');
}

const EMPTY: Omit<AgendaProposal, 'key' | 'reason' | 'onAgenda'> = {
  planId: null,
  planCode: null,
  planTitle: null,
  stageId: null,
  stageKind: null,
  actionId: null,
  actionTitle: null,
  actionStatus: null,
  ownerName: null,
  indicatorId: null,
  indicatorName: null,
  decisionId: null,
  decisionNumber: null,
  decisionText: null,
  dueDate: null,
  lastUpdatedAt: null,
};

function actionProposals(db: Db | Trx, meeting: ProposalMeeting, meetingDate: string) {
  return db
    .selectFrom('actions as a')
    .innerJoin('plans as p', 'p.id', 'a.planId')
    .innerJoin('stages as s', 's.id', 'a.stageId')
    .leftJoin('users as u', 'u.id', 'a.ownerUserId')
    .select([
      'a.id',
      'a.title',
      'a.status',
      'a.dueDate',
      'a.updatedAt',
      'a.planId',
      'p.code as planCode',
      'p.title as planTitle',
      'a.stageId',
      's.kind as stageKind',
      'u.name as ownerName',
    ])
    .where('a.planId', 'in', livePlanIdsOfTerritory(db, meeting.territoryId))
    .where('a.archivedAt', 'is', null)
    .where((eb) =>
      eb.or([eb('a.status', 'in', ['blocked', 'late']), overdueActionSql('a', meetingDate)]),
    )
    .orderBy('a.dueDate', 'asc')
    .orderBy('a.id', 'asc')
    .execute();
}

function indicatorRows(db: Db | Trx, meeting: ProposalMeeting) {
  return indicatorsWithLatestQuery(db)
    .select('ip.title as planTitle')
    .where('i.archivedAt', 'is', null)
    .where((eb) =>
      eb.or([
        eb('i.planId', 'in', livePlanIdsOfTerritory(db, meeting.territoryId)),
        eb('i.territoryId', '=', meeting.territoryId),
      ]),
    )
    .orderBy('i.name', 'asc')
    .orderBy('i.id', 'asc')
    .execute();
}

/** Open decisions of the committee's earlier meetings. */
function openDecisions(db: Db | Trx, meeting: ProposalMeeting) {
  return db
    .selectFrom('decisions as d')
    .innerJoin('meetings as m', 'm.id', 'd.meetingId')
    .leftJoin('plans as p', 'p.id', 'd.planId')
    .leftJoin('stages as s', 's.id', 'd.stageId')
    .leftJoin('actions as a', 'a.id', 'd.actionId')
    .select([
      'd.id',
      'd.number',
      'd.text',
      'd.ownerName',
      'd.dueDate',
      'd.updatedAt',
      'd.planId',
      'p.code as planCode',
      'p.title as planTitle',
      'd.stageId',
      's.kind as stageKind',
      'd.actionId',
      'a.title as actionTitle',
      'a.status as actionStatus',
    ])
    .where('m.committeeId', '=', meeting.committeeId)
    .where('m.id', '!=', meeting.id)
    .where('m.scheduledAt', '<', meeting.scheduledAt)
    .where('d.followUpStatus', 'in', OPEN_DECISION_STATUSES)
    .orderBy('d.number', 'asc')
    .orderBy('d.id', 'asc')
    .execute();
}

/**
 * Stages not yet validated that look finished: their end is recorded, or every live action is
 * done or dropped with at least one done.
 */
function readyStages(db: Db | Trx, meeting: ProposalMeeting) {
  const counts = db
    .selectFrom('actions as ca')
    .where('ca.archivedAt', 'is', null)
    .select((eb) => [
      'ca.stageId',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('ca.status', '=', 'done').then(1).else(0).end()).as('done'),
      eb.fn
        .sum<number>(eb.case().when('ca.status', 'in', ['done', 'dropped']).then(1).else(0).end())
        .as('closed'),
    ])
    .groupBy('ca.stageId');
  return db
    .selectFrom('stages as s')
    .innerJoin('plans as p', 'p.id', 's.planId')
    .leftJoin(counts.as('c'), 'c.stageId', 's.id')
    .select([
      's.id',
      's.kind',
      's.planId',
      's.plannedEnd',
      'p.code as planCode',
      'p.title as planTitle',
    ])
    .where('s.planId', 'in', livePlanIdsOfTerritory(db, meeting.territoryId))
    .where('s.validatedMeetingId', 'is', null)
    .where('s.validatedOn', 'is', null)
    .where((eb) =>
      eb.or([
        eb('s.actualEnd', 'is not', null),
        eb.and([eb('c.done', '>=', 1), eb('c.closed', '=', eb.ref('c.total'))]),
      ]),
    )
    .orderBy('s.planId', 'asc')
    .orderBy('s.position', 'asc')
    .execute();
}

/**
 * Live plans of the territory where nothing changed since `since`: not the plan, nor any of its
 * actions, nor a measurement, nor any audited change to its stages, indicators or funding.
 */
async function plansNotUpdatedSince(db: Db | Trx, meeting: ProposalMeeting, since: string) {
  const rows = await db
    .selectFrom('plans as p')
    .select((eb) => [
      'p.id',
      'p.code',
      'p.title',
      'p.updatedAt',
      eb
        .selectFrom('actions as xa')
        .select((sub) => sub.fn.max('xa.updatedAt').as('at'))
        .whereRef('xa.planId', '=', 'p.id')
        .as('actionsAt'),
      eb
        .selectFrom('measurements as xm')
        .innerJoin('indicators as xi', 'xi.id', 'xm.indicatorId')
        .select((sub) => sub.fn.max('xm.createdAt').as('at'))
        .whereRef('xi.planId', '=', 'p.id')
        .as('measurementsAt'),
      eb
        .selectFrom('auditEvents as xe')
        .select((sub) => sub.fn.max('xe.occurredAt').as('at'))
        .whereRef('xe.planId', '=', 'p.id')
        .where('xe.entityType', 'in', PLAN_WORK_ENTITY_TYPES)
        .as('auditAt'),
    ])
    .where('p.id', 'in', livePlanIdsOfTerritory(db, meeting.territoryId))
    .execute();
  return rows
    .map((row) => ({
      ...row,
      lastUpdatedAt: [row.updatedAt, row.actionsAt, row.measurementsAt, row.auditAt]
        .filter((at): at is string => typeof at === 'string')
        .reduce((latest, at) => (at > latest ? at : latest)),
    }))
    .filter((row) => row.lastUpdatedAt <= since);
}

/** Items already on the meeting's agenda, as the links the proposals are matched against. */
async function agendaLinks(db: Db | Trx, meetingId: number) {
  const items = await db
    .selectFrom('agendaItems')
    .select(['planId', 'stageId', 'actionId'])
    .where('meetingId', '=', meetingId)
    .execute();
  const actions = new Set<number>();
  const stages = new Set<number>();
  const plans = new Set<number>();
  for (const item of items) {
    if (item.actionId !== null) actions.add(item.actionId);
    else if (item.stageId !== null) stages.add(item.stageId);
    else if (item.planId !== null) plans.add(item.planId);
  }
  return { actions, stages, plans };
}

const byCode = new Intl.Collator('fr', { numeric: true });

/**
 * Everything a committee should look at in its next meeting, found in the live plans of its
 * territory, sorted by reason then plan code, each marked when the agenda already covers it.
 */
export async function proposeAgendaItems(
  db: Db | Trx,
  meeting: ProposalMeeting,
): Promise<AgendaProposal[]> {
  const meetingDate = meeting.scheduledAt.slice(0, 10);
  const previous = await findPreviousHeldMeeting(db, meeting);
  const [actions, indicators, decisions, stages, stalePlans, onAgenda] = await Promise.all([
    actionProposals(db, meeting, meetingDate),
    indicatorRows(db, meeting),
    openDecisions(db, meeting),
    readyStages(db, meeting),
    previous ? plansNotUpdatedSince(db, meeting, tookPlaceAt(previous)) : Promise.resolve([]),
    agendaLinks(db, meeting.id),
  ]);
  const onAgendaAs = (links: {
    planId: number | null;
    stageId: number | null;
    actionId: number | null;
  }) =>
    links.actionId !== null
      ? onAgenda.actions.has(links.actionId)
      : links.stageId !== null
        ? onAgenda.stages.has(links.stageId)
        : links.planId !== null && onAgenda.plans.has(links.planId);

  const proposals: AgendaProposal[] = [];
  for (const a of actions) {
    const reason: AgendaProposalReason =
      a.status === 'blocked'
        ? 'blocked_action'
        : a.status === 'late'
          ? 'late_action'
          : 'overdue_action';
    proposals.push({
      ...EMPTY,
      key: `${reason}:${a.id}`,
      reason,
      planId: a.planId,
      planCode: a.planCode,
      planTitle: a.planTitle,
      stageId: a.stageId,
      stageKind: a.stageKind,
      actionId: a.id,
      actionTitle: a.title,
      actionStatus: a.status,
      ownerName: a.ownerName,
      dueDate: a.dueDate,
      lastUpdatedAt: a.updatedAt,
      onAgenda: onAgenda.actions.has(a.id),
    });
  }
  for (const row of indicators) {
    if (summariseIndicator(row).progress.track !== 'off_track') continue;
    proposals.push({
      ...EMPTY,
      key: `indicator_off_track:${row.id}`,
      reason: 'indicator_off_track',
      planId: row.planId,
      planCode: row.planCode,
      planTitle: row.planTitle,
      indicatorId: row.id,
      indicatorName: row.name,
      dueDate: row.targetDate,
      onAgenda: onAgendaAs({ planId: row.planId, stageId: null, actionId: null }),
    });
  }
  for (const d of decisions) {
    const reason: AgendaProposalReason =
      d.dueDate !== null && d.dueDate <= meetingDate ? 'decision_due' : 'open_decision';
    proposals.push({
      ...EMPTY,
      key: `${reason}:${d.id}`,
      reason,
      planId: d.planId,
      planCode: d.planCode,
      planTitle: d.planTitle,
      stageId: d.stageId,
      stageKind: d.stageKind,
      actionId: d.actionId,
      actionTitle: d.actionTitle,
      actionStatus: d.actionStatus,
      ownerName: d.ownerName === '' ? null : d.ownerName,
      decisionId: d.id,
      decisionNumber: d.number,
      decisionText: d.text,
      dueDate: d.dueDate,
      lastUpdatedAt: d.updatedAt,
      onAgenda: onAgendaAs(d),
    });
  }
  for (const s of stages) {
    proposals.push({
      ...EMPTY,
      key: `stage_ready:${s.id}`,
      reason: 'stage_ready',
      planId: s.planId,
      planCode: s.planCode,
      planTitle: s.planTitle,
      stageId: s.id,
      stageKind: s.kind,
      dueDate: s.plannedEnd,
      onAgenda: onAgenda.stages.has(s.id),
    });
  }
  for (const p of stalePlans) {
    proposals.push({
      ...EMPTY,
      key: `plan_not_updated:${p.id}`,
      reason: 'plan_not_updated',
      planId: p.id,
      planCode: p.code,
      planTitle: p.title,
      lastUpdatedAt: p.lastUpdatedAt,
      onAgenda: onAgenda.plans.has(p.id),
    });
  }

  const rank = (reason: AgendaProposalReason) => AGENDA_PROPOSAL_REASONS.indexOf(reason);
  // A stable sort: within a reason and plan, the order of each query above holds.
  return proposals.sort(
    (a, b) =>
      rank(a.reason) - rank(b.reason) ||
      (a.planCode === null ? 1 : 0) - (b.planCode === null ? 1 : 0) ||
      byCode.compare(a.planCode ?? '', b.planCode ?? ''),
  );
}
