import {
  auditChanges,
  isAuditEntityType,
  referencesIn,
  type AuditMeeting,
  type AuditReferenceKind,
  type AuditReferences,
  type AuditSubject,
  type ReadableHistoryEntry,
  type StageKind,
} from '@jalon/shared';
import type { Db, Trx } from '../connection';
import {
  listAuditEntries,
  preparedAuditEntries,
  type AuditEventsQuery,
  type HistoryEntry,
} from './audit';

// History as people read it: each audit event of a page with the names of who and what it
// names, found in a bounded number of batched lookups (one per kind of row on the page), never
// one query per event.

type Ids = Map<string, Set<number>>;

function add(ids: Ids, kind: string, id: unknown): void {
  if (typeof id !== 'number') return;
  const set = ids.get(kind) ?? new Set<number>();
  set.add(id);
  ids.set(kind, set);
}

const idsOf = (ids: Ids, kind: string) => [...(ids.get(kind) ?? [])];

const recorded = (entry: HistoryEntry, field: string): unknown =>
  entry.newValue?.[field] ?? entry.oldValue?.[field];

/** Entity types whose item is itself a referenceable row. */
const SELF_REFERENCE: Partial<Record<string, AuditReferenceKind>> = {
  territory: 'territory',
  organisation: 'organisation',
  user: 'user',
  plan: 'plan',
  stage: 'stage',
  action: 'action',
  indicator: 'indicator',
  committee: 'committee',
  committee_member: 'committee_member',
  meeting: 'meeting',
  // Attendance is filed under its meeting's id.
  attendance: 'meeting',
};

interface ItemRows {
  fundingLines: Map<number, { funderOrganisationId: number; scheme: string }>;
  measurements: Map<number, { indicatorId: number }>;
  agendaItems: Map<number, { title: string; meetingId: number }>;
  decisions: Map<number, { number: number; text: string; meetingId: number }>;
  updateRequests: Map<number, { meetingId: number }>;
  memberships: Map<number, { userId: number }>;
}

/** Rows of the page's items that are named through another row (a decision by its meeting…). */
async function itemRows(db: Db | Trx, items: Ids): Promise<ItemRows> {
  const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const none = Promise.resolve([]);
  const [fundingLines, measurements, agendaItems, decisions, updateRequests, memberships] =
    await Promise.all([
      items.has('funding_line')
        ? db
            .selectFrom('fundingLines')
            .select(['id', 'funderOrganisationId', 'scheme'])
            .where('id', 'in', idsOf(items, 'funding_line'))
            .execute()
        : none,
      items.has('measurement')
        ? db
            .selectFrom('measurements')
            .select(['id', 'indicatorId'])
            .where('id', 'in', idsOf(items, 'measurement'))
            .execute()
        : none,
      items.has('agenda_item')
        ? db
            .selectFrom('agendaItems')
            .select(['id', 'title', 'meetingId'])
            .where('id', 'in', idsOf(items, 'agenda_item'))
            .execute()
        : none,
      items.has('decision')
        ? db
            .selectFrom('decisions')
            .select(['id', 'number', 'text', 'meetingId'])
            .where('id', 'in', idsOf(items, 'decision'))
            .execute()
        : none,
      items.has('update_request')
        ? db
            .selectFrom('updateRequests')
            .select(['id', 'meetingId'])
            .where('id', 'in', idsOf(items, 'update_request'))
            .execute()
        : none,
      items.has('membership')
        ? db
            .selectFrom('memberships')
            .select(['id', 'userId'])
            .where('id', 'in', idsOf(items, 'membership'))
            .execute()
        : none,
    ]);
  return {
    fundingLines: byId(fundingLines),
    measurements: byId(measurements),
    agendaItems: byId(agendaItems),
    decisions: byId(decisions),
    updateRequests: byId(updateRequests),
    memberships: byId(memberships),
  };
}

interface ReferenceRows {
  names: Map<AuditReferenceKind, Map<number, string>>;
  stages: Map<number, StageKind>;
  meetings: Map<number, AuditMeeting>;
  plans: Map<number, { id: number; code: string; title: string }>;
}

