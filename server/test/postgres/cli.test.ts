import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, postgresUrlOf, type Db } from '@jalon/db';
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

  it('says how to restore on PostgreSQL rather than touching the database', async () => {
    const restored = await jalon(['restore', join(dir, 'jalon.dump'), '--db', url]);
    expect(restored.code).toBe(1);
    expect(restored.stderr).toContain('pg_restore --clean --if-exists');
  });

  it('never prints the password of the server address', async () => {
    const withPassword = url.replace('postgres@', 'postgres:s3cret-mot@');
    const migrated = await jalon(['migrate', '--db', withPassword]);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout + migrated.stderr).not.toContain('s3cret-mot');
    expect(migrated.stdout).toContain('postgres:***@');
  });
});
