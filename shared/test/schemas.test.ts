import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  actionSetStatusInput,
  committeeCreateInput,
  indicatorCreateInput,
  meetingMinutesInput,
  pageInput,
  planCreateInput,
} from '../src';

const fieldErrors = (result: { success: boolean; error?: z.ZodError }) =>
  result.error ? Object.keys(z.flattenError(result.error).fieldErrors) : [];

describe('wire schemas', () => {
  it('ask for a comment on a blocked status, naming the field', () => {
    const result = actionSetStatusInput.safeParse({ id: 1, version: 1, status: 'blocked' });
    expect(result.success).toBe(false);
    expect(fieldErrors(result)).toEqual(['comment']);
    expect(
      actionSetStatusInput.safeParse({ id: 1, version: 1, status: 'blocked', comment: 'Attente' })
        .success,
    ).toBe(true);
  });

  it('refuse a plan that ends before it starts, or belongs to no territory', () => {
    const plan = {
      code: 'FA-1',
      title: 'Plan',
      axis: 'skills',
      priority: 'high',
      territoryIds: [1],
    };
    expect(planCreateInput.safeParse(plan).success).toBe(true);
    expect(
      fieldErrors(
        planCreateInput.safeParse({ ...plan, startDate: '2025-02-01', endDate: '2025-01-01' }),
      ),
    ).toEqual(['endDate']);
    expect(fieldErrors(planCreateInput.safeParse({ ...plan, territoryIds: [] }))).toEqual([
      'territoryIds',
    ]);
    expect(planCreateInput.safeParse({ ...plan, startDate: '2025-02-30' }).success).toBe(false);
  });

  it('refuse an indicator whose target goes against its direction, or with two owners', () => {
    const indicator = {
      planId: 1,
      name: 'CO2 émis',
      unit: 't',
      kind: 'impact',
      direction: 'decrease',
      baselineValue: 100,
      baselineDate: '2024-01-01',
      targetValue: 50,
      targetDate: '2030-01-01',
    };
    expect(indicatorCreateInput.safeParse(indicator).success).toBe(true);
    expect(fieldErrors(indicatorCreateInput.safeParse({ ...indicator, targetValue: 150 }))).toEqual(
      ['targetValue'],
    );
    expect(fieldErrors(indicatorCreateInput.safeParse({ ...indicator, territoryId: 2 }))).toEqual([
      'planId',
    ]);
  });

  it('cap page sizes so no list can be fetched whole', () => {
    expect(pageInput.parse({})).toEqual({ limit: 50, offset: 0 });
    expect(pageInput.safeParse({ limit: 10_000 }).success).toBe(false);
  });

  it('refuses text holding the NUL character, which PostgreSQL cannot store', () => {
    const committee = { territoryId: 1, kind: 'copil', name: 'COPIL' };
    expect(committeeCreateInput.safeParse(committee).success).toBe(true);
    const withNul = committeeCreateInput.safeParse({ ...committee, name: 'CO\u0000PIL' });
    expect(withNul.success).toBe(false);
    expect(withNul.error?.issues[0]?.path).toEqual(['name']);
    expect(meetingMinutesInput.safeParse({ id: 1, version: 1, minutes: 'Relevé' }).success).toBe(
      true,
    );
    expect(
      meetingMinutesInput.safeParse({ id: 1, version: 1, minutes: 'Rel\u0000evé' }).success,
    ).toBe(false);
  });

  it('refuses half a character (a lone surrogate), which UTF-8 and jsonb cannot hold', () => {
    const committee = { territoryId: 1, kind: 'copil', name: 'COPIL 🏭' };
    expect(committeeCreateInput.safeParse(committee).success).toBe(true);
    for (const name of ['COPIL \ud83c', '\udfedCOPIL']) {
      const half = committeeCreateInput.safeParse({ ...committee, name });
      expect(half.success).toBe(false);
      expect(half.error?.issues[0]?.path).toEqual(['name']);
    }
    expect(
      meetingMinutesInput.safeParse({ id: 1, version: 1, minutes: 'Relevé \ud83c' }).success,
    ).toBe(false);
  });
});
