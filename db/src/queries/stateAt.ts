import {
  HELD_MEETING_STATUSES,
  meanOnDay,
  readMeetingSnapshot,
  seriesDays,
  stageOnDay,
  emptyStatusCounts,
  type ActionOnDay,
  type ActionStatus,
  type CommitteeKind,
  type RolledUp,
  type StageKind,
} from '@jalon/shared';
import type { Db, Trx } from '../connection';

// A territory's or a plan's state on a past day, and its progress month by month and at each held
// meeting. One reconstruction, per action:
// - today's row, rewound through the action's audit events (each keeps the changed fields' old
//   values): what existed then (created before, not yet archived), in which stage, with which
//   status, progress and dates;
// - a held meeting's snapshot is the state of its day (what the committee saw): on that day it is
//   taken as it is, and before it status, progress and stage are rewound from it rather than from
//   today. Both agree for what the app records; the snapshot also holds for data imported or
//   seeded without a full audit trail (the demo's meetings).
// Only indexed reads (actions, stages and audit events by plan, snapshots by committee); JSON is
// parsed here, not in SQL, to stay portable.

const endOf = (day: string) => `${day}T23:59:59.999Z`;
const dayOf = (timestamp: string) => timestamp.slice(0, 10);

/** How far back a series goes at most: ten years of months. */
const MAX_SERIES_MONTHS = 120;

interface ActionFields {
  stageId: number;
  status: ActionStatus;
  progress: number;
  startDate: string | null;
  dueDate: string | null;
  archivedAt: string | null;
}

type SnapshotFields = Pick<ActionFields, 'stageId' | 'status' | 'progress'>;

interface ActionEvent {
  at: string;
  operation: string;
  oldValue: Partial<ActionFields>;
}

interface ActionTimeline {
  id: number;
  planId: number;
  createdAt: string;
  current: ActionFields;
  /** Oldest first. */
  events: ActionEvent[];
}

interface Checkpoint {
  day: string;
  takenAt: string;
  planIds: Set<number>;
  actions: Map<number, SnapshotFields>;
}

export interface HeldMeetingMark {
  id: number;
  day: string;
  committeeKind: CommitteeKind;
}

interface PlanRow {
  id: number;
  code: string;
  title: string;
  createdAt: string;
  archivedAt: string | null;
}

interface StageRow {
  id: number;
  planId: number;
  kind: StageKind;
  position: number;
}

interface History {
  today: string;
  plans: PlanRow[];
  stages: StageRow[];
  actions: ActionTimeline[];
  /** Oldest first; only those taken before today. */
  checkpoints: Checkpoint[];
  meetings: HeldMeetingMark[];
}

const ACTION_FIELD_NAMES = [
  'stageId',
  'status',
  'progress',
  'startDate',
  'dueDate',
  'archivedAt',
] as const;

function readOldFields(json: string | null): Partial<ActionFields> {
  // The audit trail holds what the routers wrote for these fields: trusted, not re-validated.
  if (json === null) return {};
  const raw = JSON.parse(json) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const name of ACTION_FIELD_NAMES) if (name in raw) fields[name] = raw[name];
  return fields;
}

/** Today's fields with every change after `end` undone, or null when the action was not live. */
function rewound(action: ActionTimeline, end: string): ActionFields | null {
  if (action.createdAt > end) return null;
  const fields = { ...action.current };
  for (let i = action.events.length - 1; i >= 0; i--) {
    const event = action.events[i];
    if (event === undefined || event.at <= end) break;
    if (event.operation === 'create') return null;
    if (event.operation === 'archive') fields.archivedAt = null;
    else Object.assign(fields, event.oldValue);
  }
  return fields.archivedAt !== null && fields.archivedAt <= end ? null : fields;
}

