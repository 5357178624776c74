import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { DEMO_ACCOUNTS, migrateToLatest, openDb, seedDemo, type Db } from '@jalon/db';
import { isoToday } from '@jalon/shared';
import { createApp } from '../../src/http';
import { runCli } from '../../src/cli/program';
import { hashPassword } from '../../src/auth/password';
import { DEMO_PASSWORD } from '../../src/demo';

// The demo database in a file, served by the app, for the import tests: the screen's routes and
// the CLI (`--db <file>`) work on the same file, as a coordinator's would.

const account = (role: string, scope?: string) => {
  const found = DEMO_ACCOUNTS.find((a) => a.role === role && (!scope || a.scope === scope));
  if (!found) throw new Error(`No demo ${role} ${scope ?? ''}`);
  return found;
};

/** The demo's people the import tests act as. */
export const DEMO_PEOPLE = {
  admin: account('admin'),
  /** Coordinator of Nord Lorraine. */
  coordinator: account('coordinator', 'NL'),
  /** Coordinator of Chaumont-Langres: not of Nord Lorraine. */
  otherCoordinator: account('coordinator', 'CL'),
  lead: account('lead'),
  member: account('committee_member'),
} as const;

export interface DemoApp {
  /** A temp folder for the test's files, removed after the test file. */
  dir: string;
  /** The database file, for the CLI's `--db`. */
  file: string;
  db: Db;
  base: string;
}

/**
 * Before each test, a fresh demo database in a file and the app serving it (handed to `use`);
 * after each, both closed. Returns how to sign in and run the CLI on that database.
 */
export function serveDemoEachTest(prefix: string, use: (app: DemoApp) => void) {
  let dir = '';
  let passwordHash = '';
  let app: DemoApp | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    passwordHash = await hashPassword(DEMO_PASSWORD);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    const file = join(dir, `demo-${Math.random().toString(36).slice(2)}.sqlite`);
    const db = openDb(file);
    await migrateToLatest(db);
    await seedDemo(db, { passwordHash, today: isoToday(new Date()) });
    const server = createApp({ db, log: pino({ level: 'silent' }), secureCookies: false }).listen(
      0,
      '127.0.0.1',
    );
    await new Promise((resolve) => server.once('listening', resolve));
    app = { dir, file, db, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    use(app);
    return async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
      app = undefined;
    };
  });
  const served = () => {
    if (!app) throw new Error('No app is served outside a test');
    return app;
  };
  return {
    /** Signs in with the demo password; the session cookie. */
    signIn: async (email: string): Promise<string> => {
      const res = await fetch(`${served().base}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    },
    /** Runs `jalon <args>` on the served database. */
    jalon: (...args: string[]) => runJalon(served().file, args),
  };
}

function collector() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

/** Runs `jalon --db <file> <args>` in process; its exit code and what it printed. */
export async function runJalon(file: string, args: readonly string[]) {
  const out = collector();
  const err = collector();
  const code = await runCli(
    ['node', 'jalon', '--db', file, ...args],
    { out: out.stream, err: err.stream },
    { LOG_LEVEL: 'silent' },
  );
  return { code, stdout: out.text(), stderr: err.text() };
}

export type Row = Record<string, string>;

/** A table as French Excel saves it as CSV: BOM, ";", CRLF. */
export const frenchCsv = (rows: Row[]): Buffer =>
  Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(stringify(rows, { header: true, delimiter: ';', record_delimiter: '\r\n' })),
  ]);
