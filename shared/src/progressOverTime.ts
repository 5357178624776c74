import { z } from 'zod';
import { mean, stageProgress } from './progress';
import { ACTION_STATUSES, type ActionStatus } from './vocabulary';
import { DATE_WINDOW, isoDate } from './dateWindow';
import { id } from './ids';

// Progress over time: the expected progress implied by an action's dates, the roll-up of a set of
// actions as they stood on a day (actual and expected side by side), and the days a series is
// read at. The state of each action on a day is reconstructed in @jalon/db (queries/stateAt.ts).

/** Days between two ISO dates (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayNumber(to) - dayNumber(from)) / 86_400_000);
}

// Read from the digits rather than Date.parse: a series evaluates it for every action at every point.
const dayNumber = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/**
 * Where an action should be on `day` if it ran to plan: 0 before its start date, 100 on and after
 * its due date, a straight line between. Without a start date the whole step falls on the due date;
 * without a due date nothing is expected (null: it leaves the expected roll-up).
 */
export function expectedActionProgress(
  startDate: string | null,
  dueDate: string | null,
  day: string,
): number | null {
  if (dueDate === null) return null;
  if (day >= dueDate) return 100;
  if (startDate === null || day <= startDate) return 0;
  const span = daysBetween(startDate, dueDate);
  return span <= 0 ? 100 : (100 * daysBetween(startDate, day)) / span;
}

/** One action as it stood on a day. */
export interface ActionOnDay {
  status: ActionStatus;
  progress: number;
  startDate: string | null;
  dueDate: string | null;
}

export interface RolledUp {
  progress: number | null;
  expected: number | null;
}

/**
 * A stage's actual and expected progress on `day`, by the same rule: the mean over its counted
 * actions (Abandonné left out); the expected mean skips actions without a due date.
 */
export function stageOnDay(actions: readonly ActionOnDay[], day: string): RolledUp {
  return {
    progress: stageProgress(actions),
    expected: mean(
      actions
        .filter((a) => a.status !== 'dropped')
        .map((a) => expectedActionProgress(a.startDate, a.dueDate, day)),
    ),
  };
}

/** The mean of the parts that have a value, for actual and expected alike (plan, territory). */
export function meanOnDay(parts: readonly RolledUp[]): RolledUp {
  return {
    progress: mean(parts.map((p) => p.progress)),
    expected: mean(parts.map((p) => p.expected)),
  };
}

/** The last day of each month from `from`'s month to the month before `to`'s, then `to` itself. */
export function seriesDays(from: string, to: string): string[] {
  const days: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
    const firstOfNext = `${String(next.y).padStart(4, '0')}-${String(next.m).padStart(2, '0')}-01`;
    const monthEnd = new Date(Date.parse(`${firstOfNext}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    if (monthEnd >= to) break;
    days.push(monthEnd);
    ({ y: year, m: month } = next);
  }
  days.push(to);
  return days;
}

export const emptyStatusCounts = (): Record<ActionStatus, number> =>
  Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;

// ---- Wire schemas ----------------------------------------------------------------------------

/** The earliest day a series or a past state may be asked for: the first day of DATE_WINDOW. */
export const EARLIEST_HISTORY_DAY = DATE_WINDOW.first;

/** An ISO day within DATE_WINDOW (2018-2035), as every day of the wire schemas. */
export const historyDay = isoDate;

export const territorySeriesInput = z.object({ territoryId: id });
export const planSeriesInput = z.object({ planId: id });
export const territoryAtInput = z.object({
  territoryId: id,
  at: historyDay,
});
