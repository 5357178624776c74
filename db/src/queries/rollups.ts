import { indicatorProgress, planProgress } from '@jalon/shared';
import type { Db, Trx } from '../connection';

// The maintained aggregates behind the national portfolio (tables of migration
// 2026-12-05-0001): every write function that changes live actions or measurements calls one of
// the refreshers below in its own transaction, and the seeds, which insert rows directly, call
// `refreshRollups` at their end. A refresher recomputes the touched keys from the rows (one
// indexed GROUP BY each), so a maintained row always equals a fresh recomputation.

/** Rows per multi-row insert, well under SQLite's bound parameters limit. */
const INSERT_CHUNK = 1_000;

export interface StageKey {
  planId: number;
  stageId: number;
}

/** Per (plan, stage) of the live actions: the figures `stage_rollups` holds. */
/** The action fields `stageRollupSource` reads: a write that changes none leaves the roll-ups. */
export const ACTION_ROLLUP_FIELDS = [
  'planId',
  'stageId',
  'status',
  'progress',
  'archivedAt',
] as const;

function stageRollupSource(db: Db | Trx, key: StageKey | null) {
  return db
    .selectFrom('actions as ra')
    .where('ra.archivedAt', 'is', null)
    .$if(key !== null, (qb) =>
      qb.where('ra.planId', '=', key?.planId ?? 0).where('ra.stageId', '=', key?.stageId ?? 0),
    )
    .groupBy(['ra.planId', 'ra.stageId'])
    .select((eb) => [
      'ra.planId',
      'ra.stageId',
      eb.fn
        .sum<number>(
          eb
            .case()
            .when('ra.status', '=', 'dropped')
            .then(0)
            .when('ra.status', '=', 'done')
            .then(100)
            .else(eb.ref('ra.progress'))
            .end(),
        )
        .as('progressSum'),
      eb.fn
        .sum<number>(eb.case().when('ra.status', '=', 'dropped').then(0).else(1).end())
        .as('counted'),
      eb.fn.countAll<number>().as('live'),
      eb.fn
        .sum<number>(eb.case().when('ra.status', '=', 'blocked').then(1).else(0).end())
        .as('blocked'),
    ]);
}

const STAGE_ROLLUP_COLUMNS = [
  'planId',
  'stageId',
  'progressSum',
  'counted',
  'live',
  'blocked',
] as const;

/** Recomputes the rollups of these (plan, stage) keys; a key without live actions has no row. */
export async function refreshStageRollups(trx: Db | Trx, keys: readonly StageKey[]): Promise<void> {
  const seen = new Set<string>();
  for (const key of keys) {
    const id = `${key.planId}:${key.stageId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    await trx
      .deleteFrom('stageRollups')
      .where('planId', '=', key.planId)
      .where('stageId', '=', key.stageId)
      .execute();
    await trx
      .insertInto('stageRollups')
      .columns(STAGE_ROLLUP_COLUMNS)
      .expression(stageRollupSource(trx, key))
      .execute();
  }
  await refreshPlanRollups(trx, [...new Set(keys.map((key) => key.planId))]);
}

/**
 * Recomputes `plan_rollups` from `stage_rollups` for these plans (null: every plan): each plan's
 * progress with the pure `planProgress` over its stages in id order, and its blocked actions. A
 * plan without live actions has no row.
 */
async function refreshPlanRollups(trx: Db | Trx, planIds: readonly number[] | null): Promise<void> {
  if (planIds !== null && planIds.length === 0) return;
  const stages = await trx
    .selectFrom('stageRollups')
    .select(['planId', 'progressSum', 'counted', 'blocked'])
    .$if(planIds !== null, (qb) => qb.where('planId', 'in', planIds ?? []))
    .orderBy('planId')
    .orderBy('stageId')
    .execute();
  const plans = new Map<number, { stageValues: (number | null)[]; blocked: number }>();
  for (const stage of stages) {
    const plan = plans.get(stage.planId) ?? { stageValues: [], blocked: 0 };
    // Progress is a whole number: sum / count is the very mean `stageProgress` takes.
    plan.stageValues.push(stage.counted === 0 ? null : stage.progressSum / stage.counted);
    plan.blocked += stage.blocked;
    plans.set(stage.planId, plan);
  }
  const rows = [...plans].map(([planId, plan]) => ({
    planId,
    progress: planProgress(plan.stageValues),
    blocked: plan.blocked,
  }));
  await (
    planIds === null
      ? trx.deleteFrom('planRollups')
      : trx.deleteFrom('planRollups').where('planId', 'in', planIds)
  ).execute();
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await trx
      .insertInto('planRollups')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}

/**
 * Each indicator's latest measurement (the latest day, and on a tie the last recorded) with the
 * indicator's track judged by the shared rule. The track depends only on the definition and that
 * measurement, never on today, so it is maintained with them.
 */
async function judgedLatest(db: Db | Trx, indicatorId: number | null) {
  const rows = await db
    .selectFrom('indicators as ji')
    .innerJoin('measurements as jm', (join) =>
      join.on((eb) =>
        eb(
          'jm.id',
          '=',
          eb
            .selectFrom('measurements as jl')
            .select('jl.id')
            .whereRef('jl.indicatorId', '=', 'ji.id')
            .orderBy('jl.measuredOn', 'desc')
            .orderBy('jl.id', 'desc')
            .limit(1),
        ),
      ),
    )
    .$if(indicatorId !== null, (qb) => qb.where('ji.id', '=', indicatorId ?? 0))
    .select([
      'ji.id',
      'ji.direction',
      'ji.baselineValue',
      'ji.baselineDate',
      'ji.targetValue',
      'ji.targetDate',
      'jm.id as measurementId',
      'jm.measuredOn',
      'jm.value',
    ])
    .orderBy('ji.id')
    .execute();
  return rows.map((row) => ({
    indicatorId: row.id,
    measurementId: row.measurementId,
    measuredOn: row.measuredOn,
    value: row.value,
    track: indicatorProgress(row, [row]).track,
  }));
}

async function insertIndicatorLatest(
  trx: Db | Trx,
  rows: Awaited<ReturnType<typeof judgedLatest>>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await trx
      .insertInto('indicatorLatest')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}

/**
 * Recomputes the latest measurement and track of these indicators, after a write of one of
 * their measurements or of their definition; one without measurements has no row.
 */
export async function refreshIndicatorLatest(
  trx: Db | Trx,
  indicatorIds: readonly number[],
): Promise<void> {
  for (const indicatorId of new Set(indicatorIds)) {
    await trx.deleteFrom('indicatorLatest').where('indicatorId', '=', indicatorId).execute();
    await insertIndicatorLatest(trx, await judgedLatest(trx, indicatorId));
  }
}

/**
 * Recomputes every maintained aggregate from the rows: for the seeds and bulk loads that insert
 * rows directly. Run it in the same transaction as those inserts.
 */
export async function refreshRollups(trx: Db | Trx): Promise<void> {
  await trx.deleteFrom('stageRollups').execute();
  await trx
    .insertInto('stageRollups')
    .columns(STAGE_ROLLUP_COLUMNS)
    .expression(stageRollupSource(trx, null))
    .execute();
  await refreshPlanRollups(trx, null);
  await trx.deleteFrom('indicatorLatest').execute();
  await insertIndicatorLatest(trx, await judgedLatest(trx, null));
}
