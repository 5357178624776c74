import {
  HELD_MEETING_STATUSES,
  indicatorProgress,
  isDecisionClosed,
  planProgress,
  stageProgress,
  type ActionStatus,
  type MeetingSnapshot,
  type SnapshotAction,
  type SnapshotDecision,
  type SnapshotIndicator,
} from '@jalon/shared';
import {
  buildMeetingSnapshot,
  insertMeetingSnapshot,
  listSnapshotDecisions,
} from '../queries/meetings';
import { daysBetween } from './dates';
import type { Seeding } from './demoState';

// The snapshots of the demo's past meetings. The seed writes today's state only, so each held
// meeting's snapshot is today's state rewound to the meeting's day: measurements recorded since
// left out, actions completed since still under way, recent status changes undone from their audit
// events, progress of unfinished work scaled back with the time elapsed, decisions taken since
// absent and follow-ups closed since still open, stage gates set since not yet set; roll-ups then
// recomputed with the dashboards' formula. Deterministic: no random draw.

interface History {
  today: string;
  planStart: Map<number, string>;
  actions: Map<number, { startDate: string | null; completedOn: string | null }>;
  /** Per action, status events latest first: what it was before each. */
  statusEvents: Map<number, { on: string; status: ActionStatus; progress: number }[]>;
  /** Per indicator, measurements in the order the latest is chosen (date, then id). */
  measurements: Map<number, { measuredOn: string; value: number; recordedOn: string }[]>;
  indicatorCreated: Map<number, string>;
  decisions: Map<number, { createdOn: string; updatedOn: string }>;
}

const dayOf = (timestamp: string) => timestamp.slice(0, 10);
const roundTo5 = (value: number) => Math.max(0, Math.min(100, Math.round(value / 5) * 5));
const isOpen = (status: ActionStatus) => status !== 'done' && status !== 'dropped';

/** The share of the work done by `day` for work started on `start` and as far as it is on `end`. */
function elapsedShare(start: string | null, day: string, end: string): number {
  if (start === null) return 1;
  const span = daysBetween(start, end);
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, daysBetween(start, day) / span));
}

function actionOn(action: SnapshotAction, day: string, history: History): SnapshotAction {
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
    for (const event of history.statusEvents.get(action.id) ?? []) {
      if (event.on <= day) break;
      ({ status, progress } = event);
      since = event.on;
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
  return {
    ...action,
    status,
    progress,
    statusComment,
    overdue: action.dueDate !== null && action.dueDate < day && isOpen(status),
  };
}

function indicatorOn(
  indicator: SnapshotIndicator,
  day: string,
  history: History,
): SnapshotIndicator {
  const known = (history.measurements.get(indicator.id) ?? []).filter(
    (m) => m.measuredOn <= day && m.recordedOn <= day,
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

/** Follow-ups closed after the day were still open, and late only once past their due date. */
function decisionOn(decision: SnapshotDecision, day: string, history: History): SnapshotDecision {
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

/** Today's snapshot of a committee, as it stood at the end of `day`. */
export function rewindSnapshot(
  live: MeetingSnapshot,
  day: string,
  history: History,
): MeetingSnapshot {
  const indicatorExists = (i: SnapshotIndicator) =>
    (history.indicatorCreated.get(i.id) ?? '') <= day;
  return {
    ...live,
    asOf: day,
    plans: live.plans
      .filter((plan) => (history.planStart.get(plan.id) ?? '') <= day)
      .map((plan) => {
        const stages = plan.stages.map((stage) => {
          const actions = stage.actions.map((a) => actionOn(a, day, history));
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
          indicators: plan.indicators
            .filter(indicatorExists)
            .map((i) => indicatorOn(i, day, history)),
        };
      }),
    territoryIndicators: live.territoryIndicators
      .filter(indicatorExists)
      .map((i) => indicatorOn(i, day, history)),
    decisions: live.decisions
      .filter((d) => (history.decisions.get(d.id)?.createdOn ?? '') <= day)
      .map((d) => decisionOn(d, day, history)),
  };
}

async function readHistory(s: Seeding): Promise<History> {
  const [plans, actions, events, measurements, indicators, decisions] = await Promise.all([
    s.trx.selectFrom('plans').select(['id', 'startDate']).execute(),
    s.trx.selectFrom('actions').select(['id', 'startDate', 'completedOn']).execute(),
    s.trx
      .selectFrom('auditEvents')
      .select(['entityId', 'occurredAt', 'oldValue'])
      .where('entityType', '=', 'action')
      .where('operation', '=', 'status')
      .orderBy('occurredAt', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    s.trx
      .selectFrom('measurements')
      .select(['indicatorId', 'measuredOn', 'value', 'createdAt'])
      .orderBy('measuredOn', 'asc')
      .orderBy('id', 'asc')
      .execute(),
    s.trx.selectFrom('indicators').select(['id', 'createdAt']).execute(),
    s.trx.selectFrom('decisions').select(['id', 'createdAt', 'updatedAt']).execute(),
  ]);
  const statusEvents: History['statusEvents'] = new Map();
  for (const event of events) {
    const before = JSON.parse(event.oldValue ?? '{}') as {
      status?: ActionStatus;
      progress?: number;
    };
    if (before.status === undefined || before.progress === undefined) continue;
    const list = statusEvents.get(event.entityId) ?? [];
    list.push({ on: dayOf(event.occurredAt), status: before.status, progress: before.progress });
    statusEvents.set(event.entityId, list);
  }
  const byIndicator: History['measurements'] = new Map();
  for (const m of measurements) {
    const list = byIndicator.get(m.indicatorId) ?? [];
    list.push({ measuredOn: m.measuredOn, value: m.value, recordedOn: dayOf(m.createdAt) });
    byIndicator.set(m.indicatorId, list);
  }
  return {
    today: s.today,
    planStart: new Map(plans.map((p) => [p.id, p.startDate ?? ''])),
    actions: new Map(actions.map((a) => [a.id, a])),
    statusEvents,
    measurements: byIndicator,
    indicatorCreated: new Map(indicators.map((i) => [i.id, dayOf(i.createdAt)])),
    decisions: new Map(
      decisions.map((d) => [
        d.id,
        { createdOn: dayOf(d.createdAt), updatedOn: dayOf(d.updatedAt) },
      ]),
    ),
  };
}

/** Gives every held meeting of the demo the snapshot of the state on its day. */
export async function insertMeetingSnapshots(s: Seeding): Promise<void> {
  const history = await readHistory(s);
  const meetings = await s.trx
    .selectFrom('meetings as m')
    .innerJoin('committees as c', 'c.id', 'm.committeeId')
    .select(['m.id', 'm.committeeId', 'c.territoryId', 'm.scheduledAt', 'm.heldAt'])
    .where('m.status', 'in', HELD_MEETING_STATUSES)
    .orderBy('m.committeeId')
    .orderBy('m.scheduledAt')
    .execute();
  // Today's state, read once per territory (with each committee's decisions) and rewound to
  // each meeting's day.
  const live = new Map<number, MeetingSnapshot>();
  for (const meeting of meetings) {
    const territoryState =
      live.get(meeting.territoryId) ?? (await buildMeetingSnapshot(s.trx, meeting, s.today));
    live.set(meeting.territoryId, territoryState);
    const current = {
      ...territoryState,
      decisions: await listSnapshotDecisions(s.trx, meeting.committeeId),
    };
    const heldAt = meeting.heldAt ?? meeting.scheduledAt;
    const snapshot = rewindSnapshot(current, dayOf(heldAt), history);
    await insertMeetingSnapshot(s.trx, meeting.id, heldAt, snapshot);
  }
}
