import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import { migrateToLatest, openDb, type Db } from './connection';
import { migrationProvider } from './migrations';

/** A backup that cannot be restored, or a target that must not be replaced: the message says why. */
export class RestoreError extends Error {
  override name = 'RestoreError';
}

export interface RestoreResult {
  /** Whether a database with data was replaced (only with `overwrite`). */
  replaced: boolean;
  /** The newest migration the backup had, and those applied to bring it to this code's schema. */
  backupSchema: string;
  migrated: string[];
  /** Row counts of the restored database, for the report. */
  counts: { users: number; territories: number; plans: number; actions: number };
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** The table Kysely's migrator keeps; its presence (with our first migration) marks a Jalon file. */
const MIGRATION_TABLE = 'kysely_migration';

const hasData = (file: string) => existsSync(file) && statSync(file).size > 0;

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, header, 0, header.length, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function checkBackupFile(file: string): void {
  if (!existsSync(file)) throw new RestoreError(`No backup file at ${file}`);
  if (!statSync(file).isFile()) throw new RestoreError(`${file} is not a file`);
  if (!readHeader(file).equals(SQLITE_HEADER)) {
    throw new RestoreError(`${file} is not a SQLite database`);
  }
  // Transactions still in a write-ahead log beside the file are not in the file itself: it is
  // in use or was copied while in use. `jalon backup` writes a file complete on its own.
  if (hasData(`${file}-wal`)) {
    throw new RestoreError(
      `${file} has a write-ahead log beside it (${file}-wal): it is in use or was copied while in use; restore a file written by "jalon backup"`,
    );
  }
}

const isCorruption = (error: unknown) =>
  error instanceof SQLite.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(error.code);

/**
 * Checks the copy that is about to be installed, not the file it came from: integrity, foreign
 * keys, that it is a Jalon database, and that its schema is one this code knows.
 */
async function checkCopy(
  copy: string,
  source: string,
): Promise<{ applied: string[]; pending: string[] }> {
  const sqlite = new SQLite(copy, { fileMustExist: true, timeout: 0 });
  try {
    const problems = sqlite.pragma('integrity_check', { simple: false }) as {
      integrity_check: string;
    }[];
    if (problems.length !== 1 || problems[0]?.integrity_check !== 'ok') {
      const first = problems
        .slice(0, 3)
        .map((p) => p.integrity_check)
        .join('; ');
      throw new RestoreError(`${source} is corrupt: ${first}`);
    }
    const migrationTable = sqlite
      .prepare('select name from sqlite_master where type = ? and name = ?')
      .get('table', MIGRATION_TABLE);
    const applied = migrationTable
      ? (sqlite
          .prepare(`select name from ${MIGRATION_TABLE} order by name`)
          .pluck()
          .all() as string[])
      : [];
    const pending = await pendingMigrationsOf(applied, source, 'a SQLite database');
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new RestoreError(`${source} is inconsistent: ${violations.length} broken reference(s)`);
    }
    return { applied, pending };
  } catch (error) {
    if (isCorruption(error)) {
      throw new RestoreError(`${source} is corrupt: ${(error as Error).message}`, { cause: error });
    }
    throw error;
  } finally {
    sqlite.close();
  }
}

/**
 * The migrations a backup still needs, given those it had (`applied`, by name): refuses a backup
 * that is not a Jalon database (`what` says what it is instead) or comes from a newer version.
 */
export async function pendingMigrationsOf(
  applied: readonly string[],
  source: string,
  what: string,
): Promise<string[]> {
  const known = Object.keys(await migrationProvider.getMigrations()).sort();
  if (applied[0] !== known[0]) {
    throw new RestoreError(`${source} is ${what} but not a Jalon database`);
  }
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new RestoreError(
      `${source} comes from a newer version of Jalon (migration ${unknown.join(', ')} is unknown here): restore it with that version or a later one`,
    );
  }
  return known.filter((name) => !applied.includes(name));
}

/** What a restored database holds, for the report. */
export async function countRestored(db: Db): Promise<RestoreResult['counts']> {
  const count = async (table: 'users' | 'territories' | 'plans' | 'actions') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    users: await count('users'),
    territories: await count('territories'),
    plans: await count('plans'),
    actions: await count('actions'),
  };
}

async function countRows(file: string): Promise<RestoreResult['counts']> {
  const db = openDb(file);
  try {
    return await countRestored(db);
  } finally {
    await db.destroy();
  }
}

/**
 * Fails when another connection has `file` open: a server still running on it would go on
 * writing into the replaced file and its write-ahead log. Every connection to a WAL database
 * holds a shared lock on it for as long as it is open; leaving WAL mode needs the only one, so
 * it fails at once (no busy wait) when any other is there. Also merges a log left by a crash
 * into the file, which is about to be replaced anyway.
 */
function checkNotInUse(file: string): void {
  if (!existsSync(file)) return;
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(file, { fileMustExist: true, timeout: 0 });
    sqlite.pragma('journal_mode = DELETE');
  } catch (error) {
    if (error instanceof SQLite.SqliteError && error.code.startsWith('SQLITE_BUSY')) {
      throw new RestoreError(`${file} is in use (is the server running?): stop it, then restore`, {
        cause: error,
      });
    }
    // An unreadable target (not a database, corrupt) is not in use: it may be replaced.
    if (!isCorruption(error)) throw error;
  } finally {
    sqlite?.close();
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDirectory(directory: string): void {
  const fd = openSync(directory, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Restores the backup in `backupFile` as the database `targetFile`. The backup is copied next to
 * the target under a fresh name, the copy checked (integrity, foreign keys, a Jalon schema no
 * newer than this code's) and migrated when older, flushed to disk and renamed over the target:
 * the target is either the old database or the whole restored one, never half of each. A target
 * holding data is replaced only with `overwrite`, and never while a connection has it open.
 */
export async function restoreDatabase(
  backupFile: string,
  targetFile: string,
  options: { overwrite?: boolean } = {},
): Promise<RestoreResult> {
  if (resolve(backupFile) === resolve(targetFile)) {
    throw new RestoreError('The backup file must differ from the database file');
  }
  checkBackupFile(backupFile);
  const replaced = hasData(targetFile) || hasData(`${targetFile}-wal`);
  if (replaced && !options.overwrite) {
    throw new RestoreError(`${targetFile} already holds a database: add --force to replace it`);
  }
  mkdirSync(dirname(targetFile), { recursive: true });
  const copy = join(
    dirname(targetFile),
    `.${basename(targetFile)}.${randomBytes(6).toString('hex')}.restoring`,
  );
  try {
    // Created exclusively and private: the copy holds the password hashes.
    await pipeline(
      createReadStream(backupFile),
      createWriteStream(copy, { flags: 'wx', mode: 0o600 }),
    );
    const { applied, pending } = await checkCopy(copy, backupFile);
    const migrated: string[] = [];
    if (pending.length > 0) {
      const db = openDb(copy);
      try {
        migrated.push(...(await migrateToLatest(db)));
      } finally {
        await db.destroy();
      }
    }
    const counts = await countRows(copy);
    fsyncFile(copy);
    checkNotInUse(targetFile);
    // A log left under the target's name would be replayed into the restored file.
    for (const leftover of [`${targetFile}-wal`, `${targetFile}-shm`]) {
      rmSync(leftover, { force: true });
    }
    renameSync(copy, targetFile);
    fsyncDirectory(dirname(targetFile));
    return { replaced, backupSchema: applied.at(-1) ?? '', migrated, counts };
  } finally {
    for (const file of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(file, { force: true });
  }
}
