import { sql, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code nor be edited once landed.
// Maintained aggregates for the national portfolio, kept by the write functions in the same
// transaction as every write that changes them (no triggers: the SQL must port to PostgreSQL).
// - stage_rollups: per (plan, stage) with at least one live action, the sum of the progress that
//   counts (done as 100, dropped left out), how many count, how many are live and blocked.
// - plan_rollups: per plan with live actions, the mean of its stages' progress (in stage id
//   order, as the shared `planProgress` adds them) and its blocked actions.
// - indicator_latest: per indicator with a measurement, its latest one (day, then id) and the
//   indicator's track judged on it (which depends on no other date). The rule is copied below as
//   it stood on this day, since a migration imports no application code.
// Overdue depends on today, so it stays a query (over actions_rollup_idx of 2026-12-04-0001: an
// index on due dates does not help when half the actions are due before today).

// One-word column aliases: the application's connection camel-cases the keys of result rows, a
// bare one does not, and these read the same either way.
interface LatestRow {
  indicator: number;
  measurement: number;
  day: string;
  value: number;
  direction: 'increase' | 'decrease';
  baseline: number;
  baselineday: string;
  target: number;
  targetday: string;
}

const dayNumber = (isoDate: string): number =>
  Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000);

/** `indicatorProgress(...).track` of @jalon/shared on 2026-12-05, for a measured indicator. */
function trackOf(r: LatestRow): 'achieved' | 'on_track' | 'off_track' {
  const start = dayNumber(r.baselineday);
  const end = dayNumber(r.targetday);
  const at = dayNumber(r.day);
  const expected =
    end <= start
      ? at >= end
        ? r.target
        : r.baseline
      : r.baseline +
        (r.target - r.baseline) * Math.min(1, Math.max(0, (at - start) / (end - start)));
  const sign = r.direction === 'increase' ? 1 : -1;
  if (sign * (r.value - r.target) >= 0) return 'achieved';
  return sign * (r.value - expected) >= 0 ? 'on_track' : 'off_track';
}

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
    .createTable('plan_rollups')
    .addColumn('plan_id', 'integer', (c) => c.primaryKey())
    .addColumn('progress', 'double precision')
    .addColumn('blocked', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('indicator_latest')
    .addColumn('indicator_id', 'integer', (c) => c.primaryKey())
    .addColumn('measurement_id', 'integer', (c) => c.notNull())
    .addColumn('measured_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('track', 'text', (c) => c.notNull())
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
  const stages = await sql<{ plan: number; total: number; counted: number; blocked: number }>`
    select plan_id as plan, progress_sum as total, counted as counted, blocked as blocked
    from stage_rollups
    order by plan_id, stage_id
  `.execute(db);
  const plans = new Map<number, { sum: number; count: number; blocked: number }>();
  for (const stage of stages.rows) {
    const plan = plans.get(stage.plan) ?? { sum: 0, count: 0, blocked: 0 };
    // The shared mean: stages without counted actions are left out.
    if (stage.counted > 0) {
      plan.sum += stage.total / stage.counted;
      plan.count += 1;
    }
    plan.blocked += stage.blocked;
    plans.set(stage.plan, plan);
  }
  const planRows = [...plans].map(([planId, plan]) => ({
    plan_id: planId,
    progress: plan.count === 0 ? null : plan.sum / plan.count,
    blocked: plan.blocked,
  }));
  for (let i = 0; i < planRows.length; i += 1_000) {
    await db
      .insertInto('plan_rollups')
      .values(planRows.slice(i, i + 1_000))
      .execute();
  }
  const latest = await sql<LatestRow>`
    select i.id as indicator, m.id as measurement, m.measured_on as day, m.value as value,
      i.direction as direction, i.baseline_value as baseline, i.baseline_date as baselineday,
      i.target_value as target, i.target_date as targetday
    from indicators i
    inner join measurements m on m.id = (
      select lm.id from measurements lm
      where lm.indicator_id = i.id
      order by lm.measured_on desc, lm.id desc
      limit 1
    )
  `.execute(db);
  const rows = latest.rows.map((r) => ({
    indicator_id: r.indicator,
    measurement_id: r.measurement,
    measured_on: r.day,
    value: r.value,
    track: trackOf(r),
  }));
  for (let i = 0; i < rows.length; i += 1_000) {
    await db
      .insertInto('indicator_latest')
      .values(rows.slice(i, i + 1_000))
      .execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicator_latest').execute();
  await db.schema.dropTable('plan_rollups').execute();
  await db.schema.dropTable('stage_rollups').execute();
}