/** One query per kind of referenced row: names, stage kinds, meetings and plans. */
async function referenceRows(db: Db | Trx, refs: Ids): Promise<ReferenceRows> {
  const named = async (
    kind: AuditReferenceKind,
    query: (ids: number[]) => Promise<{ id: number; name: string }[]>,
  ): Promise<[AuditReferenceKind, Map<number, string>]> => {
    const ids = idsOf(refs, kind);
    const rows = ids.length === 0 ? [] : await query(ids);
    return [kind, new Map(rows.map((r) => [r.id, r.name]))];
  };
  const simple = (
    kind: AuditReferenceKind,
    table: 'users' | 'organisations' | 'territories' | 'regions' | 'indicators' | 'committees',
  ) =>
    named(kind, (ids) =>
      db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute(),
    );
  const [names, stages, meetings, plans] = await Promise.all([
    Promise.all([
      simple('user', 'users'),
      simple('organisation', 'organisations'),
      simple('territory', 'territories'),
      simple('region', 'regions'),
      simple('indicator', 'indicators'),
      simple('committee', 'committees'),
      named('action', (ids) =>
        db.selectFrom('actions').select(['id', 'title as name']).where('id', 'in', ids).execute(),
      ),
      named('committee_member', (ids) =>
        db
          .selectFrom('committeeMembers as cm')
          .leftJoin('users as u', 'u.id', 'cm.userId')
          .select((eb) => ['cm.id', eb.fn.coalesce('u.name', 'cm.personName').as('name')])
          .where('cm.id', 'in', ids)
          .execute(),
      ),
    ]),
    refs.has('stage')
      ? db
          .selectFrom('stages')
          .select(['id', 'kind'])
          .where('id', 'in', idsOf(refs, 'stage'))
          .execute()
      : Promise.resolve([]),
    refs.has('meeting')
      ? db
          .selectFrom('meetings as m')
          .innerJoin('committees as c', 'c.id', 'm.committeeId')
          .select(['m.id', 'c.name as committeeName', 'm.scheduledAt'])
          .where('m.id', 'in', idsOf(refs, 'meeting'))
          .execute()
      : Promise.resolve([]),
    refs.has('plan')
      ? db
          .selectFrom('plans')
          .select(['id', 'code', 'title'])
          .where('id', 'in', idsOf(refs, 'plan'))
          .execute()
      : Promise.resolve([]),
  ]);
  const planNames = new Map(plans.map((p) => [p.id, `${p.code} · ${p.title}`]));
  return {
    names: new Map([...names, ['plan', planNames]]),
    stages: new Map(stages.map((s) => [s.id, s.kind])),
    meetings: new Map(
      meetings.map((m) => [m.id, { committeeName: m.committeeName, scheduledAt: m.scheduledAt }]),
    ),
    plans: new Map(plans.map((p) => [p.id, p])),
  };
}

const textOrNull = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null);

/** Whether an event only moved an agenda item in its meeting's order (before reorders were one event). */
const isAgendaMove = (entry: HistoryEntry) =>
  entry.entityType === 'agenda_item' &&
  entry.operation === 'update' &&
  Object.keys(entry.newValue ?? {}).every((field) => field === 'position');

