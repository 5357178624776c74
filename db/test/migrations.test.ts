import { describe, expect, it } from 'vitest';
import { Migrator, sql } from 'kysely';
import { openDb, migrateToLatest } from '../src/connection';
import { migrationProvider } from '../src/migrations';

const tableNames = async (db: ReturnType<typeof openDb>) =>
  (
    await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
  ).rows.map((r) => r.name);

describe('migrations', () => {
  it('migrate an empty database to the latest schema, then do nothing the second time', async () => {
    const db = openDb(':memory:');
    expect(await migrateToLatest(db)).toContain('2026-11-22-0001-initial');
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
    ]) {
      expect(names).toContain(t);
    }
    await db.destroy();
  });

  it('enforce foreign keys', async () => {
    const db = openDb(':memory:');
    await migrateToLatest(db);
    await expect(
      db
        .insertInto('memberships')
        .values({ userId: 999, territoryId: 999, role: 'observer' })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });

  it('migrate down to an empty database', async () => {
    const db = openDb(':memory:');
    await migrateToLatest(db);
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateDown();
    expect(error).toBeUndefined();
    expect(await tableNames(db)).not.toContain('plans');
    await db.destroy();
  });
});

describe('connection', () => {
  it('folds the case of accented letters in lower(), as PostgreSQL does', async () => {
    const db = openDb(':memory:');
    const row = await sql<{ folded: string }>`select lower('École ÉTÉ Straße') as folded`.execute(
      db,
    );
    expect(row.rows[0]?.folded).toBe('école été straße');
    await db.destroy();
  });
});
