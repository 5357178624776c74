import { describe, expect, it } from 'vitest';
import {
  expectedActionProgress,
  meanOnDay,
  seriesDays,
  stageOnDay,
  territoryAtInput,
} from '../src';

describe('expected progress of an action', () => {
  it('is 0 before the start, 100 from the due date, a straight line between', () => {
    expect(expectedActionProgress('2026-01-01', '2026-01-11', '2025-12-31')).toBe(0);
    expect(expectedActionProgress('2026-01-01', '2026-01-11', '2026-01-01')).toBe(0);
    expect(expectedActionProgress('2026-01-01', '2026-01-11', '2026-01-04')).toBe(30);
    expect(expectedActionProgress('2026-01-01', '2026-01-11', '2026-01-11')).toBe(100);
    expect(expectedActionProgress('2026-01-01', '2026-01-11', '2027-01-01')).toBe(100);
  });

  it('crosses month and leap-year boundaries by calendar days', () => {
    // 2028 is a leap year: 2028-02-01 → 2028-03-02 is 30 days.
    expect(expectedActionProgress('2028-02-01', '2028-03-02', '2028-02-16')).toBe(50);
  });

  it('steps on the due date without a start date, and expects nothing without a due date', () => {
    expect(expectedActionProgress(null, '2026-02-01', '2026-01-31')).toBe(0);
    expect(expectedActionProgress(null, '2026-02-01', '2026-02-01')).toBe(100);
    expect(expectedActionProgress('2026-01-01', null, '2026-06-01')).toBeNull();
  });

  it('is 100 from the day when start and due fall on the same day', () => {
    expect(expectedActionProgress('2026-01-05', '2026-01-05', '2026-01-04')).toBe(0);
    expect(expectedActionProgress('2026-01-05', '2026-01-05', '2026-01-05')).toBe(100);
  });
});

describe('rolling up actual and expected progress on a day', () => {
  const day = '2026-01-06';
  it('leaves dropped actions out of both, and actions without a due date out of expected', () => {
    const stage = stageOnDay(
      [
        { status: 'done', progress: 40, startDate: '2026-01-01', dueDate: '2026-01-11' },
        { status: 'in_progress', progress: 20, startDate: null, dueDate: null },
        { status: 'dropped', progress: 90, startDate: '2025-01-01', dueDate: '2025-02-01' },
      ],
      day,
    );
    expect(stage).toEqual({ progress: 60, expected: 50 });
  });

  it('gives a stage without actions no value, and means skip parts without one', () => {
    expect(stageOnDay([], day)).toEqual({ progress: null, expected: null });
    expect(
      meanOnDay([
        { progress: 10, expected: null },
        { progress: null, expected: null },
        { progress: 30, expected: 40 },
      ]),
    ).toEqual({ progress: 20, expected: 40 });
  });
});

describe('the days a series is read at', () => {
  it('are the month ends from the first month, then today', () => {
    expect(seriesDays('2025-11-20', '2026-03-16')).toEqual([
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-03-16',
    ]);
  });

  it('end with today when today is a month end, without repeating it', () => {
    expect(seriesDays('2026-01-10', '2026-02-28')).toEqual(['2026-01-31', '2026-02-28']);
    expect(seriesDays('2026-02-10', '2026-02-10')).toEqual(['2026-02-10']);
  });
});

describe('the state-at-a-date input', () => {
  it('accepts an ISO day within the programme’s years only', () => {
    expect(territoryAtInput.safeParse({ territoryId: 1, at: '2025-03-14' }).success).toBe(true);
    for (const at of [
      '2025-3-14',
      '2025-02-30',
      '1999-12-31',
      '2101-01-01',
      '2025-03-14T10:00:00Z',
    ]) {
      expect(territoryAtInput.safeParse({ territoryId: 1, at }).success, at).toBe(false);
    }
    expect(territoryAtInput.safeParse({ territoryId: 0, at: '2025-03-14' }).success).toBe(false);
  });
});
