import {
  indicatorProgress,
  isDecisionClosed,
  isoToday,
  planProgress,
  stageProgress,
  type ActionStatus,
  type DecisionStatus,
  type MeetingSnapshot,
  type SnapshotAction,
  type SnapshotDecision,
  type SnapshotIndicator,
} from '@jalon/shared';
import type { Db, Trx } from '../connection';
import { buildMeetingSnapshot } from './meetings';

// A meeting's snapshot is the state of its territory at the meeting's scheduled time, even when it
// is marked held later: today's state rewound from the audit trail. Changes recorded after that
// time are undone (status and fields of actions from their audit events, measurements and
// indicators recorded since left out, decisions of other meetings taken since absent and their
// follow-ups as they were, stage gates set since not yet set); roll-ups are then recomputed with
// the dashboards' formula.
//
// The demo seed writes today's state only, without the progress recorded along the way, so its
// history asks for that progress to be estimated: actions completed since still under way,
// progress of unfinished work scaled back with the time elapsed, follow-ups closed since (by their
// last update) still open. Deterministic: no random draw.

interface ActionEvent {
  at: string;
  operation: 'create' | 'update' | 'status';
  before: Partial<Record<'status' | 'progress' | 'statusComment' | 'title' | 'dueDate', unknown>>;
}

export interface SnapshotHistory {
  /** Today's date: the state the live snapshot holds. */
  today: string;
  /** Estimate the progress the demo seed did not record (see above); false for real data. */
  estimateUnrecorded: boolean;
  planStart: Map<number, string>;
  actions: Map<number, { startDate: string | null; completedOn: string | null }>;
  /** Per action, its audit events latest first, with the values before each. */
  actionEvents: Map<number, ActionEvent[]>;
  /** Per indicator, measurements in the order the latest is chosen (date, then id). */
  measurements: Map<number, { measuredOn: string; value: number; recordedAt: string }[]>;
  indicatorCreated: Map<number, string>;
  decisions: Map<number, { createdAt: string; updatedOn: string }>;
  /** Per decision, its follow-up before each later update, latest first. */
  decisionEvents: Map<number, { at: string; followUpStatus: DecisionStatus }[]>;
}

/** The moment a snapshot stands at, and the meeting whose own decisions it always holds. */
export interface RewindPoint {
  at: string;
  meetingId: number | null;
}

const dayOf = (timestamp: string) => timestamp.slice(0, 10);
const roundTo5 = (value: number) => Math.max(0, Math.min(100, Math.round(value / 5) * 5));
const isOpen = (status: ActionStatus) => status !== 'done' && status !== 'dropped';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The share of the work done by `day` for work started on `start` and as far as it is on `end`. */
function elapsedShare(start: string | null, day: string, end: string): number {
  if (start === null) return 1;
  const span = daysBetween(start, end);
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, daysBetween(start, day) / span));
}

function estimatedActionOn(action: SnapshotAction, at: string, history: SnapshotHistory) {
  const day = dayOf(at);
  const dates = history.actions.get(action.id);
  const start = dates?.startDate ?? null;
  let { status, progress, statusComment } = action;
  const completedOn = dates?.completedOn ?? null;
  if (status === 'done' && completedOn !== null && completedOn > day) {
    const share = elapsedShare(start, day, completedOn);
    status = action.dueDate !== null && action.dueDate < day ? 'late' : 'in_progress';
    progress = Math.min(95, roundTo5(100 * share));
  } else if (isOpen(status)) {
    let since = history.today;
    for (const event of history.actionEvents.get(action.id) ?? []) {
      if (event.operation !== 'status') continue;
      if (event.at <= at) break;
      if (typeof event.before.status !== 'string' || typeof event.before.progress !== 'number') {
        continue;
      }
      status = event.before.status as ActionStatus;
      progress = event.before.progress;
      since = dayOf(event.at);
    }
    if (status === 'late' && action.dueDate !== null && action.dueDate >= day) {
      status = 'in_progress';
    }
    progress = roundTo5(progress * elapsedShare(start, day, since));
  }
  if (start !== null && start > day && status !== 'dropped') {
    status = 'not_started';
    progress = 0;
  }
  if (status !== action.status && status !== 'late' && status !== 'blocked') statusComment = null;
  return { ...action, status, progress, statusComment };
}

