import { existsSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { openDb, type Db } from '@jalon/db';
import { databasePath, type Env } from '../env';

export interface CliIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** What every command needs: the environment, where to write, and the clock. */
export interface CliContext {
  env: Env;
  io: CliIo;
  now: () => Date;
}

/** A mistake the user can fix: printed as one line on stderr, exit code 1. */
export class CliError extends Error {
  override name = 'CliError';
}

export function print(ctx: CliContext, line = ''): void {
  ctx.io.out.write(`${line}\n`);
}

/** The database file: the global `--db` option, else as `databasePath` says. */
export function databaseFile(ctx: CliContext, command: Command): string {
  const { db } = command.optsWithGlobals<{ db?: string }>();
  return databasePath(ctx.env, db);
}

/**
 * Opens the database for the length of one command and always closes it. With `mustExist`, a
 * missing file is an error rather than a new empty database (a typo in --db would create one).
 */
export async function withDatabase<T>(
  file: string,
  options: { mustExist: boolean },
  run: (db: Db) => Promise<T>,
): Promise<T> {
  if (options.mustExist && file !== ':memory:' && !existsSync(file)) {
    throw new CliError(`No database at ${file}: run "jalon migrate" or "jalon seed --demo" first`);
  }
  const db = openDb(file);
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

/** Commander argument parser for a non-negative integer option. */
export function parseInteger(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('Not a non-negative integer.');
  return Number(value);
}
