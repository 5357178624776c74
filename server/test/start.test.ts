import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { getSetting, migrateToLatest, openDb } from '@jalon/db';

// `pnpm start` as a newcomer runs it: the server entry point in a child process, on a new file.

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(SERVER_DIR, 'node_modules', '.bin', 'tsx');
const TIMEOUT = 60_000;

// eslint-disable-next-line no-restricted-syntax -- the child's environment is this test's input
const inheritedEnv = { ...process.env };
delete inheritedEnv.JALON_DATABASE_URL;

let child: ChildProcess | null = null;
let dir: string | null = null;

afterEach(() => {
  child?.kill('SIGTERM');
  child = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** Starts the server on a free port and resolves with its banner once it listens. */
function start(file: string): Promise<{ banner: string; port: number }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const env = {
    ...inheritedEnv,
    JALON_DB: file,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  };
  child = spawn(TSX, ['src/main.ts'], { cwd: SERVER_DIR, env });
  return new Promise((resolve, reject) => {
    let banner = '';
    child?.stdout?.on('data', (chunk: Buffer) => {
      banner += chunk.toString();
      if (banner.includes('Jalon is running')) setTimeout(() => resolve({ banner, port }), 100);
    });
    child?.on('exit', (code) => reject(new Error(`server exited with ${code}: ${banner}`)));
  });
}

describe('start', () => {
  it(
    'creates, migrates and seeds a new database, serves /health, and prints the demo accounts',
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'jalon-start-'));
      const { banner, port } = await start(join(dir, 'new', 'jalon.sqlite'));
      expect(banner).toContain('admin@jalon.test');
      expect(banner).toContain('jalon-demo');
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
    },
    TIMEOUT,
  );

  it(
    'never seeds the demo beside real users',
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'jalon-start-'));
      const file = join(dir, 'jalon.sqlite');
      const db = openDb(file);
      await migrateToLatest(db);
      await db
        .insertInto('users')
        .values({
          email: 'vraie@example.fr',
          name: 'Vraie',
          organisationId: null,
          locale: 'fr',
          passwordHash: 'x',
          globalRole: 'admin',
          disabledAt: null,
          createdAt: '2025-01-01T00:00:00.000Z',
        })
        .execute();
      const { banner } = await start(file);
      expect(banner).not.toContain('jalon-demo');
      const users = await db.selectFrom('users').select('email').execute();
      expect(users.map((u) => u.email)).toEqual(['vraie@example.fr']);
      expect(await getSetting(db, 'demo')).toBeNull();
      await db.destroy();
    },
    TIMEOUT,
  );
});