/** The action as its audit trail says it was at `at`; null when it did not exist yet. */
function recordedActionOn(
  action: SnapshotAction,
  at: string,
  history: SnapshotHistory,
): SnapshotAction | null {
  const rewound = { ...action };
  for (const event of history.actionEvents.get(action.id) ?? []) {
    if (event.at <= at) break;
    if (event.operation === 'create') return null;
    const { before } = event;
    if (typeof before.status === 'string') rewound.status = before.status as ActionStatus;
    if (typeof before.progress === 'number') rewound.progress = before.progress;
    if (before.statusComment !== undefined) {
      rewound.statusComment =
        typeof before.statusComment === 'string' ? before.statusComment : null;
    }
    if (typeof before.title === 'string') rewound.title = before.title;
    if (before.dueDate !== undefined) {
      rewound.dueDate = typeof before.dueDate === 'string' ? before.dueDate : null;
    }
  }
  return rewound;
}

function actionOn(
  action: SnapshotAction,
  at: string,
  history: SnapshotHistory,
): SnapshotAction | null {
  const rewound = history.estimateUnrecorded
    ? estimatedActionOn(action, at, history)
    : recordedActionOn(action, at, history);
  if (rewound === null) return null;
  const day = dayOf(at);
  return {
    ...rewound,
    overdue: rewound.dueDate !== null && rewound.dueDate < day && isOpen(rewound.status),
  };
}

function indicatorOn(
  indicator: SnapshotIndicator,
  at: string,
  history: SnapshotHistory,
): SnapshotIndicator {
  const day = dayOf(at);
  const known = (history.measurements.get(indicator.id) ?? []).filter(
    (m) => m.measuredOn <= day && m.recordedAt <= at,
  );
  const latest = known.at(-1) ?? null;
  const { progressPct, expectedValue, track } = indicatorProgress(
    indicator,
    latest ? [latest] : [],
  );
  return {
    ...indicator,
    latestValue: latest?.value ?? null,
    latestMeasuredOn: latest?.measuredOn ?? null,
    measurementCount: known.length,
    progressPct,
    expectedValue,
    track,
  };
}

function decisionOn(
  decision: SnapshotDecision,
  at: string,
  history: SnapshotHistory,
): SnapshotDecision {
  const day = dayOf(at);
  if (!history.estimateUnrecorded) {
    let { followUpStatus } = decision;
    for (const event of history.decisionEvents.get(decision.id) ?? []) {
      if (event.at <= at) break;
      followUpStatus = event.followUpStatus;
    }
    return { ...decision, followUpStatus };
  }
  // Follow-ups closed after the day were still open, and late only once past their due date.
  const updatedOn = history.decisions.get(decision.id)?.updatedOn ?? '';
  const pastDue = decision.dueDate !== null && decision.dueDate < day;
  if (isDecisionClosed(decision.followUpStatus)) {
    return updatedOn <= day
      ? decision
      : { ...decision, followUpStatus: pastDue ? 'late' : 'in_progress' };
  }
  return decision.followUpStatus === 'late' && !pastDue
    ? { ...decision, followUpStatus: 'in_progress' }
    : decision;
}

