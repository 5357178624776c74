import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import { countSignInAttempt, findSignInCounter } from '@jalon/db';
import { createApp } from '../src/http';
import { hashingLoad, HASH_CONCURRENCY, HASH_QUEUE } from '../src/auth/password';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from '../src/auth/throttle';
import { buildWorld, WORLD_PASSWORD, type World } from './support/world';

// Sign-in throttling over real HTTP, behind a proxy on the loopback (X-Forwarded-For believed).

let world: World;
let server: Server;
let base: string;

beforeEach(async () => {
  world = await buildWorld();
  const app = createApp({
    db: world.db,
    log: pino({ level: 'silent' }),
    secureCookies: false,
    trustProxy: 'loopback',
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await world.db.destroy();
});

interface ErrorBody {
  error: {
    message: string;
    data: {
      code: string;
      requestId: string;
      signInThrottle: { scope: 'account' | 'address'; until: string } | null;
    };
  };
}

const signIn = (email: string, password: string, from = '198.51.100.1') =>
  fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ email, password }),
  });

const sessions = async () => (await world.db.selectFrom('sessions').select('id').execute()).length;

describe('sign-in throttling', () => {
  it('refuses a batch holding sign-ins, whatever it holds, and checks none of them', async () => {
    const attempts = [
      ...Array.from({ length: 20 }, (_, i) => ({ email: 'lead@world.test', password: `no-${i}` })),
      { email: 'lead@world.test', password: WORLD_PASSWORD },
    ];
    const batch = Object.fromEntries(attempts.map((input, i) => [String(i), input]));
    const paths = attempts.map(() => 'auth.login').join(',');
    const res = await fetch(`${base}/trpc/${paths}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(/cannot be batched/);
    // A batch of one, or a sign-in hidden among queries, or behind an encoded name: refused too.
    for (const path of ['auth.login', 'auth.session,auth.login', 'auth%2Elogin']) {
      const one = await fetch(`${base}/trpc/${path}?batch=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ 0: attempts.at(-1), 1: attempts.at(-1) }),
      });
      expect(one.status).toBe(400);
    }
    expect(await sessions()).toBe(0);
    expect(await findSignInCounter(world.db, 'email:lead@world.test')).toBeUndefined();
  });

  it('counts concurrent attempts before checking them: a burst checks only the allowed number, then even the right password is refused until a stated time', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn('lead@world.test', `wrong-password-${i}`)),
    );
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - MAX_FAILURES_PER_ACCOUNT);

    const before = Date.now();
    const locked = await signIn('lead@world.test', WORLD_PASSWORD);
    expect(locked.status).toBe(429);
    const body = (await locked.json()) as ErrorBody;
    expect(body.error.data.signInThrottle?.scope).toBe('account');
    const until = Date.parse(body.error.data.signInThrottle?.until ?? '');
    expect(until).toBeGreaterThan(before);
    expect(body.error.message).toContain(body.error.data.signInThrottle?.until);
    expect(await sessions()).toBe(0);
    // Another account, from the same address, signs in.
    expect((await signIn('memberNL@world.test', WORLD_PASSWORD)).status).toBe(200);
  });

  it('slows an address that failed too often without locking the accounts tried from it', async () => {
    const proxy = '203.0.113.9';
    // All the address's failures but one counted as the server counts them (hashes are slow)...
    const nowIso = new Date().toISOString();
    const windowStartIso = new Date(Date.now() - 60_000).toISOString();
    for (let i = 1; i < MAX_FAILURES_PER_ADDRESS; i += 1) {
      await countSignInAttempt(world.db, { key: `ip:${proxy}`, nowIso, windowStartIso });
    }
    // ...then the last, for real, on an account of its own: no account reaches its own limit.
    expect((await signIn('nobody@world.test', 'wrong-password', proxy)).status).toBe(401);
    const slowed = await signIn('lead@world.test', WORLD_PASSWORD, proxy);
    expect(slowed.status).toBe(429);
    const body = (await slowed.json()) as ErrorBody;
    expect(body.error.data.signInThrottle?.scope).toBe('address');
    expect(Date.parse(body.error.data.signInThrottle?.until ?? '')).toBeGreaterThan(Date.now());
    // The account itself is not locked: the same person from another address signs in.
    expect(await findSignInCounter(world.db, 'email:lead@world.test')).toBeUndefined();
    expect((await signIn('lead@world.test', WORLD_PASSWORD, '198.51.100.20')).status).toBe(200);
  });

  it('gives a successful sign-in its attempt back, so that an office signing in is never slowed', async () => {
    await signIn('lead@world.test', 'wrong-password', '192.0.2.1');
    expect((await signIn('lead@world.test', WORLD_PASSWORD, '192.0.2.1')).status).toBe(200);
    expect(await findSignInCounter(world.db, 'email:lead@world.test')).toBeUndefined();
    expect(await findSignInCounter(world.db, 'ip:192.0.2.1')).toMatchObject({ failures: 1 });
  });

  it('takes the address from X-Forwarded-For only through a trusted proxy', async () => {
    await signIn('nobody@world.test', 'wrong-password', '192.0.2.77');
    expect(await findSignInCounter(world.db, 'ip:192.0.2.77')).toMatchObject({ failures: 1 });

    const direct = createApp({
      db: world.db,
      log: pino({ level: 'silent' }),
      secureCookies: false,
    });
    const other = direct.listen(0, '127.0.0.1');
    await new Promise((resolve) => other.once('listening', resolve));
    try {
      const port = (other.address() as AddressInfo).port;
      await fetch(`http://127.0.0.1:${port}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.88' },
        body: JSON.stringify({ email: 'nobody@world.test', password: 'wrong-password' }),
      });
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
    expect(await findSignInCounter(world.db, 'ip:192.0.2.88')).toBeUndefined();
    expect(await findSignInCounter(world.db, 'ip:127.0.0.1')).toMatchObject({ failures: 1 });
  });
});

describe('password hashing under a flood of sign-ins', () => {
  it('refuses sign-ins beyond its queue at once, and answers other requests while hashes wait', async () => {
    const cookie = (
      (await signIn('coordinatorNL@world.test', WORLD_PASSWORD)).headers.get('set-cookie') ?? ''
    ).split(';')[0];
    const flood = 3 * (HASH_CONCURRENCY + HASH_QUEUE);
    // Distinct accounts and addresses: only the hashing bound can refuse them.
    const answers = Array.from({ length: flood }, (_, i) =>
      signIn(`flood-${i}@world.test`, 'wrong-password', `10.1.0.${i + 1}`),
    );
    await vi.waitFor(() => expect(hashingLoad().waiting).toBeGreaterThan(0), {
      timeout: 30_000,
      interval: 5,
    });
    const [health, portfolio] = await Promise.all([
      fetch(`${base}/health`),
      fetch(`${base}/trpc/dashboard.portfolio?input=${encodeURIComponent('{}')}`, {
        headers: { cookie: cookie ?? '' },
      }),
    ]);
    expect(health.status).toBe(200);
    expect(portfolio.status).toBe(200);
    // Both answered while sign-ins still waited for a hashing slot.
    expect(hashingLoad().waiting).toBeGreaterThan(0);

    const statuses = await Promise.all(answers.map(async (r) => (await r).status));
    const refused = statuses.filter((s) => s === 429).length;
    expect(refused).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(flood - refused);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    // Refused unchecked, an attempt is given back to its account.
    const counters = await Promise.all(
      statuses.map((_, i) => findSignInCounter(world.db, `email:flood-${i}@world.test`)),
    );
    expect(counters.filter((c) => c?.failures === 1)).toHaveLength(flood - refused);
  }, 120_000);
});
