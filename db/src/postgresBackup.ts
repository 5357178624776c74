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

// `jalon backup` on PostgreSQL: pg_dump, from Debian's postgresql-client, writes the archive.

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