/** Turns a page of audit events into history entries with names instead of ids. */
export async function readableHistory(
  db: Db | Trx,
  entries: HistoryEntry[],
): Promise<ReadableHistoryEntry[]> {
  const known = entries.filter((e) => isAuditEntityType(e.entityType));
  const items: Ids = new Map();
  for (const e of known) add(items, e.entityType, e.entityId);
  const rows = await itemRows(db, items);

  // Every row the page names: in the recorded values, as the item itself, or through the item.
  const refs: Ids = new Map();
  for (const e of known) {
    for (const [kind, id] of [
      ...referencesIn(e.entityType, e.oldValue),
      ...referencesIn(e.entityType, e.newValue),
    ])
      add(refs, kind, id);
    const self = SELF_REFERENCE[e.entityType];
    if (self) add(refs, self, e.entityId);
    add(refs, 'plan', e.planId);
    add(refs, 'organisation', rows.fundingLines.get(e.entityId)?.funderOrganisationId);
    add(refs, 'indicator', rows.measurements.get(e.entityId)?.indicatorId);
    add(refs, 'user', rows.memberships.get(e.entityId)?.userId);
    for (const meetingId of [
      rows.agendaItems.get(e.entityId)?.meetingId,
      rows.decisions.get(e.entityId)?.meetingId,
      rows.updateRequests.get(e.entityId)?.meetingId,
    ])
      add(refs, 'meeting', meetingId);
  }
  const found = await referenceRows(db, refs);
  const references: AuditReferences = {
    name: (to, id) => found.names.get(to)?.get(id) ?? null,
    stageKind: (id) => found.stages.get(id) ?? null,
    meeting: (id) => found.meetings.get(id) ?? null,
  };

  return known.map((e) => ({
    id: e.id,
    occurredAt: e.occurredAt,
    userName: e.userName,
    entityType: e.entityType as ReadableHistoryEntry['entityType'],
    entityId: e.entityId,
    operation: e.operation,
    subject: subjectOf(e, rows, found, references),
    changes: isAgendaMove(e)
      ? []
      : auditChanges(e.entityType, e.operation, e.oldValue, e.newValue, references),
    reordered:
      isAgendaMove(e) || (e.entityType === 'meeting' && recorded(e, 'agendaOrder') !== undefined),
    comment: e.comment,
  }));
}

function subjectOf(
  e: HistoryEntry,
  rows: ItemRows,
  found: ReferenceRows,
  references: AuditReferences,
): AuditSubject {
  const subject: AuditSubject = {
    name: null,
    stageKind: null,
    meeting: null,
    number: null,
    plan: e.planId === null ? null : (found.plans.get(e.planId) ?? null),
  };
  const meetingOf = (id: unknown) => (typeof id === 'number' ? references.meeting(id) : null);
  const nameOf = (to: AuditReferenceKind, id: unknown) =>
    typeof id === 'number' ? references.name(to, id) : null;
  switch (e.entityType) {
    case 'plan':
      subject.plan = found.plans.get(e.entityId) ?? subject.plan;
      if (!subject.plan) subject.name = textOrNull(recorded(e, 'title'));
      break;
    case 'stage':
      subject.stageKind = references.stageKind(e.entityId);
      break;
    case 'meeting':
    case 'attendance':
      subject.meeting = references.meeting(e.entityId);
      break;
    case 'funding_line': {
      const line = rows.fundingLines.get(e.entityId);
      subject.name =
        nameOf('organisation', line?.funderOrganisationId ?? recorded(e, 'funderOrganisationId')) ??
        textOrNull(line?.scheme ?? recorded(e, 'scheme'));
      break;
    }
    case 'measurement':
      subject.name = nameOf(
        'indicator',
        rows.measurements.get(e.entityId)?.indicatorId ?? recorded(e, 'indicatorId'),
      );
      break;
    case 'membership':
      subject.name = nameOf(
        'user',
        rows.memberships.get(e.entityId)?.userId ?? recorded(e, 'userId'),
      );
      break;
    case 'agenda_item': {
      const item = rows.agendaItems.get(e.entityId);
      subject.name = item?.title ?? textOrNull(recorded(e, 'title'));
      subject.meeting = meetingOf(item?.meetingId ?? recorded(e, 'meetingId'));
      break;
    }
    case 'decision': {
      const decision = rows.decisions.get(e.entityId);
      subject.name = decision?.text ?? textOrNull(recorded(e, 'text'));
      subject.number = decision?.number ?? numberOrNull(recorded(e, 'number'));
      subject.meeting = meetingOf(decision?.meetingId ?? recorded(e, 'meetingId'));
      break;
    }
    case 'update_request':
      subject.meeting = meetingOf(
        rows.updateRequests.get(e.entityId)?.meetingId ?? recorded(e, 'meetingId'),
      );
      break;
    case 'comment':
      break;
    default: {
      const self = SELF_REFERENCE[e.entityType];
      subject.name =
        (self ? references.name(self, e.entityId) : null) ??
        textOrNull(recorded(e, 'title')) ??
        textOrNull(recorded(e, 'name')) ??
        textOrNull(recorded(e, 'personName'));
    }
  }
  return subject;
}