/** Today's snapshot of a committee's territory, as it stood at `point.at`. */
export function rewindSnapshot(
  live: MeetingSnapshot,
  point: RewindPoint,
  history: SnapshotHistory,
): MeetingSnapshot {
  const { at } = point;
  const day = dayOf(at);
  const indicatorExists = (i: SnapshotIndicator) =>
    (history.indicatorCreated.get(i.id) ?? '') <= at;
  const planStarted = (plan: { id: number }) =>
    !history.estimateUnrecorded || (history.planStart.get(plan.id) ?? '') <= day;
  return {
    ...live,
    asOf: day,
    plans: live.plans.filter(planStarted).map((plan) => {
      const stages = plan.stages.map((stage) => {
        const actions = stage.actions
          .map((a) => actionOn(a, at, history))
          .filter((a): a is SnapshotAction => a !== null);
        const validated = stage.validatedOn !== null && stage.validatedOn <= day;
        return {
          ...stage,
          actions,
          progress: stageProgress(actions),
          actualStart:
            stage.actualStart !== null && stage.actualStart <= day ? stage.actualStart : null,
          actualEnd: stage.actualEnd !== null && stage.actualEnd <= day ? stage.actualEnd : null,
          validatedMeetingId: validated ? stage.validatedMeetingId : null,
          validatedOn: validated ? stage.validatedOn : null,
        };
      });
      return {
        ...plan,
        stages,
        progress: planProgress(stages.map((s) => s.progress)),
        indicators: plan.indicators.filter(indicatorExists).map((i) => indicatorOn(i, at, history)),
      };
    }),
    territoryIndicators: live.territoryIndicators
      .filter(indicatorExists)
      .map((i) => indicatorOn(i, at, history)),
    decisions: live.decisions
      .filter(
        (d) =>
          d.meetingId === point.meetingId || (history.decisions.get(d.id)?.createdAt ?? '') <= at,
      )
      .map((d) => decisionOn(d, at, history)),
  };
}

const parse = (json: string | null) => JSON.parse(json ?? '{}') as Record<string, unknown>;

/**
 * Reads what `rewindSnapshot` needs from the audit trail and the tables; with `since`, only the
 * events after that moment (the earlier ones do not change the rewound state).
 */
