import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { createDb, migrateToLatest, refreshStatistics, type Db } from './connection';
import { onDatabase } from './postgres';
import { isDatabaseEmpty } from './queries/accounts';
import { countRestored, pendingMigrationsOf, RestoreError, type RestoreResult } from './restore';

// `jalon backup` and `jalon restore` on PostgreSQL: pg_dump writes the archive, pg_restore reads
// it (Debian's postgresql-client).

const run = promisify(execFile);

/**
 * A PostgreSQL program (pg_dump, initdb…) of the newest version installed as Debian installs them,
 * else the bare name, for the PATH to resolve.
 */
export function postgresProgram(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] === undefined ? name : join(root, versions[0], 'bin', name);
}

/**
 * The URL without its password, and the environment that gives the password to the program: a
 * password on the command line would show in the process list.
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    // eslint-disable-next-line no-restricted-syntax -- handed on to the child, not configuration read here
    env: { ...process.env, ...(password === '' ? {} : { PGPASSWORD: password }) },
  };
}

/**
 * Writes a consistent archive of the PostgreSQL database at `url` to `targetFile` with pg_dump
 * (custom format, for pg_restore), under a fresh name next to the target then renamed into place,
 * readable by its owner only. pg_dump reads one snapshot: the server keeps serving meanwhile.
 */
export async function backupPostgres(
  url: string,
  targetFile: string,
  options: { overwrite?: boolean } = {},
): Promise<{ bytes: number }> {
  if (existsSync(targetFile) && !options.overwrite) throw new Error(`${targetFile} already exists`);
  const partial = join(
    dirname(targetFile),
    `.${basename(targetFile)}.${randomBytes(6).toString('hex')}.partial`,
  );
  const { dbname, env } = connection(url);
  // Created here, exclusively and private: pg_dump writes into it and keeps its mode (the archive
  // holds the password hashes).
  closeSync(openSync(partial, 'wx', 0o600));
  try {
    await run(
      postgresProgram('pg_dump'),
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`, dbname],
      { env },
    );
    renameSync(partial, targetFile);
    return { bytes: statSync(targetFile).size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        "pg_dump is not installed: install Debian's postgresql-client (apt-get install postgresql-client)",
        { cause: error },
      );
    }
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`pg_dump failed${stderr ? `: ${stderr}` : ''}`, { cause: error });
  } finally {
    rmSync(partial, { force: true });
  }
}

async function withDb<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb({ kind: 'postgres', url, maxConnections: 1 });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** Whether a database has no table, or Jalon's tables without a user, territory or region. */
async function holdsNothing(db: Db): Promise<boolean> {
  const { rows } = await sql`
    select 1 from information_schema.tables where table_schema = current_schema() limit 1
  `.execute(db);
  return rows.length === 0 || (await isDatabaseEmpty(db).catch(() => false));
}

const isInUse = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === '55006';

/**
 * Restores an archive of `backupPostgres` as the database at `url`, as `restoreDatabase` does a
 * file: the archive goes into a new database beside it (pg_restore, in one transaction), which is
 * checked (a Jalon schema no newer than this code's) and migrated when older; only then are the
 * two swapped by renaming, and the old one dropped. The target is either the old database or the
 * whole restored one. A target holding data is replaced only with `overwrite`, and never while a
 * connection has it open (PostgreSQL refuses to rename it). Needs the right to create databases.
 */
export async function restorePostgres(
  backupFile: string,
  url: string,
  options: { overwrite?: boolean } = {},
): Promise<RestoreResult> {
  if (!existsSync(backupFile)) throw new RestoreError(`No backup file at ${backupFile}`);
  if (!statSync(backupFile).isFile()) throw new RestoreError(`${backupFile} is not a file`);
  const target = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = onDatabase(url, 'postgres');
  const exists = await withDb(maintenance, async (db) => {
    const { rows } = await sql`select 1 from pg_database where datname = ${target}`.execute(db);
    return rows.length > 0;
  });
  const replaced = exists && !(await withDb(url, holdsNothing));
  if (replaced && !options.overwrite) {
    throw new RestoreError(`${target} already holds data: add --force to replace it`);
  }
  const suffix = randomBytes(6).toString('hex');
  const restoring = `${target}_restoring_${suffix}`.slice(-63);
  const replacedName = `${target}_replaced_${suffix}`.slice(-63);
  await withDb(maintenance, (db) => sql`create database ${sql.id(restoring)}`.execute(db));
  let swapped = false;
  try {
    const { dbname, env } = connection(onDatabase(url, restoring));
    try {
      await run(
        postgresProgram('pg_restore'),
        ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error'].concat(
          `--dbname=${dbname}`,
          backupFile,
        ),
        { env },
      );
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr?.trim().split('\n')[0];
      throw new RestoreError(
        `${backupFile} is not an archive pg_restore can restore${stderr ? ` (${stderr})` : ''}`,
        { cause: error },
      );
    }
    const checked = await withDb(onDatabase(url, restoring), async (db) => {
      const { rows } = await sql<{ name: string }>`
        select name from kysely_migration order by name
      `
        .execute(db)
        .catch(() => ({ rows: [] as { name: string }[] }));
      const applied = rows.map((r) => r.name);
      const pending = await pendingMigrationsOf(applied, backupFile, 'a PostgreSQL archive');
      const migrated = pending.length > 0 ? await migrateToLatest(db) : [];
      // pg_restore brings no planner statistics: gathered before the database takes requests.
      await refreshStatistics(db);
      return { applied, migrated, counts: await countRestored(db) };
    });
    await withDb(maintenance, async (db) => {
      try {
        if (exists) {
          await sql`alter database ${sql.id(target)} rename to ${sql.id(replacedName)}`.execute(db);
        }
      } catch (error) {
        if (!isInUse(error)) throw error;
        throw new RestoreError(
          `${target} is in use (are the servers running?): stop them, then restore`,
          { cause: error },
        );
      }
      await sql`alter database ${sql.id(restoring)} rename to ${sql.id(target)}`.execute(db);
      swapped = true;
      if (exists) await sql`drop database ${sql.id(replacedName)}`.execute(db);
    });
    return {
      replaced,
      backupSchema: checked.applied.at(-1) ?? '',
      migrated: checked.migrated,
      counts: checked.counts,
    };
  } finally {
    if (!swapped) {
      await withDb(maintenance, (db) =>
        sql`drop database if exists ${sql.id(restoring)}`.execute(db),
      ).catch(() => {});
    }
  }
}
