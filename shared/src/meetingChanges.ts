import type { IndicatorTrack } from './indicator';
import { roundProgress } from './progress';
import type {
  ActionStatus,
  Axis,
  DecisionKind,
  DecisionStatus,
  IndicatorDirection,
  Priority,
  StageKind,
} from './vocabulary';

// What a meeting froze when it was held (the JSON of `meeting_snapshots`), and the comparison of
// two such states that the "since last meeting" view, its CSV and the meeting mode show.

export interface SnapshotIndicator {
  id: number;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  latestValue: number | null;
  latestMeasuredOn: string | null;
  /** Measurements recorded so far; null in snapshots taken before it was recorded. */
  measurementCount: number | null;
  progressPct: number | null;
  expectedValue: number | null;
  track: IndicatorTrack;
}

export interface SnapshotAction {
  id: number;
  title: string;
  status: ActionStatus;
  progress: number;
  dueDate: string | null;
  statusComment: string | null;
  overdue: boolean;
  /** The action's lead on the day; absent from snapshots stored before leads were frozen. */
  ownerName?: string | null;
}

export interface SnapshotStage {
  id: number;
  kind: StageKind;
  position: number;
  progress: number | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  validatedMeetingId: number | null;
  validatedOn: string | null;
  actions: SnapshotAction[];
}

export interface SnapshotPlan {
  id: number;
  code: string;
  title: string;
  axis: Axis;
  priority: Priority;
  progress: number | null;
  stages: SnapshotStage[];
  indicators: SnapshotIndicator[];
}

/** A decision of the committee as it stood when the snapshot was taken. */
export interface SnapshotDecision {
  id: number;
  meetingId: number;
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
}

/** The state of a territory's plans when a meeting was held, frozen as JSON. */
export interface MeetingSnapshot {
  territoryId: number;
  /** The day overdue actions were judged against. */
  asOf: string;
  plans: SnapshotPlan[];
  territoryIndicators: SnapshotIndicator[];
  /** Every decision of the meeting's committee (empty in snapshots taken before they were kept). */
  decisions: SnapshotDecision[];
}

/**
 * Reads a stored snapshot payload, filling what older payloads lack: no decisions, and an unknown
 * measurement count.
 */
export function readMeetingSnapshot(payload: unknown): MeetingSnapshot {
  const raw = payload as MeetingSnapshot;
  const indicator = (i: SnapshotIndicator): SnapshotIndicator => ({
    ...i,
    measurementCount: i.measurementCount ?? null,
  });
  return {
    ...raw,
    plans: raw.plans.map((plan) => ({ ...plan, indicators: plan.indicators.map(indicator) })),
    territoryIndicators: raw.territoryIndicators.map(indicator),
    decisions: raw.decisions ?? [],
  };
}

// ---- The diff ------------------------------------------------------------------------------

export interface ActionStatusChange {
  actionId: number;
  title: string;
  planId: number;
  planCode: string;
  /** Null: the action did not exist (or was not live) at the previous meeting. */
  from: ActionStatus | null;
  to: ActionStatus;
}

export type ProgressLevel = 'plan' | 'stage' | 'action';

export interface ProgressDelta {
  level: ProgressLevel;
  id: number;
  planId: number;
  planCode: string;
  /** The plan's or action's title; null for a stage (named by its kind). */
  title: string | null;
  /** The stage, or the action's stage; null for a plan. */
  stageKind: StageKind | null;
  /** Percentages rounded to one decimal; null: no value (no counted action, or not there yet). */
  before: number | null;
  after: number | null;
  /** after − before, a missing value counting as 0; negative when progress went down. */
  delta: number;
}

export interface NewMeasurement {
  indicatorId: number;
  name: string;
  unit: string;
  /** Null for an indicator of the territory itself. */
  planId: number | null;
  planCode: string | null;
  previousValue: number | null;
  previousMeasuredOn: string | null;
  value: number;
  measuredOn: string;
  track: IndicatorTrack;
}

export interface StageValidated {
  stageId: number;
  planId: number;
  planCode: string;
  stageKind: StageKind;
  validatedOn: string;
}

export interface MeetingChanges {
  statusChanges: ActionStatusChange[];
  /** Only real changes, largest first (by absolute value). */
  progressDeltas: ProgressDelta[];
  newMeasurements: NewMeasurement[];
  /** Decisions that did not exist at the previous meeting (whatever their follow-up now). */
  decisionsOpened: SnapshotDecision[];
  /** Decisions done or cancelled now, that were open (or did not exist) at the previous meeting. */
  decisionsClosed: SnapshotDecision[];
  stagesValidated: StageValidated[];
}

export function isDecisionClosed(status: DecisionStatus): boolean {
  return status === 'done' || status === 'cancelled';
}

/** What the roll-up counts for an action: Réalisé is always 100. */
const actionProgress = (a: SnapshotAction) => (a.status === 'done' ? 100 : a.progress);

interface Located<T> {
  item: T;
  plan: SnapshotPlan;
  stage: SnapshotStage;
}

function stagesOf(snapshot: MeetingSnapshot): Located<SnapshotStage>[] {
  return snapshot.plans.flatMap((plan) => plan.stages.map((item) => ({ item, plan, stage: item })));
}

function actionsOf(snapshot: MeetingSnapshot): Located<SnapshotAction>[] {
  return stagesOf(snapshot).flatMap(({ plan, stage }) =>
    stage.actions.map((item) => ({ item, plan, stage })),
  );
}