export async function readSnapshotHistory(
  db: Db | Trx,
  options: {
    today: string;
    estimateUnrecorded: boolean;
    since?: string;
    /** Reads only what concerns this territory (its plans, indicators and committees' decisions). */
    territoryId?: number;
  },
): Promise<SnapshotHistory> {
  const since = options.since ?? '';
  const territoryId = options.territoryId;
  const planIds = db
    .selectFrom('planTerritories')
    .select('planId')
    .where('territoryId', '=', territoryId ?? 0);
  const indicatorIds = db
    .selectFrom('indicators')
    .select('id')
    .where((eb) => eb.or([eb('planId', 'in', planIds), eb('territoryId', '=', territoryId ?? 0)]));
  const decisionIds = db
    .selectFrom('decisions as d')
    .innerJoin('meetings as m', 'm.id', 'd.meetingId')
    .innerJoin('committees as c', 'c.id', 'm.committeeId')
    .select('d.id')
    .where('c.territoryId', '=', territoryId ?? 0);
  const scoped = territoryId !== undefined;
  const [plans, actions, events, decisionEvents, measurements, indicators, decisions] =
    await Promise.all([
      db
        .selectFrom('plans')
        .select(['id', 'startDate'])
        .$if(scoped, (q) => q.where('id', 'in', planIds))
        .execute(),
      db
        .selectFrom('actions')
        .select(['id', 'startDate', 'completedOn'])
        .$if(scoped, (q) => q.where('planId', 'in', planIds))
        .execute(),
      db
        .selectFrom('auditEvents')
        .select(['entityId', 'occurredAt', 'operation', 'oldValue'])
        .where('entityType', '=', 'action')
        .where('operation', 'in', ['create', 'update', 'status'])
        .where('occurredAt', '>', since)
        .$if(scoped, (q) => q.where('planId', 'in', planIds))
        .orderBy('occurredAt', 'desc')
        .orderBy('id', 'desc')
        .execute(),
      db
        .selectFrom('auditEvents')
        .select(['entityId', 'occurredAt', 'oldValue'])
        .where('entityType', '=', 'decision')
        .where('operation', '=', 'update')
        .where('occurredAt', '>', since)
        .$if(scoped, (q) => q.where('entityId', 'in', decisionIds))
        .orderBy('occurredAt', 'desc')
        .orderBy('id', 'desc')
        .execute(),
      db
        .selectFrom('measurements')
        .select(['indicatorId', 'measuredOn', 'value', 'createdAt'])
        .$if(scoped, (q) => q.where('indicatorId', 'in', indicatorIds))
        .orderBy('measuredOn', 'asc')
        .orderBy('id', 'asc')
        .execute(),
      db
        .selectFrom('indicators')
        .select(['id', 'createdAt'])
        .$if(scoped, (q) => q.where('id', 'in', indicatorIds))
        .execute(),
      db
        .selectFrom('decisions')
        .select(['id', 'createdAt', 'updatedAt'])
        .$if(scoped, (q) => q.where('id', 'in', decisionIds))
        .execute(),
    ]);
  const actionEvents: SnapshotHistory['actionEvents'] = new Map();
  for (const event of events) {
    if (
      event.operation !== 'create' &&
      event.operation !== 'update' &&
      event.operation !== 'status'
    )
      continue;
    const list = actionEvents.get(event.entityId) ?? [];
    list.push({ at: event.occurredAt, operation: event.operation, before: parse(event.oldValue) });
    actionEvents.set(event.entityId, list);
  }
  const followUps: SnapshotHistory['decisionEvents'] = new Map();
  for (const event of decisionEvents) {
    const before = parse(event.oldValue)['followUpStatus'];
    if (typeof before !== 'string') continue;
    const list = followUps.get(event.entityId) ?? [];
    list.push({ at: event.occurredAt, followUpStatus: before as DecisionStatus });
    followUps.set(event.entityId, list);
  }
  const byIndicator: SnapshotHistory['measurements'] = new Map();
  for (const m of measurements) {
    const list = byIndicator.get(m.indicatorId) ?? [];
    list.push({ measuredOn: m.measuredOn, value: m.value, recordedAt: m.createdAt });
    byIndicator.set(m.indicatorId, list);
  }
  return {
    today: options.today,
    estimateUnrecorded: options.estimateUnrecorded,
    planStart: new Map(plans.map((p) => [p.id, p.startDate ?? ''])),
    actions: new Map(actions.map((a) => [a.id, a])),
    actionEvents,
    measurements: byIndicator,
    indicatorCreated: new Map(indicators.map((i) => [i.id, i.createdAt])),
    decisions: new Map(
      decisions.map((d) => [d.id, { createdAt: d.createdAt, updatedOn: dayOf(d.updatedAt) }]),
    ),
    decisionEvents: followUps,
  };
}

/**
 * The snapshot a meeting freezes: its territory and committee as they stood at its scheduled
 * time, whenever it is marked held (`now`, at or after that time).
 */
export async function buildMeetingSnapshotAt(
  db: Db | Trx,
  meeting: { id: number; territoryId: number; committeeId: number; scheduledAt: string },
  now: Date,
): Promise<MeetingSnapshot> {
  const today = isoToday(now);
  const at = new Date(meeting.scheduledAt).toISOString();
  return territorySnapshotAt(db, meeting, { at, meetingId: meeting.id }, today);
}

/**
 * The territory and a committee's decisions as they stood at `point.at`, today's live state
 * rewound exactly through the audit trail (reading only what concerns the territory).
 */
export async function territorySnapshotAt(
  db: Db | Trx,
  scope: { territoryId: number; committeeId: number },
  point: RewindPoint,
  today: string,
): Promise<MeetingSnapshot> {
  const [live, history] = await Promise.all([
    buildMeetingSnapshot(db, scope, today),
    readSnapshotHistory(db, {
      today,
      estimateUnrecorded: false,
      since: point.at,
      territoryId: scope.territoryId,
    }),
  ]);
  return rewindSnapshot(live, point, history);
}
