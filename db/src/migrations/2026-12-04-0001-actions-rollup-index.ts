import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code nor be edited once landed.
// A covering index for the portfolio's one scan of the live actions: grouped by (plan, stage) it
// reads every column it needs (archived, status, progress, due date) from the index, in order,
// without touching the table or sorting.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('actions_rollup_idx')
    .on('actions')
    .columns(['plan_id', 'stage_id', 'archived_at', 'status', 'progress', 'due_date'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('actions_rollup_idx').execute();
}
