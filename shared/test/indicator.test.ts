import { describe, expect, it } from 'vitest';
import {
  expectedValueOn,
  indicatorProgress,
  isDirectionConsistent,
  type IndicatorDefinition,
} from '../src';

// Jobs trained: rising from 0 to 120 over three years.
const rising: IndicatorDefinition = {
  direction: 'increase',
  baselineValue: 0,
  baselineDate: '2024-01-01',
  targetValue: 120,
  targetDate: '2027-01-01',
};
// CO2 emitted (kt): falling from 1000 to 400.
const falling: IndicatorDefinition = {
  direction: 'decrease',
  baselineValue: 1000,
  baselineDate: '2024-01-01',
  targetValue: 400,
  targetDate: '2030-01-01',
};

describe('indicatorProgress', () => {
  it('has explicit results when nothing was measured yet', () => {
    expect(indicatorProgress(rising, [])).toEqual({
      progressPct: null,
      expectedValue: null,
      latest: null,
      track: 'no_data',
    });
  });

  it('measures progress from baseline to target for a rising indicator, on the latest measurement', () => {
    const result = indicatorProgress(rising, [
      { measuredOn: '2025-07-02', value: 60 },
      { measuredOn: '2024-07-01', value: 15 },
    ]);
    expect(result.latest?.value).toBe(60);
    expect(result.progressPct).toBe(50);
    // Half-way in time (2025-07-02 is 548 of 1096 days), 60 expected: on the line counts as on track.
    expect(result.expectedValue).toBeCloseTo(60, 0);
    expect(result.track).toBe('on_track');
  });

  it('is off track below the straight line', () => {
    expect(indicatorProgress(rising, [{ measuredOn: '2026-01-01', value: 30 }]).track).toBe(
      'off_track',
    );
  });

  it('measures a falling indicator the same way, with the signs reversed', () => {
    const onTrack = indicatorProgress(falling, [{ measuredOn: '2027-01-01', value: 650 }]);
    expect(onTrack.progressPct).toBeCloseTo(58.33, 1);
    expect(onTrack.track).toBe('on_track');
    const offTrack = indicatorProgress(falling, [{ measuredOn: '2027-01-01', value: 900 }]);
    expect(offTrack.progressPct).toBeCloseTo(16.67, 1);
    expect(offTrack.track).toBe('off_track');
  });

  it('says achieved once the target is reached, and reports progress beyond 100 %', () => {
    const result = indicatorProgress(rising, [{ measuredOn: '2025-01-01', value: 150 }]);
    expect(result.track).toBe('achieved');
    expect(result.progressPct).toBe(125);
    expect(indicatorProgress(falling, [{ measuredOn: '2026-01-01', value: 380 }]).track).toBe(
      'achieved',
    );
  });

  it('reports negative progress when the indicator moved the wrong way', () => {
    expect(
      indicatorProgress(falling, [{ measuredOn: '2025-01-01', value: 1100 }]).progressPct,
    ).toBeCloseTo(-16.67, 1);
  });

  it('keeps the expectation flat before the baseline date and after the target date', () => {
    expect(expectedValueOn(rising, '2023-01-01')).toBe(0);
    expect(expectedValueOn(rising, '2030-01-01')).toBe(120);
  });

  it('checks that the target lies in the indicator’s direction', () => {
    expect(isDirectionConsistent(rising)).toBe(true);
    expect(isDirectionConsistent({ ...rising, targetValue: -5 })).toBe(false);
    expect(isDirectionConsistent(falling)).toBe(true);
    expect(isDirectionConsistent({ ...falling, direction: 'increase' })).toBe(false);
  });
});
