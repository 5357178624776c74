import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '@jalon/db';

// The servers the bench measures run in child processes of their own, as in production: the
// bench process, with its seeded heap and its load generator, does not share their event loop.

const MAIN = fileURLToPath(new URL('../../../server/src/main.ts', import.meta.url));

/** Starts `script` with tsx and resolves once its output contains `ready`. */
function startChild(args: string[], env: NodeJS.ProcessEnv, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const stopped = (code: number | null) => reject(new Error(`${args[0]} stopped (${code})`));
    child.once('exit', stopped);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) {
        child.off('exit', stopped);
        resolve(child);
      }
    });
  });
}

/** Where `database` is, as `jalon --db` and the bench's raw runners take it: a file or a URL. */
export const locationOf = (database: DatabaseConfig) =>
  database.kind === 'sqlite' ? database.file : database.url;

/** The server of `pnpm start` on the database (a file or a server), on 127.0.0.1:`port`. */
export function startJalon(database: DatabaseConfig, port: number): Promise<ChildProcess> {
  return startChild(
    [MAIN],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      ...(database.kind === 'sqlite'
        ? { JALON_DB: database.file, JALON_DATABASE_URL: undefined }
        : { JALON_DATABASE_URL: database.url, JALON_DB: undefined }),
      LOG_LEVEL: 'warn',
    },
    'Jalon is running',
  );
}

/** A script of the bench (path relative to this folder) that prints `listening` when ready. */
export function startBenchServer(script: string, args: string[]): Promise<ChildProcess> {
  return startChild([fileURLToPath(new URL(script, import.meta.url)), ...args], {}, 'listening');
}

/** Stops a child server and waits for it to exit. */
export function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
