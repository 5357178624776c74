import type {
  MeetingSnapshot,
  SnapshotAction,
  SnapshotDecision,
  SnapshotIndicator,
} from '../../src/meetingChanges';
import { planProgress, stageProgress } from '../../src/progress';

// Hand-built snapshots: one territory, plan FA-1 (stages 11 and 12) and plan FA-2 (stage 21).

export const action = (id: number, fields: Partial<SnapshotAction> = {}): SnapshotAction => ({
  id,
  title: `Action ${id}`,
  status: 'in_progress',
  progress: 40,
  dueDate: null,
  statusComment: null,
  overdue: false,
  ...fields,
});

export const indicator = (
  id: number,
  fields: Partial<SnapshotIndicator> = {},
): SnapshotIndicator => ({
  id,
  name: `Indicateur ${id}`,
  unit: 'emplois',
  direction: 'increase',
  baselineValue: 0,
  baselineDate: '2024-01-01',
  targetValue: 100,
  targetDate: '2026-12-31',
  latestValue: 20,
  latestMeasuredOn: '2025-01-31',
  measurementCount: 3,
  progressPct: 20,
  expectedValue: 30,
  track: 'off_track',
  ...fields,
});

export const decision = (id: number, fields: Partial<SnapshotDecision> = {}): SnapshotDecision => ({
  id,
  meetingId: 1,
  number: id,
  text: `Décision ${id}`,
  kind: 'information_request',
  planId: null,
  planCode: null,
  stageId: null,
  actionId: null,
  ownerName: 'Claire Martin',
  dueDate: null,
  followUpStatus: 'todo',
  ...fields,
});

export interface Shape {
  /** Actions per stage id. */
  actions?: Partial<Record<11 | 12 | 21, SnapshotAction[]>>;
  validatedOn?: Partial<Record<11 | 12 | 21, string>>;
  indicators?: SnapshotIndicator[];
  territoryIndicators?: SnapshotIndicator[];
  decisions?: SnapshotDecision[];
}

const BASE_ACTIONS = {
  11: [action(1), action(2, { status: 'done', progress: 100 })],
  12: [action(3, { status: 'not_started', progress: 0 })],
  21: [action(4, { status: 'blocked', progress: 10 })],
};

/** Builds a snapshot with its roll-ups computed as the dashboards do. */
export function snapshot(shape: Shape = {}): MeetingSnapshot {
  const actions = { ...BASE_ACTIONS, ...shape.actions };
  const stage = (id: 11 | 12 | 21, kind: 'inventory' | 'tool_adaptation', position: number) => ({
    id,
    kind,
    position,
    progress: stageProgress(actions[id]),
    plannedStart: null,
    plannedEnd: null,
    actualStart: null,
    actualEnd: null,
    validatedMeetingId: shape.validatedOn?.[id] ? 99 : null,
    validatedOn: shape.validatedOn?.[id] ?? null,
    actions: actions[id],
  });
  const plan = (id: number, code: string, stages: ReturnType<typeof stage>[]) => ({
    id,
    code,
    title: `Plan ${code}`,
    axis: 'skills' as const,
    priority: 'high' as const,
    progress: planProgress(stages.map((s) => s.progress)),
    stages,
    indicators: id === 1 ? (shape.indicators ?? [indicator(7)]) : [],
  });
  return {
    territoryId: 1,
    asOf: '2025-06-15',
    plans: [
      plan(1, 'FA-1', [stage(11, 'inventory', 1), stage(12, 'tool_adaptation', 2)]),
      plan(2, 'FA-2', [stage(21, 'inventory', 1)]),
    ],
    territoryIndicators: shape.territoryIndicators ?? [indicator(8, { measurementCount: null })],
    decisions: shape.decisions ?? [decision(1)],
  };
}