/** Status, progress and stage as a snapshot taken after `end` had them, rewound to `end`. */
function rewoundFromSnapshot(
  action: ActionTimeline,
  snapshot: SnapshotFields,
  takenAt: string,
  end: string,
): SnapshotFields {
  const fields = { ...snapshot };
  for (let i = action.events.length - 1; i >= 0; i--) {
    const event = action.events[i];
    if (event === undefined || event.at <= end) break;
    if (event.at > takenAt) continue;
    const { stageId, status, progress } = event.oldValue;
    if (stageId !== undefined) fields.stageId = stageId;
    if (status !== undefined) fields.status = status;
    if (progress !== undefined) fields.progress = progress;
  }
  return fields;
}

/** The action as it stood at the end of `day`; null when it was not live then. */
function actionOn(
  action: ActionTimeline,
  day: string,
  checkpoint: Checkpoint | undefined,
): (ActionOnDay & { stageId: number }) | null {
  const end = endOf(day);
  const known = checkpoint?.planIds.has(action.planId) ? checkpoint : undefined;
  const frozen = known?.actions.get(action.id);
  if (known !== undefined && known.day === day) {
    // The snapshot of the day decides what was live; dates come from the audit trail.
    if (frozen === undefined) return null;
    const dates = rewound(action, end) ?? action.current;
    return { ...frozen, startDate: dates.startDate, dueDate: dates.dueDate };
  }
  const fields = rewound(action, end);
  if (fields === null) return null;
  const state =
    known !== undefined && frozen !== undefined
      ? rewoundFromSnapshot(action, frozen, known.takenAt, end)
      : fields;
  return {
    stageId: state.stageId,
    status: state.status,
    progress: state.progress,
    startDate: fields.startDate,
    dueDate: fields.dueDate,
  };
}

const planLiveOn = (plan: PlanRow, end: string) =>
  plan.createdAt <= end && (plan.archivedAt === null || plan.archivedAt > end);

export interface StageState extends RolledUp {
  id: number;
  kind: StageKind;
  position: number;
}

export interface PlanState extends RolledUp {
  id: number;
  code: string;
  title: string;
  stages: StageState[];
}

export interface ScopeState extends RolledUp {
  day: string;
  /** The plans live on the day, in code order. */
  plans: PlanState[];
  statusCounts: Record<ActionStatus, number>;
}

/** Everything in the history as it stood at the end of `day`. */
function stateOn(history: History, day: string): ScopeState {
  const end = endOf(day);
  const checkpoint = history.checkpoints.find((c) => c.day >= day);
  const livePlans = new Set(history.plans.filter((p) => planLiveOn(p, end)).map((p) => p.id));
  const byStage = new Map<number, ActionOnDay[]>();
  const statusCounts = emptyStatusCounts();
  for (const action of history.actions) {
    if (!livePlans.has(action.planId)) continue;
    const state = actionOn(action, day, checkpoint);
    if (state === null) continue;
    statusCounts[state.status] += 1;
    const list = byStage.get(state.stageId) ?? [];
    list.push(state);
    byStage.set(state.stageId, list);
  }
  const stagesOf = new Map<number, StageState[]>();
  for (const stage of history.stages) {
    if (!livePlans.has(stage.planId)) continue;
    const list = stagesOf.get(stage.planId) ?? [];
    list.push({
      id: stage.id,
      kind: stage.kind,
      position: stage.position,
      ...stageOnDay(byStage.get(stage.id) ?? [], day),
    });
    stagesOf.set(stage.planId, list);
  }
  const plans = history.plans
    .filter((p) => livePlans.has(p.id))
    .map((p) => {
      const stages = stagesOf.get(p.id) ?? [];
      return { id: p.id, code: p.code, title: p.title, ...meanOnDay(stages), stages };
    });
  return { day, ...meanOnDay(plans), plans, statusCounts };
}

// ---- Reading the history ---------------------------------------------------------------------