function indicatorsOf(
  snapshot: MeetingSnapshot,
): (SnapshotIndicator & { plan: SnapshotPlan | null })[] {
  return [
    ...snapshot.plans.flatMap((plan) => plan.indicators.map((i) => ({ ...i, plan }))),
    ...snapshot.territoryIndicators.map((i) => ({ ...i, plan: null })),
  ];
}

const byId = <T extends { id: number }>(items: readonly T[]) =>
  new Map(items.map((item) => [item.id, item]));

const LEVEL_ORDER: Record<ProgressLevel, number> = { plan: 0, stage: 1, action: 2 };

/**
 * What changed between the state at the previous meeting and the current one: actions whose status
 * changed (or that appeared), progress that moved, indicators measured since, decisions taken and
 * settled, stages validated. Pure: the same two snapshots always give the same changes.
 */
export function diffSnapshots(previous: MeetingSnapshot, current: MeetingSnapshot): MeetingChanges {
  const beforeActions = new Map(actionsOf(previous).map((a) => [a.item.id, a.item]));
  const beforeStages = new Map(stagesOf(previous).map((s) => [s.item.id, s.item]));
  const beforePlans = byId(previous.plans);

  const statusChanges: ActionStatusChange[] = [];
  const progressDeltas: ProgressDelta[] = [];
  const pushDelta = (
    fields: Omit<ProgressDelta, 'before' | 'after' | 'delta'>,
    before: number | null,
    after: number | null,
  ) => {
    const b = roundProgress(before);
    const a = roundProgress(after);
    const delta = Math.round(((a ?? 0) - (b ?? 0)) * 10) / 10;
    if (delta !== 0) progressDeltas.push({ ...fields, before: b, after: a, delta });
  };

  for (const plan of current.plans) {
    pushDelta(
      {
        level: 'plan',
        id: plan.id,
        planId: plan.id,
        planCode: plan.code,
        title: plan.title,
        stageKind: null,
      },
      beforePlans.get(plan.id)?.progress ?? null,
      plan.progress,
    );
  }
  for (const { item: stage, plan } of stagesOf(current)) {
    pushDelta(
      {
        level: 'stage',
        id: stage.id,
        planId: plan.id,
        planCode: plan.code,
        title: null,
        stageKind: stage.kind,
      },
      beforeStages.get(stage.id)?.progress ?? null,
      stage.progress,
    );
  }
  for (const { item: action, plan, stage } of actionsOf(current)) {
    const before = beforeActions.get(action.id);
    if (before?.status !== action.status) {
      statusChanges.push({
        actionId: action.id,
        title: action.title,
        planId: plan.id,
        planCode: plan.code,
        from: before?.status ?? null,
        to: action.status,
      });
    }
    pushDelta(
      {
        level: 'action',
        id: action.id,
        planId: plan.id,
        planCode: plan.code,
        title: action.title,
        stageKind: stage.kind,
      },
      before ? actionProgress(before) : null,
      actionProgress(action),
    );
  }
  progressDeltas.sort(
    (x, y) =>
      Math.abs(y.delta) - Math.abs(x.delta) ||
      LEVEL_ORDER[x.level] - LEVEL_ORDER[y.level] ||
      x.id - y.id,
  );

  const beforeIndicators = byId(indicatorsOf(previous));
  const newMeasurements: NewMeasurement[] = [];
  for (const indicator of indicatorsOf(current)) {
    if (indicator.latestValue === null || indicator.latestMeasuredOn === null) continue;
    const before = beforeIndicators.get(indicator.id);
    const measured =
      !before ||
      before.latestMeasuredOn !== indicator.latestMeasuredOn ||
      before.latestValue !== indicator.latestValue ||
      (before.measurementCount !== null &&
        indicator.measurementCount !== null &&
        indicator.measurementCount > before.measurementCount);
    if (!measured) continue;
    newMeasurements.push({
      indicatorId: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      planId: indicator.plan?.id ?? null,
      planCode: indicator.plan?.code ?? null,
      previousValue: before?.latestValue ?? null,
      previousMeasuredOn: before?.latestMeasuredOn ?? null,
      value: indicator.latestValue,
      measuredOn: indicator.latestMeasuredOn,
      track: indicator.track,
    });
  }

  const beforeDecisions = byId(previous.decisions);
  const decisions = [...current.decisions].sort((x, y) => x.number - y.number || x.id - y.id);
  const decisionsOpened = decisions.filter((d) => !beforeDecisions.has(d.id));
  const decisionsClosed = decisions.filter((d) => {
    const before = beforeDecisions.get(d.id);
    return (
      isDecisionClosed(d.followUpStatus) && (!before || !isDecisionClosed(before.followUpStatus))
    );
  });

  const stagesValidated: StageValidated[] = [];
  for (const { item: stage, plan } of stagesOf(current)) {
    if (stage.validatedOn === null) continue;
    if (beforeStages.get(stage.id)?.validatedOn === stage.validatedOn) continue;
    stagesValidated.push({
      stageId: stage.id,
      planId: plan.id,
      planCode: plan.code,
      stageKind: stage.kind,
      validatedOn: stage.validatedOn,
    });
  }

  return {
    statusChanges,
    progressDeltas,
    newMeasurements,
    decisionsOpened,
    decisionsClosed,
    stagesValidated,
  };
}
