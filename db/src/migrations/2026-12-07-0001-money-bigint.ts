import { PostgresAdapter, type Kysely } from 'kysely';

// Frozen in time: this migration must never import application code nor be edited once landed.
// Money is integer cents, up to 1e13 (what the inputs accept). SQLite's integers are 64-bit, but
// PostgreSQL's `integer` is 32-bit and would stop at 21 million euros: there, these columns become
// `bigint`. On SQLite there is nothing to change.

const MONEY: [table: string, column: string][] = [
  ['plans', 'budget_cents'],
  ['funding_lines', 'requested_cents'],
  ['funding_lines', 'granted_cents'],
  ['funding_lines', 'paid_cents'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table, column] of MONEY) {
    await db.schema
      .alterTable(table)
      .alterColumn(column, (c) => c.setDataType('bigint'))
      .execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are untyped by design (Kysely docs)
export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table, column] of MONEY) {
    await db.schema
      .alterTable(table)
      .alterColumn(column, (c) => c.setDataType('integer'))
      .execute();
  }
}