async function readHistory(
  db: Db | Trx,
  scope: { territoryId: number } | { planId: number },
  today: string,
): Promise<History> {
  const planIds =
    'territoryId' in scope
      ? db
          .selectFrom('planTerritories')
          .select('planId')
          .where('territoryId', '=', scope.territoryId)
      : db.selectFrom('plans').select('id as planId').where('id', '=', scope.planId);
  const territoryIds =
    'territoryId' in scope
      ? db.selectFrom('territories').select('id').where('id', '=', scope.territoryId)
      : db
          .selectFrom('planTerritories')
          .select('territoryId as id')
          .where('planId', '=', scope.planId);
  const [plans, stages, actions, events, meetings] = await Promise.all([
    db
      .selectFrom('plans')
      .select(['id', 'code', 'title', 'createdAt', 'archivedAt'])
      .where('id', 'in', planIds)
      .orderBy('code')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('stages')
      .select(['id', 'planId', 'kind', 'position'])
      .where('planId', 'in', planIds)
      .orderBy('planId')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('actions')
      .select([
        'id',
        'planId',
        'stageId',
        'status',
        'progress',
        'startDate',
        'dueDate',
        'archivedAt',
        'createdAt',
      ])
      .where('planId', 'in', planIds)
      .execute(),
    db
      .selectFrom('auditEvents')
      .select(['entityId', 'occurredAt', 'operation', 'oldValue'])
      // By plan only, so the plan index serves it; other entities' events are skipped below.
      .select('entityType')
      .where('planId', 'in', planIds)
      .orderBy('occurredAt')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('meetings as m')
      .innerJoin('committees as c', 'c.id', 'm.committeeId')
      .leftJoin('meetingSnapshots as ms', 'ms.meetingId', 'm.id')
      .select(['m.id', 'm.heldAt', 'm.scheduledAt', 'c.kind', 'ms.takenAt', 'ms.payload'])
      .where('c.territoryId', 'in', territoryIds)
      .where('m.status', 'in', HELD_MEETING_STATUSES)
      .orderBy('m.scheduledAt')
      .orderBy('m.id')
      .execute(),
  ]);
  const eventsOf = new Map<number, ActionEvent[]>();
  for (const e of events) {
    if (e.entityType !== 'action') continue;
    const list = eventsOf.get(e.entityId) ?? [];
    list.push({ at: e.occurredAt, operation: e.operation, oldValue: readOldFields(e.oldValue) });
    eventsOf.set(e.entityId, list);
  }
  const checkpoints: Checkpoint[] = [];
  for (const m of meetings) {
    if (m.takenAt === null || m.payload === null || dayOf(m.takenAt) >= today) continue;
    const snapshot = readMeetingSnapshot(JSON.parse(m.payload));
    const frozen = new Map<number, SnapshotFields>();
    for (const plan of snapshot.plans) {
      for (const stage of plan.stages) {
        for (const a of stage.actions) {
          frozen.set(a.id, { stageId: stage.id, status: a.status, progress: a.progress });
        }
      }
    }
    checkpoints.push({
      day: dayOf(m.takenAt),
      takenAt: m.takenAt,
      planIds: new Set(snapshot.plans.map((p) => p.id)),
      actions: frozen,
    });
  }
  checkpoints.sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  return {
    today,
    plans,
    stages,
    actions: actions.map((a) => ({
      id: a.id,
      planId: a.planId,
      createdAt: a.createdAt,
      current: a,
      events: eventsOf.get(a.id) ?? [],
    })),
    checkpoints,
    meetings: meetings.map((m) => ({
      id: m.id,
      day: dayOf(m.heldAt ?? m.scheduledAt),
      committeeKind: m.kind,
    })),
  };
}

// ---- What the procedures ask -----------------------------------------------------------------

/** A territory as it stood at the end of each of `days` (and the days after today as today). */
export async function territoryStatesAt(
  db: Db | Trx,
  territoryId: number,
  days: readonly string[],
  today: string,
): Promise<ScopeState[]> {
  const history = await readHistory(db, { territoryId }, today);
  return days.map((day) => stateOn(history, day < today ? day : today));
}

