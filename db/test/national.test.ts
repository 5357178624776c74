import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES } from '@jalon/shared';
import { createTestDb, type Db } from '../src/connection';
import { seedNational } from '../src/seed/national';

// A small fraction of the national dataset: the full one belongs to `pnpm bench`, not unit tests.
const SCALE = 0.03;
const TODAY = '2026-11-22';

const count = async (
  db: Db,
  table: 'territories' | 'plans' | 'actions' | 'indicators' | 'measurements',
) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Every generated row that carries the dataset's substance, in a stable order. */
async function dump(db: Db) {
  return {
    territories: await db.selectFrom('territories').selectAll().orderBy('id').execute(),
    planTerritories: await db
      .selectFrom('planTerritories')
      .selectAll()
      .orderBy('planId')
      .orderBy('territoryId')
      .execute(),
    actions: await db.selectFrom('actions').selectAll().orderBy('id').execute(),
    indicators: await db.selectFrom('indicators').selectAll().orderBy('id').execute(),
    measurements: await db.selectFrom('measurements').selectAll().orderBy('id').execute(),
    meetings: await db.selectFrom('meetings').selectAll().orderBy('id').execute(),
  };
}

describe('seedNational', () => {
  it('writes the announced volumes, scaled, and reports them', async () => {
    const db = await createTestDb();
    const result = await seedNational(db, { seed: 7, today: TODAY, scale: SCALE });
    expect(result.territories).toBe(Math.round(183 * SCALE));
    expect(result.plans).toBe(Math.round(2_700 * SCALE));
    expect(result.actions).toBe(await count(db, 'actions'));
    expect(result.indicators).toBe(await count(db, 'indicators'));
    expect(result.measurements).toBe(await count(db, 'measurements'));
    expect(await count(db, 'territories')).toBe(result.territories);
    expect(await count(db, 'plans')).toBe(result.plans);
    // Around 11 actions and 1.9 indicators per plan, around 40 measurements per indicator.
    expect(result.actions / result.plans).toBeGreaterThan(8);
    expect(result.actions / result.plans).toBeLessThan(14);
    expect(result.indicators / result.plans).toBeGreaterThan(1.4);
    expect(result.measurements / result.indicators).toBeGreaterThan(25);
    expect(result.ms).toBeGreaterThanOrEqual(0);
    await db.destroy();
  });

  it('generates data a dashboard can use: every status, justified blockages, sane dates', async () => {
    const db = await createTestDb();
    await seedNational(db, { seed: 7, today: TODAY, scale: SCALE });
    const actions = await db.selectFrom('actions').selectAll().execute();
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(ACTION_STATUSES));
    for (const a of actions) {
      if (a.status === 'blocked' || a.status === 'late') expect(a.statusComment).toBeTruthy();
      if (a.status === 'done') {
        expect(a.progress).toBe(100);
        expect(a.completedOn! <= TODAY).toBe(true);
      }
      expect(a.progress).toBeGreaterThanOrEqual(0);
      expect(a.progress).toBeLessThanOrEqual(100);
      expect(a.startDate! <= a.dueDate!).toBe(true);
    }
    const overdue = actions.filter(
      (a) => a.dueDate! < TODAY && a.status !== 'done' && a.status !== 'dropped',
    );
    expect(overdue.length).toBeGreaterThan(0);

    const stages = await db
      .selectFrom('stages')
      .select(['planId', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('planId')
      .execute();
    expect(stages.every((s) => Number(s.n) === 3)).toBe(true);

    const territoriesPerPlan = await db
      .selectFrom('planTerritories')
      .select(['planId', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('planId')
      .execute();
    expect(territoriesPerPlan).toHaveLength(await count(db, 'plans'));
    expect(territoriesPerPlan.every((p) => Number(p.n) >= 1 && Number(p.n) <= 3)).toBe(true);

    const indicators = await db.selectFrom('indicators').selectAll().execute();
    expect(new Set(indicators.map((i) => i.direction))).toEqual(new Set(['increase', 'decrease']));
    for (const i of indicators) {
      expect(
        i.direction === 'increase'
          ? i.targetValue > i.baselineValue
          : i.targetValue < i.baselineValue,
      ).toBe(true);
    }
    const lastMeasurement = await db
      .selectFrom('measurements')
      .select((eb) => eb.fn.max('measuredOn').as('last'))
      .executeTakeFirstOrThrow();
    expect(lastMeasurement.last <= TODAY).toBe(true);

    const committees = await db.selectFrom('committees').select(['territoryId', 'kind']).execute();
    expect(committees).toHaveLength(2 * (await count(db, 'territories')));
    const planned = await db
      .selectFrom('meetings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'planned')
      .where('scheduledAt', '>', TODAY)
      .executeTakeFirstOrThrow();
    expect(Number(planned.n)).toBe(committees.length);

    const admin = await db
      .selectFrom('users')
      .select('id')
      .where('globalRole', '=', 'admin')
      .execute();
    expect(admin).toHaveLength(1);
    await db.destroy();
  });

  it('never gives two plans of a territory the same code, shared plans included', async () => {
    const db = await createTestDb();
    // Enough territories per region for plans to be shared between neighbours.
    await seedNational(db, { seed: 7, today: TODAY, scale: 0.1 });
    const links = await db
      .selectFrom('planTerritories as pt')
      .innerJoin('plans as p', 'p.id', 'pt.planId')
      .select(['pt.planId', 'pt.territoryId', 'p.code'])
      .execute();
    const territoriesOf = new Map<number, number>();
    for (const l of links) territoriesOf.set(l.planId, (territoriesOf.get(l.planId) ?? 0) + 1);
    expect([...territoriesOf.values()].some((n) => n > 1)).toBe(true);
    const pairs = links.map((l) => `${l.territoryId} ${l.code}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    await db.destroy();
  });

  it('measures every indicator once a month, month ends included', async () => {
    const db = await createTestDb();
    // From the 31st, a month later is the last day of the next month, never the 1st or 3rd after.
    await seedNational(db, { seed: 7, today: '2026-08-31', scale: SCALE });
    const monthOf = (isoDate: string) =>
      Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7));
    const indicators = await db.selectFrom('indicators').select(['id', 'baselineDate']).execute();
    const measurements = await db
      .selectFrom('measurements')
      .select(['indicatorId', 'measuredOn'])
      .orderBy('indicatorId')
      .orderBy('measuredOn')
      .execute();
    for (const indicator of indicators) {
      const months = measurements
        .filter((m) => m.indicatorId === indicator.id)
        .map((m) => monthOf(m.measuredOn));
      const first = monthOf(indicator.baselineDate) + 1;
      expect(months).toEqual(months.map((_, k) => first + k));
    }
    const baselineDays = new Set(indicators.map((i) => i.baselineDate.slice(8)));
    expect([...baselineDays].every((day) => ['28', '29', '30', '31'].includes(day))).toBe(true);
    await db.destroy();
  });

  it('is deterministic: the same seed and day give the same rows, another seed others', async () => {
    const [a, b, c] = await Promise.all([createTestDb(), createTestDb(), createTestDb()]);
    await seedNational(a, { seed: 11, today: TODAY, scale: SCALE });
    await seedNational(b, { seed: 11, today: TODAY, scale: SCALE });
    await seedNational(c, { seed: 12, today: TODAY, scale: SCALE });
    const first = await dump(a);
    expect(await dump(b)).toEqual(first);
    expect((await dump(c)).actions).not.toEqual(first.actions);
    await Promise.all([a.destroy(), b.destroy(), c.destroy()]);
  });

  it('refuses a database that already holds territories, leaving it untouched', async () => {
    const db = await createTestDb();
    await seedNational(db, { seed: 7, today: TODAY, scale: SCALE });
    const before = await count(db, 'actions');
    await expect(seedNational(db, { seed: 8, today: TODAY, scale: SCALE })).rejects.toThrow(
      /already holds territories/,
    );
    expect(await count(db, 'actions')).toBe(before);
    await db.destroy();
  });

  it('refuses a scale outside (0, 1]', async () => {
    const db = await createTestDb();
    await expect(seedNational(db, { scale: 0 })).rejects.toThrow(/scale/);
    await expect(seedNational(db, { scale: 2 })).rejects.toThrow(/scale/);
    expect(await count(db, 'territories')).toBe(0);
    await db.destroy();
  });
});
