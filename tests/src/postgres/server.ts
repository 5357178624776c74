import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { postgresProgram } from '@jalon/db';

// A throwaway PostgreSQL server for the tests and the bench, from Debian's `postgresql` package
// (.ci/run installs it when missing): a cluster in a temporary folder, on a free local port,
// with durability off (its data dies with it). Run as the `postgres` user when started by root,
// which PostgreSQL refuses to run as.

const run = promisify(execFile);

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:<port>/postgres, the server's maintenance database. */
  url: string;
  /** Stops the server at once and removes its folder. */
  stop: () => Promise<void>;
}

/** A PostgreSQL server program: in JALON_PG_BIN when set, else the newest installed. */
function program(name: string): string {
  const chosen = process.env.JALON_PG_BIN;
  if (chosen) return join(chosen, name);
  const found = postgresProgram(name);
  if (found === name) {
    throw new Error(
      "PostgreSQL is not installed: the tests on PostgreSQL need Debian's postgresql package " +
        '(apt-get install postgresql; .ci/run installs it), or JALON_PG_BIN set to its bin folder.',
    );
  }
  return found;
}

/** A port free on the loopback interface now (taken by whoever listens on it first). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL program, as the `postgres` user when this process is root. */
async function asOwner(program: string, args: string[]): Promise<void> {
  const root = process.getuid?.() === 0;
  await (root ? run('runuser', ['-u', 'postgres', '--', program, ...args]) : run(program, args));
}

async function ownerIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([
    run('id', ['-u', 'postgres']),
    run('id', ['-g', 'postgres']),
  ]);
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/**
 * Starts a PostgreSQL server of its own in a temp folder, on a free port. Tests run it without
 * durability (no fsync, commits not waited for), which they do not need; `durable` keeps the
 * defaults of a production server, as the bench wants. Without it, a commit is on disk a moment
 * later only, and until then VACUUM cannot mark its rows visible to all (no index-only scans).
 */
export async function startPostgres({ durable = false } = {}): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = await ownerIds();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const stop = async () => {
    await asOwner(program('pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await asOwner(program('initdb'), [
      ...['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8'],
      '--no-sync',
    ]);
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
      // Every test file opens databases of its own, each with a small pool.
      '-c max_connections=400',
    ].join(' ');
    await asOwner(program('pg_ctl'), [
      ...['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w'],
      'start',
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}