/** Events that are not news: an agenda item moved in the order, recorded one by one before. */
const withoutAgendaMoves = (query: AuditEventsQuery): AuditEventsQuery =>
  query.where((eb) =>
    eb.not(
      eb.and([
        eb('e.entityType', '=', 'agenda_item'),
        eb('e.operation', '=', 'update'),
        // Read as text: on PostgreSQL the value is jsonb, whose text has a space after each colon.
        eb(eb.cast('e.newValue', 'text'), 'like', '{"position":%'),
        eb(eb.cast('e.newValue', 'text'), 'not like', '%,%'),
      ]),
    ),
  );

export interface HistoryPage {
  items: ReadableHistoryEntry[];
  total: number;
}

async function readablePage(
  db: Db | Trx,
  narrow: (query: AuditEventsQuery) => AuditEventsQuery,
  page: { limit: number; offset: number },
): Promise<HistoryPage> {
  const { items, total } = await listAuditEntries(
    db,
    (query) => withoutAgendaMoves(narrow(query)),
    page,
  );
  return { items: await readableHistory(db, items), total };
}

/** One entity's own history (an action, a meeting…), newest first. */
export function listEntityHistory(
  db: Db | Trx,
  filter: { entityType: string; entityId: number; limit: number; offset: number },
): Promise<HistoryPage> {
  return readablePage(
    db,
    (query) =>
      query.where('e.entityType', '=', filter.entityType).where('e.entityId', '=', filter.entityId),
    filter,
  );
}

/**
 * A plan's whole history: the plan, and its stages, actions, indicators, measurements, funding
 * lines, decisions and comments (every event that carries the plan's id), newest first.
 */
export function listPlanHistory(
  db: Db | Trx,
  filter: { planId: number; limit: number; offset: number },
): Promise<HistoryPage> {
  return readablePage(
    db,
    (query) =>
      query.where((eb) =>
        eb.or([
          eb('e.planId', '=', filter.planId),
          eb.and([eb('e.entityType', '=', 'plan'), eb('e.entityId', '=', filter.planId)]),
        ]),
      ),
    filter,
  );
}

/**
 * What changed in a territory from `since` on: events of the territory itself, or of any of its
 * plans (archived ones too: archiving is news). A plan event that names a territory (a decision
 * or agenda item of that territory's meeting) is readable only from there, even when the plan is
 * shared. "No territory or this one" is written with coalesce, which no index serves, so SQLite
 * keeps seeking the plan index for that branch instead of scanning every territory-less event.
 */
export function territoryHistoryFilter(territoryId: number, since: string) {
  return (query: AuditEventsQuery): AuditEventsQuery =>
    query
      .where('e.occurredAt', '>=', since)
      .where((eb) =>
        eb.or([
          eb('e.territoryId', '=', territoryId),
          eb.and([
            eb(eb.fn.coalesce('e.territoryId', eb.val(territoryId)), '=', territoryId),
            eb(
              'e.planId',
              'in',
              eb
                .selectFrom('planTerritories as ch_pt')
                .select('ch_pt.planId')
                .where('ch_pt.territoryId', '=', territoryId),
            ),
          ]),
        ]),
      );
}

const territoryHistoryPage = preparedAuditEntries(
  (query, p: { territoryId: number; since: string }) =>
    withoutAgendaMoves(territoryHistoryFilter(p.territoryId, p.since)(query)),
);

/** What changed in a territory from `since` on, newest first: the dashboard's recent changes. */
export async function listTerritoryHistory(
  db: Db | Trx,
  filter: { territoryId: number; since: string; limit: number; offset: number },
): Promise<HistoryPage> {
  const { items, total } = await territoryHistoryPage(db, filter);
  return { items: await readableHistory(db, items), total };
}
