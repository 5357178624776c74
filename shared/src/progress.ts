import type { ActionStatus } from './vocabulary';

/**
 * Progress roll-up, action → stage → plan → territory → region → nation.
 *
 * - An action counts with its own % progress (Réalisé is always 100). Abandonné actions leave the
 *   roll-up entirely.
 * - A stage's progress is the mean of its counted actions; with none (empty, or every action
 *   dropped) it has no value (null) rather than 0.
 * - A plan's progress is the mean of its stages that have a value: each stage weighs the same,
 *   whatever its number of actions.
 * - A territory's progress is the mean of its plans that have a value; a plan shared by several
 *   territories counts fully in each.
 * - A region's progress is the mean of its territories that have a value.
 * - The nation's progress is the mean of all territories that have a value (each territory weighs
 *   the same, so large regions do not drown small ones).
 *
 * The SQL aggregates in `@jalon/db` compute the same formula with AVG (which skips NULLs); tests
 * check both agree.
 */
export function mean(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null) continue;
    sum += value;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

export function countsInRollup(status: ActionStatus): boolean {
  return status !== 'dropped';
}

export function stageProgress(
  actions: readonly { status: ActionStatus; progress: number }[],
): number | null {
  return mean(
    actions
      .filter((a) => countsInRollup(a.status))
      .map((a) => (a.status === 'done' ? 100 : a.progress)),
  );
}

export function planProgress(stageValues: readonly (number | null)[]): number | null {
  return mean(stageValues);
}

export function territoryProgress(planValues: readonly (number | null)[]): number | null {
  return mean(planValues);
}

export function regionProgress(territoryValues: readonly (number | null)[]): number | null {
  return mean(territoryValues);
}

export function nationProgress(territoryValues: readonly (number | null)[]): number | null {
  return mean(territoryValues);
}

/** Rounds a roll-up for display, keeping null as "no data". */
export function roundProgress(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