/** A territory as it stood at the end of `at`. */
export async function territoryStateAt(
  db: Db | Trx,
  territoryId: number,
  at: string,
  today: string,
): Promise<ScopeState> {
  const [state] = await territoryStatesAt(db, territoryId, [at], today);
  if (state === undefined) throw new Error('territoryStatesAt returned no state');
  return state;
}

export interface TerritoryComparison {
  at: string;
  today: string;
  then: ScopeState;
  now: ScopeState;
  /** The territory's held meetings, oldest first: the days one may compare with. */
  meetings: HeldMeetingMark[];
}

/** A territory at the end of `at` beside today, read from one history. */
export async function compareTerritoryAt(
  db: Db | Trx,
  territoryId: number,
  at: string,
  today: string,
): Promise<TerritoryComparison> {
  const history = await readHistory(db, { territoryId }, today);
  const day = at < today ? at : today;
  return {
    at: day,
    today,
    then: stateOn(history, day),
    now: stateOn(history, today),
    meetings: history.meetings,
  };
}

export interface SeriesPoint<T> {
  day: string;
  /** The last day of a month, or today. */
  monthEnd: boolean;
  /** The held meetings of that day. */
  meetings: HeldMeetingMark[];
  value: T;
}

export interface ProgressSeries<T> {
  today: string;
  meetings: HeldMeetingMark[];
  points: SeriesPoint<T>[];
}

function seriesOf<T>(history: History, read: (state: ScopeState) => T): ProgressSeries<T> {
  const starts = history.plans.map((p) => dayOf(p.createdAt)).sort();
  const earliestMonth = `${String(Number(history.today.slice(0, 4)) - MAX_SERIES_MONTHS / 12)}${history.today.slice(4, 7)}-01`;
  const first = starts[0] ?? history.today;
  const from = first > earliestMonth ? first : earliestMonth;
  const meetings = history.meetings.filter((m) => m.day >= from && m.day <= history.today);
  const monthEnds = new Set(seriesDays(from, history.today));
  const days = [...new Set([...monthEnds, ...meetings.map((m) => m.day)])].sort();
  return {
    today: history.today,
    meetings,
    points: days.map((day) => ({
      day,
      monthEnd: monthEnds.has(day),
      meetings: meetings.filter((m) => m.day === day),
      value: read(stateOn(history, day)),
    })),
  };
}

/** A territory's progress and expected progress month by month and at each held meeting. */
export async function territoryProgressSeries(
  db: Db | Trx,
  territoryId: number,
  today: string,
): Promise<ProgressSeries<RolledUp>> {
  const history = await readHistory(db, { territoryId }, today);
  return seriesOf(history, (state) => ({ progress: state.progress, expected: state.expected }));
}

export interface PlanSeriesValue extends RolledUp {
  /** In stage order; null for a stage when its plan did not exist yet. */
  stages: RolledUp[];
}

/**
 * A plan's progress, expected progress and each stage's, month by month and at each held meeting
 * of its territories' committees.
 */
export async function planProgressSeries(
  db: Db | Trx,
  planId: number,
  today: string,
): Promise<
  ProgressSeries<PlanSeriesValue> & { stages: { id: number; kind: StageKind; position: number }[] }
> {
  const history = await readHistory(db, { planId }, today);
  const stages = history.stages.map(({ id, kind, position }) => ({ id, kind, position }));
  const none = { progress: null, expected: null };
  const series = seriesOf(history, (state): PlanSeriesValue => {
    const plan = state.plans[0];
    if (plan === undefined) return { ...none, stages: stages.map(() => none) };
    return {
      progress: plan.progress,
      expected: plan.expected,
      stages: stages.map((s) => {
        const found = plan.stages.find((x) => x.id === s.id);
        return found ? { progress: found.progress, expected: found.expected } : none;
      }),
    };
  });
  return { ...series, stages };
}
