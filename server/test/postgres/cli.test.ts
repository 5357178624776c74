import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createTestDb, postgresUrlOf, type Db } from '@jalon/db';
import { jalon } from '../support/cli';
import { parseCsv } from '../support/http';

// `pnpm jalon` on PostgreSQL: the same commands, the database named by --db postgres://…

const run = promisify(execFile);
const TIMEOUT = 120_000;

let db: Db;
let url: string;
let dir: string;

beforeAll(async () => {
  db = await createTestDb();
  const found = postgresUrlOf(db);
  if (!found) throw new Error('This suite runs on PostgreSQL only (server-postgres)');
  url = found;
  dir = mkdtempSync(join(tmpdir(), 'jalon-pg-cli-'));
});

afterAll(async () => {
  await db?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the CLI on PostgreSQL', () => {
  it(
    'migrates, seeds the demo, exports and backs up the server database',
    async () => {
      const migrated = await jalon(['migrate', '--db', url]);
      expect(migrated).toMatchObject({ code: 0, stderr: '' });
      expect(migrated.stdout).toContain('is up to date');

      // JALON_DATABASE_URL names the server as well as --db does.
      const seeded = await jalon(['seed', '--demo'], { JALON_DATABASE_URL: url });
      expect(seeded.stderr).toBe('');
      expect(seeded.code).toBe(0);
      expect(seeded.stdout).toContain('admin@jalon.test');
      const again = await jalon(['seed', '--demo', '--db', url]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already holds users');

      const exported = await jalon(['export', 'plans', '--profile', 'rfc4180', '--db', url]);
      expect(exported.code).toBe(0);
      // One row per plan and territory (a plan shared by two territories is in both).
      const plans = await db
        .selectFrom('planTerritories as pt')
        .innerJoin('plans as p', 'p.id', 'pt.planId')
        .select('p.id')
        .where('p.archivedAt', 'is', null)
        .execute();
      expect(plans.length).toBeGreaterThan(20);
      expect(parseCsv(exported.stdout, 'rfc4180')).toHaveLength(plans.length);

      const file = join(dir, 'jalon.dump');
      const backedUp = await jalon(['backup', file, '--db', url]);
      expect(backedUp.stderr).toBe('');
      expect(backedUp.stdout).toMatch(
        /^Backed up postgres:\/\/.* to .*jalon\.dump \(\d+ bytes\)\.\n$/,
      );
      // Private: the archive holds the password hashes.
      expect(statSync(file).mode & 0o777).toBe(0o600);
      // An archive pg_restore reads, with every table's rows.
      const { stdout: listing } = await run('pg_restore', ['--list', file]);
      for (const table of ['users', 'territories', 'plans', 'actions', 'kysely_migration']) {
        expect(listing).toMatch(new RegExp(`TABLE DATA public ${table} `));
      }
      const refused = await jalon(['backup', file, '--db', url]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('already exists: add --force');
    },
    TIMEOUT,
  );

  it(
    'restores an archive: only with --force over data, never while in use, all or nothing',
    async () => {
      const file = join(dir, 'jalon.dump');
      const regions = () => db.selectFrom('regions').select('code').orderBy('code').execute();
      const before = await regions();
      // A change made after the backup, which the restore must take away.
      await db.insertInto('regions').values({ code: 'ZZ', name: 'Région d’après' }).execute();

      const refused = await jalon(['restore', file, '--db', url]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('already holds data: add --force');

      // This test's own connection is open: as a running server's would be.
      const inUse = await jalon(['restore', file, '--force', '--db', url]);
      expect(inUse.code).toBe(1);
      expect(inUse.stderr).toContain('is in use (are the servers running?)');
      expect((await regions()).map((r) => r.code)).toContain('ZZ');

      await db.destroy();
      const restored = await jalon(['restore', file, '--force', '--db', url]);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toContain(', replacing the database there.');
      expect(restored.stdout).toMatch(/\d+ users, 7 territories, \d+ plans, \d+ actions/);
      db = createDb({ kind: 'postgres', url });
      expect(await regions()).toEqual(before);

      // Not an archive: refused, and the database stays as it was.
      const bogus = join(dir, 'bogus.dump');
      writeFileSync(bogus, 'pas une sauvegarde');
      const broken = await jalon(['restore', bogus, '--force', '--db', url]);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('is not an archive pg_restore can restore');
      await db.destroy();
      db = createDb({ kind: 'postgres', url });
      expect(await regions()).toEqual(before);

      // Into a database that does not exist yet: no --force needed.
      const fresh = new URL(url);
      fresh.pathname = `${fresh.pathname}_copie`;
      const copied = await jalon(['restore', file, '--db', fresh.toString()]);
      expect(copied.stderr).toBe('');
      expect(copied.stdout).not.toContain('replacing');
      const copy = createDb({ kind: 'postgres', url: fresh.toString() });
      try {
        expect(await copy.selectFrom('regions').select('code').orderBy('code').execute()).toEqual(
          before,
        );
      } finally {
        await copy.destroy();
      }
    },
    TIMEOUT,
  );

  it('never prints the password of the server address', async () => {
    const withPassword = url.replace('postgres@', 'postgres:s3cret-mot@');
    const migrated = await jalon(['migrate', '--db', withPassword]);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout + migrated.stderr).not.toContain('s3cret-mot');
    expect(migrated.stdout).toContain('postgres:***@');
  });
});
