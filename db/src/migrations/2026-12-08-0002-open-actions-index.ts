import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code nor be edited once landed.
// The portfolio counts each plan's overdue actions every time it is read (overdue depends on
// today). On PostgreSQL that count scanned the whole actions table (about 9 ms of the 20 the
// national portfolio may take): this partial index holds only the actions that can be overdue,
// live and neither done nor dropped (the statuses that exempt an action from being overdue in
// `shared/src/status.ts` on this day), by plan then due date, so the count is an index-only scan.
// SQLite already reads that count from the covering `actions_rollup_idx`, and cannot match a
// partial index against the bound parameters Jalon's queries use: it gets no index here.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema
    .createIndex('actions_open_due_idx')
    .on('actions')
    .columns(['plan_id', 'due_date'])
    .where(sql.raw<boolean>(`archived_at is null and status not in ('done', 'dropped')`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema.dropIndex('actions_open_due_idx').execute();
}
