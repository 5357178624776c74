import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, postgresUrlOf, type Db } from '@jalon/db';
import { DEMO_PASSWORD } from '../../src/demo';
import { startSmtpCapture, type SmtpCapture } from '../support/smtpCapture';
import { freePort } from '../../../tests/src/postgres/server';

// Two Jalon servers, as `pnpm start` runs them, behind one PostgreSQL database: what one instance
// knows, the other knows, because it is in the database. Runs in the server-postgres project only.

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(SERVER_DIR, 'node_modules', '.bin', 'tsx');
const TIMEOUT = 120_000;

// eslint-disable-next-line no-restricted-syntax -- the children's environment is this test's input
const inheritedEnv = { ...process.env };

interface Instance {
  base: string;
  child: ChildProcess;
}

/** Starts one instance on the database and resolves once it listens (its banner says so). */
async function startInstance(databaseUrl: string, smtpUrl: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(TSX, ['src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...inheritedEnv,
      JALON_DB: undefined,
      JALON_DATABASE_URL: databaseUrl,
      JALON_SMTP_URL: smtpUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
    },
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Jalon is running')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}: ${output}`)));
  });
  return { base: `http://127.0.0.1:${port}`, child };
}

function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    instance.child.once('exit', () => resolve());
    instance.child.kill('SIGTERM');
  });
}

async function call(
  instance: Instance,
  procedure: string,
  cookie: string,
  input?: unknown,
  method: 'GET' | 'POST' = 'POST',
): Promise<{ status: number; body: unknown; cookie: string }> {
  const query =
    method === 'GET' && input !== undefined
      ? `?input=${encodeURIComponent(JSON.stringify(input))}`
      : '';
  const res = await fetch(`${instance.base}/trpc/${procedure}${query}`, {
    method,
    headers: { 'content-type': 'application/json', cookie },
    ...(method === 'POST' ? { body: JSON.stringify(input ?? {}) } : {}),
  });
  return {
    status: res.status,
    body: await res.json(),
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
  };
}

async function signIn(instance: Instance, email: string): Promise<string> {
  const res = await call(instance, 'auth.login', '', { email, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return res.cookie;
}

const meOf = async (instance: Instance, cookie: string) => {
  const res = await call(instance, 'auth.me', cookie, undefined, 'GET');
  return res.status === 200
    ? (res.body as { result: { data: { email: string } } }).result.data.email
    : res.status;
};

let db: Db;
let smtp: SmtpCapture;
let a: Instance;
let b: Instance;

beforeAll(async () => {
  db = await createTestDb();
  const url = postgresUrlOf(db);
  if (!url) throw new Error('The instances test runs on PostgreSQL only (server-postgres)');
  smtp = await startSmtpCapture();
  // The first seeds the demo into the empty database; the second finds it there.
  a = await startInstance(url, smtp.url);
  b = await startInstance(url, smtp.url);
}, TIMEOUT);

afterAll(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
  await smtp?.close();
  await db?.destroy();
});

/** Resolves once every queued mail is sent (the mailers poll the queue every 2 s). */
const queueDrained = () =>
  vi.waitFor(
    async () => {
      const waiting = await db
        .selectFrom('mailQueue')
        .select('id')
        .where('status', '!=', 'sent')
        .execute();
      expect(waiting).toEqual([]);
    },
    { timeout: TIMEOUT, interval: 200 },
  );

describe('two instances on one PostgreSQL database', () => {
  it(
    'share sessions: signed in on one, known on the other; signed out on one, out on both',
    async () => {
      const cookie = await signIn(a, 'admin@jalon.test');
      expect(await meOf(b, cookie)).toBe('admin@jalon.test');
      expect((await call(b, 'auth.logout', cookie)).status).toBe(200);
      expect(await meOf(a, cookie)).toBe(401);
    },
    TIMEOUT,
  );

  it(
    'let one of two leads updating an action at once through different instances win, and refuse the other as a conflict',
    async () => {
      // A plan the demo gives two project leads: one signs in on each instance.
      const leads = await db
        .selectFrom('planLeads as pl')
        .innerJoin('users as u', 'u.id', 'pl.userId')
        .select(['pl.planId', 'u.email'])
        .orderBy('pl.planId')
        .orderBy('u.email')
        .execute();
      const planId = leads.find(
        (l, i) => leads.findIndex((other) => other.planId === l.planId) !== i,
      )?.planId;
      const [first, second] = leads.filter((l) => l.planId === planId).map((l) => l.email);
      if (!first || !second || planId === undefined) throw new Error('No plan with two leads');
      const [onA, onB] = await Promise.all([signIn(a, first), signIn(b, second)]);
      const action = await db
        .selectFrom('actions')
        .where('planId', '=', planId)
        .where('archivedAt', 'is', null)
        .select(['id', 'version'])
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const update = (progress: number) => ({
        id: action.id,
        version: action.version,
        status: 'in_progress',
        progress,
        comment: `Point à ${progress} %`,
      });
      const [onFirst, onSecond] = await Promise.all([
        call(a, 'action.setStatus', onA, update(35)),
        call(b, 'action.setStatus', onB, update(65)),
      ]);
      expect([onFirst.status, onSecond.status].sort()).toEqual([200, 409]);
      const winner = onFirst.status === 200 ? 35 : 65;
      const row = await db
        .selectFrom('actions')
        .select(['progress', 'version'])
        .where('id', '=', action.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ progress: winner, version: action.version + 1 });
    },
    TIMEOUT,
  );

  it(
    'send each queued mail once, whichever instance queued it, with both mailers running',
    async () => {
      const cookie = await signIn(a, 'admin@jalon.test');
      const users = await db
        .selectFrom('users')
        .select(['id', 'email'])
        .where('disabledAt', 'is', null)
        .orderBy('id')
        .limit(6)
        .execute();
      expect(users).toHaveLength(6);
      const sentBefore = smtp.messages.length;
      // Half the links asked of one instance, half of the other: the mails are queued by both.
      const cookieOnB = await signIn(b, 'admin@jalon.test');
      for (const [i, user] of users.entries()) {
        const [instance, session] = i % 2 === 0 ? [a, cookie] : [b, cookieOnB];
        const res = await call(instance, 'user.issuePasswordLink', session, {
          id: user.id,
          purpose: 'reset',
        });
        expect(res.status).toBe(200);
      }
      await smtp.waitFor(sentBefore + users.length);
      await queueDrained();
      // One more mail, sent after all of those: a duplicate of any of them would come before it.
      const last = users[0];
      if (!last) throw new Error('no user');
      await call(a, 'user.issuePasswordLink', cookie, { id: last.id, purpose: 'reset' });
      await smtp.waitFor(sentBefore + users.length + 1);
      await queueDrained();
      const recipients = smtp.envelopes.slice(sentBefore).map((to) => to.join(','));
      expect(recipients.sort()).toEqual(
        [...users.map((u) => u.email), last.email].map((e) => e.toLowerCase()).sort(),
      );
      const attempts = await db.selectFrom('mailQueue').select('attempts').execute();
      expect(attempts.every((m) => m.attempts === 1)).toBe(true);
    },
    TIMEOUT,
  );
});
