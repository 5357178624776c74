import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code nor be edited once landed.
// Maintained aggregates for the national portfolio, kept by the write functions in the same
// transaction as every write that changes them (no triggers: the SQL must port to PostgreSQL).
// - stage_rollups: per (plan, stage) with at least one live action, the sum of the progress that
//   counts (done as 100, dropped left out), how many count, how many are live and blocked.
// - indicator_latest: per indicator with a measurement, its latest one (day, then id).
// Overdue depends on today, so it stays a query (over actions_rollup_idx of 2026-12-04-0001: an
// index on due dates does not help when half the actions are due before today).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stage_rollups')
    .addColumn('plan_id', 'integer', (c) => c.notNull())
    .addColumn('stage_id', 'integer', (c) => c.notNull())
    .addColumn('progress_sum', 'integer', (c) => c.notNull())
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addColumn('live', 'integer', (c) => c.notNull())
    .addColumn('blocked', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stage_rollups_pk', ['plan_id', 'stage_id'])
    .execute();
  await db.schema
    .createTable('indicator_latest')
    .addColumn('indicator_id', 'integer', (c) => c.primaryKey())
    .addColumn('measurement_id', 'integer', (c) => c.notNull())
    .addColumn('measured_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .execute();

  await sql`
    insert into stage_rollups (plan_id, stage_id, progress_sum, counted, live, blocked)
    select plan_id, stage_id,
      sum(case when status = 'dropped' then 0 when status = 'done' then 100 else progress end),
      sum(case when status = 'dropped' then 0 else 1 end),
      count(*),
      sum(case when status = 'blocked' then 1 else 0 end)
    from actions
    where archived_at is null
    group by plan_id, stage_id
  `.execute(db);
  await sql`
    insert into indicator_latest (indicator_id, measurement_id, measured_on, value)
    select m.indicator_id, m.id, m.measured_on, m.value
    from measurements m
    where m.id = (
      select lm.id from measurements lm
      where lm.indicator_id = m.indicator_id
      order by lm.measured_on desc, lm.id desc
      limit 1
    )
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicator_latest').execute();
  await db.schema.dropTable('stage_rollups').execute();
}
