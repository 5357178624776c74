import { describe, expect, it } from 'vitest';
import { Migrator } from 'kysely';
import { indicatorProgress, planProgress, stageProgress, type ActionStatus } from '@jalon/shared';
import { createTestDb, migrateToLatest, type Db } from '../src/connection';
import { migrationProvider } from '../src/migrations';
import { seedDemo } from '../src/seed/demo';
import { seedNational } from '../src/seed/national';

// The portfolio's maintained aggregates (stage_rollups, indicator_latest) after the seeds, which
// insert rows directly, and after the migration that creates them on an existing database: each
// must equal a recomputation from the raw rows, done here in JS.

interface StageRollup {
  planId: number;
  stageId: number;
  progressSum: number;
  counted: number;
  live: number;
  blocked: number;
}

/** Per plan with live actions: the pure `planProgress` of its stages' `stageProgress`, blocked. */
function expectedPlanRollups(
  actions: readonly { planId: number; stageId: number; status: ActionStatus; progress: number }[],
) {
  const stageIdsOf = new Map<number, Set<number>>();
  for (const a of actions)
    stageIdsOf.set(a.planId, (stageIdsOf.get(a.planId) ?? new Set()).add(a.stageId));
  return [...stageIdsOf]
    .sort(([a], [b]) => a - b)
    .map(([planId, stageIds]) => ({
      planId,
      progress: planProgress(
        [...stageIds]
          .sort((a, b) => a - b)
          .map((stageId) => stageProgress(actions.filter((a) => a.stageId === stageId))),
      ),
      blocked: actions.filter((a) => a.planId === planId && a.status === 'blocked').length,
    }));
}

async function recomputed(db: Db) {
  const actions = await db
    .selectFrom('actions')
    .where('archivedAt', 'is', null)
    .select(['planId', 'stageId', 'status', 'progress'])
    .execute();
  const stages = new Map<string, StageRollup>();
  for (const a of actions) {
    const key = `${a.planId}:${a.stageId}`;
    const stage = stages.get(key) ?? {
      planId: a.planId,
      stageId: a.stageId,
      progressSum: 0,
      counted: 0,
      live: 0,
      blocked: 0,
    };
    stage.live += 1;
    if (a.status !== 'dropped') {
      stage.counted += 1;
      stage.progressSum += a.status === 'done' ? 100 : a.progress;
    }
    if (a.status === 'blocked') stage.blocked += 1;
    stages.set(key, stage);
  }
  const measurements = await db.selectFrom('measurements').selectAll().orderBy('id').execute();
  const latest = new Map<
    number,
    { indicatorId: number; measurementId: number; measuredOn: string; value: number }
  >();
  for (const m of measurements) {
    const current = latest.get(m.indicatorId);
    // In id order, a later row wins a tie on the day: the last recorded.
    if (!current || m.measuredOn >= current.measuredOn) {
      latest.set(m.indicatorId, {
        indicatorId: m.indicatorId,
        measurementId: m.id,
        measuredOn: m.measuredOn,
        value: m.value,
      });
    }
  }
  const definitions = new Map(
    (await db.selectFrom('indicators').selectAll().execute()).map((i) => [i.id, i]),
  );
  return {
    stageRollups: [...stages.values()].sort((a, b) => a.planId - b.planId || a.stageId - b.stageId),
    planRollups: expectedPlanRollups(actions),
    indicatorLatest: [...latest.values()]
      .sort((a, b) => a.indicatorId - b.indicatorId)
      .map((row) => {
        const definition = definitions.get(row.indicatorId);
        if (!definition) throw new Error(`Indicator ${row.indicatorId} not found`);
        const own = measurements.filter((m) => m.indicatorId === row.indicatorId);
        return { ...row, track: indicatorProgress(definition, own).track };
      }),
  };
}

async function maintained(db: Db) {
  return {
    stageRollups: await db
      .selectFrom('stageRollups')
      .selectAll()
      .orderBy('planId')
      .orderBy('stageId')
      .execute(),
    planRollups: await db.selectFrom('planRollups').selectAll().orderBy('planId').execute(),
    indicatorLatest: await db
      .selectFrom('indicatorLatest')
      .selectAll()
      .orderBy('indicatorId')
      .execute(),
  };
}

async function expectFresh(db: Db): Promise<void> {
  const expected = await recomputed(db);
  // A seed with no rows would make the equality vacuous.
  expect(expected.stageRollups.length).toBeGreaterThan(0);
  expect(expected.indicatorLatest.length).toBeGreaterThan(0);
  // Every track a seed gives, so that the migration's copy of the rule meets each branch.
  expect(new Set(expected.indicatorLatest.map((r) => r.track))).toEqual(
    new Set(['achieved', 'on_track', 'off_track']),
  );
  expect(await maintained(db)).toEqual(expected);
}

describe('the maintained portfolio aggregates', () => {
  it('are right after the demo seed', async () => {
    const db = await createTestDb();
    await seedDemo(db, { passwordHash: 'scrypt$test-hash', today: '2026-03-16' });
    await expectFresh(db);
    await db.destroy();
  });

  it('are right after the national seed', async () => {
    const db = await createTestDb();
    await seedNational(db, { scale: 0.03 });
    await expectFresh(db);
    await db.destroy();
  });

  it('are filled by their migration from the rows of an existing database', async () => {
    const db = await createTestDb();
    await seedNational(db, { scale: 0.03 });
    const migrator = new Migrator({ db, provider: migrationProvider });
    // Back to just before the aggregates' migration (later ones, if any, go too), then up again.
    const back = await migrator.migrateTo('2026-12-04-0001-portfolio-indexes');
    expect(back.error).toBeUndefined();
    expect(back.results?.map((r) => r.migrationName)).toContain(
      '2026-12-05-0001-maintained-rollups',
    );
    expect(await migrateToLatest(db)).toContain('2026-12-05-0001-maintained-rollups');
    await expectFresh(db);
    await db.destroy();
  });
});
