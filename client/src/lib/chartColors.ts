import type { ActionStatus, StageKind } from '@jalon/shared';

/** Chart colours, each at least 3:1 against white (WCAG 1.4.11 for graphics). */
export const CHART_COLORS = {
  primary: '#1d4f91',
  secondary: '#6a3d9a',
  target: '#b3261e',
  expected: '#5f6b7a',
  measured: '#1d4f91',
  grid: '#d5dbe3',
  /** Values written beside bars: text, so at least 4.5:1. */
  label: '#3f4753',
} as const;

export const STATUS_COLORS: Record<ActionStatus, string> = {
  not_started: '#6b7280',
  in_progress: '#1d4f91',
  done: '#1f7a3d',
  late: '#b45309',
  on_hold: '#7c6f2a',
  blocked: '#b3261e',
  dropped: '#4b5563',
  to_discuss: '#6a3d9a',
};

/** One colour per stage, each at least 3:1 against white. */
export const STAGE_COLORS: Record<StageKind, string> = {
  inventory: CHART_COLORS.primary,
  tool_adaptation: CHART_COLORS.secondary,
  support_for_change: '#0f6b5c',
};
