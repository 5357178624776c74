import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code nor be edited once landed.
// Meeting snapshots and the audit's before/after values are JSON documents. On PostgreSQL they
// become `jsonb`: the server checks each one is JSON when it is written and stores it parsed and
// compressed. SQLite has no JSON type; there they stay text, which SQLite's JSON functions read.

const DOCUMENTS: [table: string, column: string][] = [
  ['meeting_snapshots', 'payload'],
  ['audit_events', 'old_value'],
  ['audit_events', 'new_value'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table, column] of DOCUMENTS) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type jsonb using ${sql.ref(column)}::jsonb`.execute(
      db,
    );
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table, column] of DOCUMENTS) {
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type text using ${sql.ref(column)}::text`.execute(
      db,
    );
  }
}
