import type { IndicatorTrack } from './indicator';
import { isDecisionClosed, type MeetingSnapshot, type SnapshotDecision } from './meetingChanges';
import { roundProgress, territoryProgress } from './progress';
import type { ActionStatus, StageKind } from './vocabulary';

// "What moved since the last meeting": the few counts a committee reads first on a territory's
// page, each with the items behind it, from the state at a reference point (a held meeting's
// snapshot, or the state at a date) and the state now. Pure: same two states, same answer.

/** The groups of items that moved, in the order the first screen shows them. */
export const MOVEMENT_GROUPS = [
  'done',
  'blockedOrLate',
  'overdue',
  'indicatorsOffTrack',
  'indicatorsBackOnTrack',
  'decisionsTaken',
  'decisionsClosed',
] as const;
export type MovementGroup = (typeof MOVEMENT_GROUPS)[number];

export interface MovedAction {
  id: number;
  title: string;
  planId: number;
  planCode: string;
  stageKind: StageKind;
  /** Null: the action did not exist (or was not live) at the reference point. */
  from: ActionStatus | null;
  to: ActionStatus;
  progress: number;
  dueDate: string | null;
  ownerName: string | null;
  statusComment: string | null;
}

export interface MovedIndicator {
  id: number;
  name: string;
  unit: string;
  /** Null for an indicator of the territory itself. */
  planId: number | null;
  planCode: string | null;
  from: IndicatorTrack | null;
  to: IndicatorTrack;
  latestValue: number | null;
  latestMeasuredOn: string | null;
  targetValue: number;
}

export interface Movement {
  progress: {
    /** Territory progress (mean of its plans), rounded to one decimal; null: nothing counted. */
    before: number | null;
    after: number | null;
    /** after − before in points, a missing value counting as 0. */
    delta: number;
  };
  done: MovedAction[];
  blockedOrLate: MovedAction[];
  overdue: MovedAction[];
  indicatorsOffTrack: MovedIndicator[];
  indicatorsBackOnTrack: MovedIndicator[];
  decisionsTaken: SnapshotDecision[];
  decisionsClosed: SnapshotDecision[];
}

const STUCK: readonly ActionStatus[] = ['blocked', 'late'];
const GOOD_TRACKS: readonly IndicatorTrack[] = ['on_track', 'achieved'];

function actionsOf(snapshot: MeetingSnapshot) {
  return snapshot.plans.flatMap((plan) =>
    plan.stages.flatMap((stage) => stage.actions.map((action) => ({ action, plan, stage }))),
  );
}

function indicatorsOf(snapshot: MeetingSnapshot) {
  return [
    ...snapshot.plans.flatMap((plan) => plan.indicators.map((indicator) => ({ indicator, plan }))),
    ...snapshot.territoryIndicators.map((indicator) => ({ indicator, plan: null })),
  ];
}

const territoryValue = (snapshot: MeetingSnapshot) =>
  roundProgress(territoryProgress(snapshot.plans.map((p) => p.progress)));

/**
 * What moved between `before` (the state at the reference point) and `now`: actions newly done,
 * newly blocked or late, newly overdue; indicators that went off track or came back on it;
 * decisions taken and closed since; and the territory's progress then and now.
 */
export function summariseMovement(before: MeetingSnapshot, now: MeetingSnapshot): Movement {
  const previousActions = new Map(actionsOf(before).map(({ action }) => [action.id, action]));
  const done: MovedAction[] = [];
  const blockedOrLate: MovedAction[] = [];
  const overdue: MovedAction[] = [];
  for (const { action, plan, stage } of actionsOf(now)) {
    const previous = previousActions.get(action.id);
    const moved: MovedAction = {
      id: action.id,
      title: action.title,
      planId: plan.id,
      planCode: plan.code,
      stageKind: stage.kind,
      from: previous?.status ?? null,
      to: action.status,
      progress: action.status === 'done' ? 100 : action.progress,
      dueDate: action.dueDate,
      ownerName: action.ownerName ?? null,
      statusComment: action.statusComment,
    };
    if (action.status === 'done' && previous?.status !== 'done') done.push(moved);
    if (STUCK.includes(action.status) && previous?.status !== action.status) {
      blockedOrLate.push(moved);
    }
    if (action.overdue && !previous?.overdue) overdue.push(moved);
  }

  const previousTracks = new Map(
    indicatorsOf(before).map(({ indicator }) => [indicator.id, indicator.track]),
  );
  const indicatorsOffTrack: MovedIndicator[] = [];
  const indicatorsBackOnTrack: MovedIndicator[] = [];
  for (const { indicator, plan } of indicatorsOf(now)) {
    const from = previousTracks.get(indicator.id) ?? null;
    const moved: MovedIndicator = {
      id: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      planId: plan?.id ?? null,
      planCode: plan?.code ?? null,
      from,
      to: indicator.track,
      latestValue: indicator.latestValue,
      latestMeasuredOn: indicator.latestMeasuredOn,
      targetValue: indicator.targetValue,
    };
    if (indicator.track === 'off_track' && from !== 'off_track') indicatorsOffTrack.push(moved);
    if (GOOD_TRACKS.includes(indicator.track) && from === 'off_track') {
      indicatorsBackOnTrack.push(moved);
    }
  }

  const previousDecisions = new Map(before.decisions.map((d) => [d.id, d]));
  const decisions = [...now.decisions].sort((x, y) => x.number - y.number || x.id - y.id);
  const decisionsTaken = decisions.filter((d) => !previousDecisions.has(d.id));
  const decisionsClosed = decisions.filter((d) => {
    const previous = previousDecisions.get(d.id);
    return (
      isDecisionClosed(d.followUpStatus) &&
      (!previous || !isDecisionClosed(previous.followUpStatus))
    );
  });

  const progressBefore = territoryValue(before);
  const progressAfter = territoryValue(now);
  return {
    progress: {
      before: progressBefore,
      after: progressAfter,
      delta: Math.round(((progressAfter ?? 0) - (progressBefore ?? 0)) * 10) / 10,
    },
    done,
    blockedOrLate,
    overdue,
    indicatorsOffTrack,
    indicatorsBackOnTrack,
    decisionsTaken,
    decisionsClosed,
  };
}
