import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, createTestDb, type Db } from '../src/connection';
import { migrationProvider } from '../src/migrations';
import { onDatabase, postgresUrlOf } from '../src/postgres';
import { backupPostgres, restorePostgres } from '../src/postgresBackup';
import { seedDemo } from '../src/seed/demo';
import '../../tests/src/postgres/provided';

// A PostgreSQL installation upgraded through its backup: an archive made before the migrations
// that turned its JSON documents into jsonb is restored, migrated, and reads the same. Runs in
// the db-postgres project only (SQLite's upgrades are in backup.test.ts).

const BEFORE_JSONB = '2026-12-07-0001-money-bigint';
const SNAPSHOT = {
  territory: { name: 'Vallée de l’Arve' },
  plans: [{ name: 'Décolletage 4.0 🏭', progress: 42.5, stages: [null, 'validated'] }],
};

interface Documents {
  audit: { oldValue: unknown; newValue: unknown }[];
  snapshots: unknown[];
}

/** Every audit value and snapshot, parsed, in id order. */
async function documents(db: Db): Promise<Documents> {
  const audit = await db
    .selectFrom('auditEvents')
    .select(['oldValue', 'newValue'])
    .orderBy('id')
    .execute();
  const snapshots = await db
    .selectFrom('meetingSnapshots')
    .select('payload')
    .orderBy('id')
    .execute();
  const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));
  return {
    audit: audit.map((e) => ({ oldValue: parse(e.oldValue), newValue: parse(e.newValue) })),
    snapshots: snapshots.map((s) => parse(s.payload)),
  };
}

const columnType = async (db: Db, table: string, column: string) =>
  (
    await sql<{ dataType: string }>`
      select data_type from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`.execute(
      db,
    )
  ).rows[0]?.dataType;

describe.skipIf(!inject('postgresUrl'))('upgrading PostgreSQL through a backup', () => {
  let dir: string;
  let old: Db;
  let oldUrl: string;
  let before: Documents;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jalon-pg-upgrade-'));
    old = await createTestDb({ empty: true });
    oldUrl = postgresUrlOf(old) ?? '';
    const { error } = await new Migrator({ db: old, provider: migrationProvider }).migrateTo(
      BEFORE_JSONB,
    );
    expect(error).toBeUndefined();
    await seedDemo(old, { passwordHash: 'scrypt$test-hash', today: '2026-11-22' });
    // A snapshot of our own beside the demo's (held meetings have one), on a meeting without.
    const meeting = await old
      .selectFrom('meetings')
      .select('id')
      .where('id', 'not in', old.selectFrom('meetingSnapshots').select('meetingId'))
      .executeTakeFirstOrThrow();
    await old
      .insertInto('meetingSnapshots')
      .values({ meetingId: meeting.id, takenAt: '2026-11-20', payload: JSON.stringify(SNAPSHOT) })
      .execute();
    before = await documents(old);
  });

  afterAll(async () => {
    await old.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts from JSON text: the archive predates the jsonb migration', async () => {
    expect(await columnType(old, 'audit_events', 'old_value')).toBe('text');
    expect(before.audit.length).toBeGreaterThan(10);
    expect(before.snapshots).toContainEqual(SNAPSHOT);
  });

  it('restores the archive, migrates it, and every document reads as it was', async () => {
    const archive = join(dir, 'before-jsonb.dump');
    await backupPostgres(oldUrl, archive);
    const url = onDatabase(oldUrl, `${new URL(oldUrl).pathname.slice(1)}_upgraded`);
    const result = await restorePostgres(archive, url);
    expect(result.backupSchema).toBe(BEFORE_JSONB);
    const names = Object.keys(await migrationProvider.getMigrations());
    expect(result.migrated).toEqual(names.slice(names.indexOf(BEFORE_JSONB) + 1));
    expect(result.migrated).toContain('2026-12-08-0001-jsonb-snapshots');

    const upgraded = createDb({ kind: 'postgres', url, maxConnections: 2 });
    try {
      expect(await columnType(upgraded, 'audit_events', 'old_value')).toBe('jsonb');
      expect(await columnType(upgraded, 'audit_events', 'new_value')).toBe('jsonb');
      expect(await columnType(upgraded, 'meeting_snapshots', 'payload')).toBe('jsonb');
      expect(await documents(upgraded)).toEqual(before);
      // The server now checks what is written there is JSON.
      const meeting = await upgraded
        .selectFrom('meetings')
        .select('id')
        .where('id', 'not in', upgraded.selectFrom('meetingSnapshots').select('meetingId'))
        .executeTakeFirstOrThrow();
      await expect(
        upgraded
          .insertInto('meetingSnapshots')
          .values({ meetingId: meeting.id, takenAt: '2026-11-21', payload: '{"plans": [' })
          .execute(),
      ).rejects.toThrow(/json/i);
    } finally {
      await upgraded.destroy();
    }
  });

  it('refuses an archive from a newer Jalon, and creates nothing', async () => {
    await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01-0001-future', '2099-01-01T00:00:00.000Z')`.execute(
      old,
    );
    const archive = join(dir, 'newer.dump');
    try {
      await backupPostgres(oldUrl, archive);
    } finally {
      await sql`delete from kysely_migration where name = '2099-01-01-0001-future'`.execute(old);
    }
    const name = `${new URL(oldUrl).pathname.slice(1)}_newer`;
    await expect(restorePostgres(archive, onDatabase(oldUrl, name))).rejects.toThrow(
      /newer version of Jalon/,
    );
    const left = await sql<{ datname: string }>`
      select datname from pg_database where datname like ${`${name}%`}`.execute(old);
    expect(left.rows).toEqual([]);
  });
});
