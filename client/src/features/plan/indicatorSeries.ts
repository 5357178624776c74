import {
  expectedValueOn,
  indicatorProgress,
  type IndicatorDefinition,
  type IndicatorTrack,
} from '@jalon/shared';
import type { RouterOutputs } from '../../lib/trpc';

export type PlanIndicator = RouterOutputs['indicator']['list']['items'][number];
export type MeasurementItem = RouterOutputs['measurement']['list']['items'][number];

/** One measurement as the chart and its data table show it, oldest first. */
export interface MeasurementRow {
  id: number;
  date: string;
  /** The date as a day timestamp (UTC midnight), the chart's x value. */
  time: number;
  value: number;
  /** Where the straight line from baseline to target says the indicator should be that day. */
  expected: number;
  /** Whether that measurement, taken alone, was on track. */
  track: IndicatorTrack;
  source: string;
  comment: string;
  recorderName: string | null;
}

export const dayTime = (isoDate: string): number => Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);

export function measurementRows(
  indicator: IndicatorDefinition,
  measurements: readonly MeasurementItem[],
): MeasurementRow[] {
  return [...measurements]
    .sort((a, b) => a.measuredOn.localeCompare(b.measuredOn) || a.id - b.id)
    .map((m) => ({
      id: m.id,
      date: m.measuredOn,
      time: dayTime(m.measuredOn),
      value: m.value,
      expected: expectedValueOn(indicator, m.measuredOn),
      track: indicatorProgress(indicator, [m]).track,
      source: m.source,
      comment: m.comment,
      recorderName: m.recorderName,
    }));
}

const MONTH_STEPS = [1, 2, 3, 6, 12, 24] as const;

/**
 * About `count` evenly spaced month starts between two day timestamps, for the time axis: the
 * step is 1, 2, 3, 6, 12 or 24 months and ticks fall on its multiples (January, July...).
 */
export function monthTicks(start: number, end: number, count = 6): number[] {
  const first = new Date(start);
  const last = new Date(end);
  const startMonth = first.getUTCFullYear() * 12 + first.getUTCMonth();
  const endMonth = last.getUTCFullYear() * 12 + last.getUTCMonth();
  const step = MONTH_STEPS.find((s) => (endMonth - startMonth) / s <= count) ?? 24;
  const ticks: number[] = [];
  const from = first.getUTCDate() > 1 ? startMonth + 1 : startMonth;
  for (let m = Math.ceil(from / step) * step; m <= endMonth; m += step) {
    ticks.push(Date.UTC(Math.floor(m / 12), m % 12, 1));
  }
  return ticks;
}
