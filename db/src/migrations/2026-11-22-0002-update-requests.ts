import type { Kysely } from 'kysely';

// Frozen in time: this migration must never import application code nor be edited once landed.
// A coordinator's request, before a meeting, that the leads bring their actions up to date.
// Timestamps are ISO 8601 text written by the application, dates YYYY-MM-DD (see 0001).

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('update_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('requested_by_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .execute();
  await db.schema
    .createIndex('update_requests_meeting_idx')
    .on('update_requests')
    .column('meeting_id')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('update_requests').execute();
}
