import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
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
      'update_requests',
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
        .values({
          createdAt: '2025-01-01T00:00:00.000Z',
          userId: 999,
          territoryId: 999,
          role: 'observer',
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.destroy();
  });

  it('migrate down to an empty database', async () => {
    const db = openDb(':memory:');
    await migrateToLatest(db);
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(
      NO_MIGRATIONS,
    );
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

describe('transactions across processes', () => {
  it('wait for another process’s write lock instead of failing, even when they read first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jalon-lock-'));
    const file = join(dir, 'lock.sqlite');
    const db = openDb(file);
    await migrateToLatest(db);
    // Another process (a CLI command, say) holds the write lock for 400 ms, then commits a row.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = require('better-sqlite3')(process.argv[1]);
         db.exec("begin immediate; insert into regions (code, name) values ('11', 'Île-de-France')");
         console.log('locked');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
         db.exec('commit');`,
        file,
      ],
      { cwd: join(import.meta.dirname, '..') },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', () => resolve());
      holder.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
    });
    // Reading then writing in one transaction: with a deferred BEGIN this fails with SQLITE_BUSY.
    const seen = await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('regions').select('code').execute();
      await trx.insertInto('regions').values({ code: '44', name: 'Grand Est' }).execute();
      return before.map((r) => r.code);
    });
    expect(seen).toEqual(['11']);
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
});
