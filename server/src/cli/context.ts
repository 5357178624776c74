import { existsSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { createDb, describeDatabase, type DatabaseConfig, type Db } from '@jalon/db';
import { databaseConfig, type Env } from '../env';

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

/** The database: the global `--db` option, else as `databaseConfig` says. */
export function databaseOf(ctx: CliContext, command: Command): DatabaseConfig {
  const { db } = command.optsWithGlobals<{ db?: string }>();
  return databaseConfig(ctx.env, db);
}

/**
 * Opens the database for the length of one command and always closes it. With `mustExist`, a
 * missing file is an error rather than a new empty database (a typo in --db would create one).
 */
export async function withDatabase<T>(
  database: DatabaseConfig,
  options: { mustExist: boolean },
  run: (db: Db) => Promise<T>,
): Promise<T> {
  if (
    options.mustExist &&
    database.kind === 'sqlite' &&
    database.file !== ':memory:' &&
    !existsSync(database.file)
  ) {
    throw new CliError(
      `No database at ${describeDatabase(database)}: run "jalon migrate" or "jalon seed --demo" first`,
    );
  }
  const db = createDb(database);
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
