import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code nor be edited once landed.
// Covering indexes for the national portfolio. Its one scan of the live actions, grouped by
// (plan, stage), reads every column it needs (archived, status, progress, due date) from the
// first, in order, without touching the table or sorting. The second gives each indicator's
// latest measurement (day, then id) and its value with one seek, without reading the table.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('actions_rollup_idx')
    .on('actions')
    .columns(['plan_id', 'stage_id', 'archived_at', 'status', 'progress', 'due_date'])
    .execute();
  await db.schema
    .createIndex('measurements_latest_idx')
    .on('measurements')
    .columns(['indicator_id', 'measured_on', 'id', 'value'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('measurements_latest_idx').execute();
  await db.schema.dropIndex('actions_rollup_idx').execute();
}
