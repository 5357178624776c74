import { describe, expect, inject, it } from 'vitest';
import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { OVERDUE_EXEMPT_STATUSES } from '@jalon/shared';
import { createTestDb, dialectOf, migrateToLatest, type Db } from '../src/connection';
import { constraintViolationOf } from '../src/errors';
import { migrationProvider } from '../src/migrations';
import '../../tests/src/postgres/provided';

// The migrations, up and down, on the database the run asked for: this suite runs on SQLite and on
// PostgreSQL (vitest.config.ts, project db-postgres).

const tableNames = async (db: Db) => (await db.introspection.getTables()).map((t) => t.name);

/** The type PostgreSQL gives a column (information_schema's `data_type`). */
async function postgresType(db: Db, table: string, column: string): Promise<string | undefined> {
  const { rows } = await sql<{ dataType: string }>`
    select data_type from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`.execute(
    db,
  );
  return rows[0]?.dataType;
}

describe('migrations', () => {
  it('runs on the database the test run asked for', async () => {
    const db = await createTestDb({ empty: true });
    expect(dialectOf(db)).toBe(inject('postgresUrl') ? 'postgres' : 'sqlite');
    expect(await tableNames(db)).toEqual([]);
    await db.destroy();
  });

  it('migrate an empty database to the latest schema, then do nothing the second time', async () => {
    const db = await createTestDb({ empty: true });
    const applied = await migrateToLatest(db);
    expect(applied[0]).toBe('2026-11-22-0001-initial');
    expect(applied).toEqual(Object.keys(await migrationProvider.getMigrations()));
    expect(await migrateToLatest(db)).toEqual([]);
    const names = await tableNames(db);
    for (const t of [
      'plans',
      'stages',
      'actions',
      'indicators',
      'measurements',
      'meetings',
      'decisions',
      'audit_events',
      'sessions',
      'update_requests',
    ]) {
      expect(names).toContain(t);
    }
    await db.destroy();
  });

  it('enforce foreign keys', async () => {
    const db = await createTestDb();
    const orphan = db
      .insertInto('memberships')
      .values({
        createdAt: '2025-01-01T00:00:00.000Z',
        userId: 999,
        territoryId: 999,
        role: 'observer',
      })
      .execute();
    expect(constraintViolationOf(await orphan.catch((error: unknown) => error))).toBe(
      'foreign_key',
    );
    await db.destroy();
  });

  it('migrate down to an empty database, then up again', async () => {
    const db = await createTestDb({ empty: true });
    await migrateToLatest(db);
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(
      NO_MIGRATIONS,
    );
    expect(error).toBeUndefined();
    // Kysely's own two bookkeeping tables are all that remain.
    expect((await tableNames(db)).filter((name) => !name.startsWith('kysely_'))).toEqual([]);
    expect(await migrateToLatest(db)).toContain('2026-11-22-0001-initial');
    expect(await tableNames(db)).toContain('plans');
    await db.destroy();
  });

  it('gives PostgreSQL its own types and indexes: bigint money, jsonb documents, open actions', async (context) => {
    const db = await createTestDb();
    if (dialectOf(db) !== 'postgres') {
      await db.destroy();
      context.skip('SQLite has one integer type and no JSON type');
    }
    expect(await postgresType(db, 'plans', 'budget_cents')).toBe('bigint');
    expect(await postgresType(db, 'funding_lines', 'paid_cents')).toBe('bigint');
    expect(await postgresType(db, 'meeting_snapshots', 'payload')).toBe('jsonb');
    expect(await postgresType(db, 'audit_events', 'old_value')).toBe('jsonb');
    expect(await postgresType(db, 'audit_events', 'new_value')).toBe('jsonb');
    // Integer ids are identity columns (SQLite's AUTOINCREMENT, rewritten by PostgresSchemaPlugin);
    // sessions and the like are keyed by text.
    const { rows } = await sql<{ table: string }>`
      select table_name as "table" from information_schema.columns
      where table_schema = current_schema() and column_name = 'id' and data_type = 'integer'
        and is_identity = 'NO'`.execute(db);
    expect(rows.map((r) => r.table).filter((t) => !t.startsWith('kysely_'))).toEqual([]);
    // The overdue count's partial index holds the actions the overdue rule can count: its frozen
    // list of exempt statuses must still be the rule's.
    const index = await sql<{ definition: string }>`
      select indexdef as definition from pg_indexes where indexname = 'actions_open_due_idx'`.execute(
      db,
    );
    const exempt = /status <> ALL \(ARRAY\[(.*)\]\)/.exec(index.rows[0]?.definition ?? '')?.[1];
    expect(exempt?.match(/'([a-z_]+)'/g)?.map((s) => s.slice(1, -1))).toEqual([
      ...OVERDUE_EXEMPT_STATUSES,
    ]);
    await db.destroy();
  });
});

describe('connection', () => {
  it('folds the case of accented letters in lower(), as PostgreSQL does', async () => {
    const db = await createTestDb({ empty: true });
    const row = await sql<{ folded: string }>`select lower('École ÉTÉ Straße') as folded`.execute(
      db,
    );
    expect(row.rows[0]?.folded).toBe('école été straße');
    await db.destroy();
  });
});
