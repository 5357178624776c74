import { describe, expect, it } from 'vitest';
import {
  mean,
  nationProgress,
  planProgress,
  regionProgress,
  stageProgress,
  territoryProgress,
} from '../src';

describe('progress roll-up', () => {
  it('averages the actions of a stage, counting Réalisé as 100 and leaving Abandonné out', () => {
    expect(
      stageProgress([
        { status: 'in_progress', progress: 50 },
        { status: 'done', progress: 80 },
        { status: 'dropped', progress: 0 },
      ]),
    ).toBe(75);
  });

  it('gives no value to an empty stage and to a stage whose actions were all dropped', () => {
    expect(stageProgress([])).toBeNull();
    expect(stageProgress([{ status: 'dropped', progress: 30 }])).toBeNull();
  });

  it('weighs the stages of a plan equally and skips stages without a value', () => {
    expect(planProgress([100, 20, null])).toBe(60);
    expect(planProgress([null, null, null])).toBeNull();
  });

  it('counts a plan shared by two territories fully in each', () => {
    const shared = 50;
    expect(territoryProgress([shared, 100])).toBe(75);
    expect(territoryProgress([shared])).toBe(50);
  });

  it('rolls territories up to regions and the nation, each territory weighing the same nationally', () => {
    const grandEst = [80, 40, null];
    const centre = [10];
    expect(regionProgress(grandEst)).toBe(60);
    expect(regionProgress(centre)).toBe(10);
    // Nation: mean of the four territories with a value, not of the two regions (35).
    expect(nationProgress([...grandEst, ...centre])).toBeCloseTo(130 / 3);
  });

  it('treats a territory with no plans as having no value rather than 0', () => {
    expect(territoryProgress([])).toBeNull();
    expect(mean([null, 30])).toBe(30);
  });
});
