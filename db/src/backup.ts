import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, linkSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';

const ALL_PAGES = 0x7fffffff;

/**
 * Copies the live database in `sourceFile` to `targetFile` with SQLite's online backup API, on a
 * connection of its own: the server keeps reading and writing meanwhile and the copy is a
 * consistent snapshot. The copy is written under a fresh name next to the target and renamed into
 * place, so a failed backup never leaves a half-written file under the target's name. It is
 * readable by its owner only: it holds the password hashes.
 */
export async function backupDatabase(
  sourceFile: string,
  targetFile: string,
  options: { overwrite?: boolean } = {},
): Promise<{ pages: number }> {
  if (resolve(sourceFile) === resolve(targetFile)) {
    throw new Error('The backup file must differ from the database file');
  }
  if (!existsSync(sourceFile)) throw new Error(`No database file at ${sourceFile}`);
  if (existsSync(targetFile) && !options.overwrite) {
    throw new Error(`${targetFile} already exists`);
  }
  const partial = join(
    dirname(targetFile),
    `.${basename(targetFile)}.${randomBytes(6).toString('hex')}.partial`,
  );
  // Created here, exclusively and private, so that SQLite writes into it rather than creating a
  // world-readable file or writing into someone else's.
  closeSync(openSync(partial, 'wx', 0o600));
  const source = new SQLite(sourceFile, { fileMustExist: true });
  try {
    // All remaining pages in one step, under one read transaction: a snapshot of one moment. Copied
    // a hundred pages at a time (the default), every write by the server between two steps would
    // restart the copy, and a steady trickle of writes would keep it from ever finishing. In WAL
    // mode the read blocks no writer.
    const { totalPages } = await source.backup(partial, { progress: () => ALL_PAGES });
    // A journal left by an older database under the target's name would be replayed into the copy.
    for (const leftover of [`${targetFile}-wal`, `${targetFile}-shm`])
      rmSync(leftover, { force: true });
    moveIntoPlace(partial, targetFile, options.overwrite === true);
    return { pages: totalPages };
  } finally {
    rmSync(partial, { force: true });
    source.close();
  }
}

/** Renames `from` to `to`; without `overwrite`, refuses a `to` that appeared in the meantime. */
function moveIntoPlace(from: string, to: string, overwrite: boolean): void {
  if (overwrite) {
    renameSync(from, to);
    return;
  }
  try {
    // A hard link fails atomically when `to` exists, where a rename would replace it.
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new Error(`${to} already exists`, { cause: error });
    // A file system without hard links: check, then rename.
    if (existsSync(to)) throw new Error(`${to} already exists`, { cause: error });
    renameSync(from, to);
  }
}
