import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createDb } from '@jalon/db';
import { startPostgres } from '../../src/postgres/server';

// The e2e suite's server on PostgreSQL (JALON_E2E_DATABASE=postgres): starts a PostgreSQL server
// in a temporary folder, creates an empty database, then runs `pnpm --filter @jalon/server start`
// on it with this process's environment; stops both when Playwright stops this process.

const root = fileURLToPath(new URL('../../..', import.meta.url));
const server = await startPostgres();
const admin = createDb({ kind: 'postgres', url: server.url, maxConnections: 1 });
await sql`create database jalon_e2e`.execute(admin);
await admin.destroy();
const url = new URL(server.url);
url.pathname = '/jalon_e2e';

const jalon = spawn('pnpm', ['--filter', '@jalon/server', 'start'], {
  cwd: root,
  env: { ...process.env, JALON_DB: undefined, JALON_DATABASE_URL: url.toString() },
  stdio: 'inherit',
});

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  jalon.kill('SIGTERM');
  await server.stop();
  process.exit(code);
};
jalon.once('exit', (code) => void stop(code ?? 1));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(0));
