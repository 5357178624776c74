import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * Copies the live database in `sourceFile` to `targetFile` with SQLite's online backup API, on a
 * connection of its own: the server keeps reading and writing meanwhile and the copy is a
 * consistent snapshot. The copy is written next to the target and renamed into place, so a failed
 * backup never leaves a half-written file under the target's name.
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
  const partial = `${targetFile}.partial`;
  const source = new SQLite(sourceFile, { fileMustExist: true });
  try {
    rmSync(partial, { force: true });
    const { totalPages } = await source.backup(partial);
    // A journal left by an older database under the target's name would be replayed into the copy.
    for (const leftover of [`${targetFile}-wal`, `${targetFile}-shm`])
      rmSync(leftover, { force: true });
    renameSync(partial, targetFile);
    return { pages: totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
}
