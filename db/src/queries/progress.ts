import { sql } from 'kysely';
import type { Db, Trx } from '../connection';

// SQL versions of the roll-up in @jalon/shared's progress.ts (same formula; tests compare them).
// AVG skips NULLs and a stage with no counted action yields no row, which is the "no value" of
// the pure functions. Every AVG is cast to double precision: PostgreSQL's AVG returns numeric,
// which its driver hands back as a string.

/** Per stage: mean progress of its live, non-dropped actions (Réalisé counts as 100). */
export function stageProgressQuery(db: Db | Trx) {
  return db
    .selectFrom('actions as rp_a')
    .where('rp_a.archivedAt', 'is', null)
    .where('rp_a.status', '!=', 'dropped')
    .select([
      'rp_a.stageId',
      'rp_a.planId',
      sql<number>`cast(avg(case when ${sql.ref('rp_a.status')} = 'done' then 100.0 else ${sql.ref('rp_a.progress')} * 1.0 end) as double precision)`.as(
        'progress',
      ),
    ])
    .groupBy(['rp_a.stageId', 'rp_a.planId']);
}

/** Per plan: mean of its stages that have a value. */
export function planProgressQuery(db: Db | Trx) {
  return db
    .selectFrom(stageProgressQuery(db).as('rp_s'))
    .select([
      'rp_s.planId',
      sql<number>`cast(avg(${sql.ref('rp_s.progress')}) as double precision)`.as('progress'),
    ])
    .groupBy('rp_s.planId');
}

/** Per territory: mean of its live plans that have a value (a shared plan counts in each). */
export function territoryProgressQuery(db: Db | Trx) {
  return db
    .selectFrom('planTerritories as rp_pt')
    .innerJoin('plans as rp_p', 'rp_p.id', 'rp_pt.planId')
    .innerJoin(planProgressQuery(db).as('rp_pp'), 'rp_pp.planId', 'rp_pt.planId')
    .where('rp_p.archivedAt', 'is', null)
    .select([
      'rp_pt.territoryId',
      sql<number>`cast(avg(${sql.ref('rp_pp.progress')}) as double precision)`.as('progress'),
    ])
    .groupBy('rp_pt.territoryId');
}

/** Per region: mean of its territories that have a value. */
export function regionProgressQuery(db: Db | Trx) {
  return db
    .selectFrom('territories as rp_t')
    .innerJoin(territoryProgressQuery(db).as('rp_tp'), 'rp_tp.territoryId', 'rp_t.id')
    .where('rp_t.archivedAt', 'is', null)
    .select([
      'rp_t.regionId',
      sql<number>`cast(avg(${sql.ref('rp_tp.progress')}) as double precision)`.as('progress'),
    ])
    .groupBy('rp_t.regionId');
}

/** The nation: mean of all territories that have a value; null when none has. */
export async function nationProgress(db: Db | Trx): Promise<number | null> {
  const row = await db
    .selectFrom('territories as rp_t')
    .innerJoin(territoryProgressQuery(db).as('rp_tp'), 'rp_tp.territoryId', 'rp_t.id')
    .where('rp_t.archivedAt', 'is', null)
    .select(
      sql<number | null>`cast(avg(${sql.ref('rp_tp.progress')}) as double precision)`.as(
        'progress',
      ),
    )
    .executeTakeFirst();
  return row?.progress ?? null;
}
