import type { IndicatorDirection } from './vocabulary';

export interface IndicatorDefinition {
  direction: IndicatorDirection;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
}

export interface Measurement {
  measuredOn: string;
  value: number;
}

export type IndicatorTrack = 'on_track' | 'off_track' | 'no_data' | 'achieved';

export interface IndicatorProgress {
  /** Share of the way from baseline to target reached by the latest measurement, in % (may exceed 100 or be negative). */
  progressPct: number | null;
  /** Where the straight line from baseline to target says the indicator should be at the latest measurement. */
  expectedValue: number | null;
  latest: Measurement | null;
  track: IndicatorTrack;
}

const DAY_MS = 86_400_000;

// Day numbers already parsed: a CSV export judges hundreds of thousands of measurements against
// the same few thousand dates, and Date.parse was most of its time. Bounded, never reached by
// the programme's calendar (2018-2035 is about 6,600 days).
const MAX_REMEMBERED_DAYS = 20_000;
const dayNumbers = new Map<string, number>();

function dayNumber(isoDate: string): number {
  const day = isoDate.slice(0, 10);
  let number = dayNumbers.get(day);
  if (number === undefined) {
    number = Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
    if (dayNumbers.size < MAX_REMEMBERED_DAYS) dayNumbers.set(day, number);
  }
  return number;
}

/** Direction and values must agree: a rising indicator aims above its baseline, a falling one below. */
export function isDirectionConsistent(
  def: Omit<IndicatorDefinition, 'baselineDate' | 'targetDate'>,
): boolean {
  return def.direction === 'increase'
    ? def.targetValue > def.baselineValue
    : def.targetValue < def.baselineValue;
}

/** The value the straight line from (baseline date, baseline) to (target date, target) gives on a date; flat outside. */
export function expectedValueOn(def: IndicatorDefinition, isoDate: string): number {
  const start = dayNumber(def.baselineDate);
  const end = dayNumber(def.targetDate);
  const at = dayNumber(isoDate);
  if (end <= start) return at >= end ? def.targetValue : def.baselineValue;
  const share = Math.min(1, Math.max(0, (at - start) / (end - start)));
  return def.baselineValue + (def.targetValue - def.baselineValue) * share;
}

export function latestMeasurement(measurements: readonly Measurement[]): Measurement | null {
  let latest: Measurement | null = null;
  for (const m of measurements) {
    if (latest === null || m.measuredOn >= latest.measuredOn) latest = m;
  }
  return latest;
}

/**
 * Progress of an indicator from its baseline towards its target, for rising (jobs created) and
 * falling (tonnes of CO2 emitted) indicators alike, and whether the latest measurement is on the
 * straight line from baseline to target or better. Without a measurement the result is explicit:
 * no progress, no expectation, `no_data`.
 */
export function indicatorProgress(
  def: IndicatorDefinition,
  measurements: readonly Measurement[],
): IndicatorProgress {
  const latest = latestMeasurement(measurements);
  if (latest === null)
    return { progressPct: null, expectedValue: null, latest: null, track: 'no_data' };
  const span = def.targetValue - def.baselineValue;
  const progressPct = span === 0 ? null : ((latest.value - def.baselineValue) / span) * 100;
  const expectedValue = expectedValueOn(def, latest.measuredOn);
  const sign = def.direction === 'increase' ? 1 : -1;
  const reachedTarget = sign * (latest.value - def.targetValue) >= 0;
  const track: IndicatorTrack = reachedTarget
    ? 'achieved'
    : sign * (latest.value - expectedValue) >= 0
      ? 'on_track'
      : 'off_track';
  return { progressPct, expectedValue, latest, track };
}
