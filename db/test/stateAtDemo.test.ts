import { beforeAll, describe, expect, it } from 'vitest';
import { territoryProgress } from '@jalon/shared';
import { createTestDb, type Db } from '../src/connection';
import { findMeetingSnapshot } from '../src/queries/meetings';
import { territoryProgressSeries, territoryStateAt } from '../src/queries/stateAt';
import { seedDemo } from '../src/seed/demo';

// On the demo, the progress series at each held meeting is what that meeting froze.

const TODAY = '2026-03-16';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  await seedDemo(db, { passwordHash: 'scrypt$test-hash', today: TODAY });
});

describe('the demo’s progress series', () => {
  it('equals each held meeting’s snapshot roll-up on the meeting’s day', async () => {
    const territories = await db.selectFrom('territories').select(['id', 'code']).execute();
    let compared = 0;
    for (const territory of territories) {
      const series = await territoryProgressSeries(db, territory.id, TODAY);
      for (const meeting of series.meetings) {
        const frozen = await findMeetingSnapshot(db, meeting.id);
        if (frozen === null) continue;
        const point = series.points.find((p) => p.day === meeting.day);
        expect(point?.meetings.map((m) => m.id)).toContain(meeting.id);
        const rolledUp = territoryProgress(frozen.snapshot.plans.map((p) => p.progress));
        expect(point?.value.progress, `${territory.code} ${meeting.day}`).toBeCloseTo(
          rolledUp ?? Number.NaN,
          9,
        );
        const state = await territoryStateAt(db, territory.id, meeting.day, TODAY);
        expect(state.plans.map((p) => [p.id, p.progress])).toEqual(
          frozen.snapshot.plans.map((p) => [p.id, p.progress]),
        );
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(3);
  });

  it('moves between meetings: not one flat line', async () => {
    const nordLorraine = await db
      .selectFrom('territories')
      .select('id')
      .where('name', '=', 'Nord Lorraine')
      .executeTakeFirstOrThrow();
    const series = await territoryProgressSeries(db, nordLorraine.id, TODAY);
    const values = new Set(series.points.map((p) => p.value.progress?.toFixed(1)));
    expect(values.size).toBeGreaterThan(3);
    expect(series.points.at(-1)?.day).toBe(TODAY);
  });
});
