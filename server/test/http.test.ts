import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { sql } from 'kysely';
import { setSetting } from '@jalon/db';
import { createApp } from '../src/http';
import { hashPassword } from '../src/auth/password';
import { MAX_FAILURES_PER_ACCOUNT } from '../src/auth/throttle';
import { DEMO_PASSWORD } from '../src/demo';
import { MAX_BATCH_CALLS, MAX_JSON_DEPTH, MAX_URL_LENGTH } from '../src/requestLimits';
import { buildWorld, WORLD_PASSWORD, type World } from './support/world';

let world: World;
let server: Server;
let base: string;
let logLines: Record<string, unknown>[];

beforeEach(async () => {
  world = await buildWorld();
  logLines = [];
  const log = pino(
    { level: 'info' },
    { write: (line: string) => logLines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const app = createApp({ db: world.db, log, secureCookies: false });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await world.db.destroy();
});

const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
const get = (path: string, cookie?: string) =>
  fetch(`${base}/trpc/${path}`, { headers: cookie ? { cookie } : {} });

async function login(email: string, password: string) {
  const res = await post('auth.login', { email, password });
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { res, setCookie, cookie: setCookie.split(';')[0] ?? '' };
}

describe('HTTP API', () => {
  it('answers /health with {"status":"ok"} and sends security headers', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('compresses large responses for clients that accept gzip, and leaves small ones alone', async () => {
    const { cookie } = await login('coordinatornl@world.test', WORLD_PASSWORD);
    const input = encodeURIComponent(JSON.stringify({ limit: 200 }));
    const large = await fetch(`${base}/trpc/action.list?input=${input}`, {
      headers: { cookie, 'accept-encoding': 'gzip' },
    });
    expect(large.status).toBe(200);
    expect(large.headers.get('content-encoding')).toBe('gzip');
    expect(
      ((await large.json()) as { result: { data: { items: unknown[] } } }).result.data.items,
    ).not.toHaveLength(0);
    const small = await fetch(`${base}/health`, { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
  });

  it('signs in with an HttpOnly SameSite=Lax session cookie kept in the database, and signs out', async () => {
    const { res, setCookie, cookie } = await login('coordinatornl@world.test', WORLD_PASSWORD);
    expect(res.status).toBe(200);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const token = cookie.split('=')[1] ?? '';
    // Only a hash of the token is stored.
    const stored = await world.db.selectFrom('sessions').select('id').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).not.toBe(token);

    const me = await get('auth.me', cookie);
    expect(((await me.json()) as { result: { data: { email: string } } }).result.data.email).toBe(
      'coordinatornl@world.test',
    );

    const out = await post('auth.logout', {}, cookie);
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await get('auth.me', cookie)).status).toBe(401);
    expect(await world.db.selectFrom('sessions').select('id').execute()).toHaveLength(0);
  });

  it('answers UNAUTHORIZED without a session, and never sends a stack trace', async () => {
    const res = await get('action.list');
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { data: Record<string, unknown> } };
    expect(body.error.data.code).toBe('UNAUTHORIZED');
    expect(JSON.stringify(body)).not.toMatch(/stack|\.ts:\d+/);
  });

  it('answers BAD_REQUEST with field errors for invalid input', async () => {
    const res = await post('auth.login', { email: 'not-an-email', password: '' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { data: { fieldErrors: Record<string, string[]> } };
    };
    expect(Object.keys(body.error.data.fieldErrors).sort()).toEqual(['email', 'password']);
  });

  it('refuses a wrong password with the same message as an unknown email', async () => {
    const wrong = await login('lead@world.test', 'not-the-password');
    const unknown = await login('nobody@world.test', 'whatever-it-is');
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    const message = async (r: Response) =>
      ((await r.json()) as { error: { message: string } }).error.message;
    expect(await message(wrong.res)).toBe(await message(unknown.res));
  });

  it('throttles repeated failed sign-ins for an email, even with the right password afterwards', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i += 1) {
      expect((await login('lead@world.test', `wrong-${i}-password`)).res.status).toBe(401);
    }
    const locked = await login('lead@world.test', WORLD_PASSWORD);
    expect(locked.res.status).toBe(429);
    // Another account is not affected.
    expect((await login('memberNL@world.test', WORLD_PASSWORD)).res.status).toBe(200);
  });

  it('accepts the demo password only in a database seeded as demo', async () => {
    await world.db
      .updateTable('users')
      .set({ passwordHash: await hashPassword(DEMO_PASSWORD) })
      .where('id', '=', world.users.admin)
      .execute();
    expect((await login('admin@world.test', DEMO_PASSWORD)).res.status).toBe(401);
    await setSetting(world.db, 'demo', 'true');
    expect((await login('admin@world.test', DEMO_PASSWORD)).res.status).toBe(200);
  });

  it('logs an unexpected error with its request id, and tells the client only that id', async () => {
    const { cookie } = await login('coordinatornl@world.test', WORLD_PASSWORD);
    await sql`drop table agenda_items`.execute(world.db);
    const res = await get(
      `meeting.byId?input=${encodeURIComponent(JSON.stringify({ id: world.meetings.NL }))}`,
      cookie,
    );
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { message: string; data: { requestId: string } } };
    const requestId = body.error.data.requestId;
    expect(res.headers.get('x-request-id')).toBe(requestId);
    expect(body.error.message).toContain(requestId);
    expect(JSON.stringify(body)).not.toMatch(/agenda_items|stack|\.ts:\d+/);
    const logged = logLines.find((l) => l.msg === 'unexpected error');
    expect(logged).toMatchObject({ requestId, path: 'meeting.byId' });
    expect(JSON.stringify(logged)).toContain('agenda_items');
  });

  it('never logs a password', async () => {
    await login('lead@world.test', 'a-secret-attempt-1234');
    await login('lead@world.test', WORLD_PASSWORD);
    const everything = JSON.stringify(logLines);
    expect(everything).not.toContain('a-secret-attempt-1234');
    expect(everything).not.toContain(WORLD_PASSWORD);
  });
});

/** What a client may never read in an error: a stack, a path on disk, a library's wording. */
const LEAKS =
  /stack|\bat \S+ \(|node_modules|\/work\/|\.[jt]s:\d+|SyntaxError|body-parser|express|raw-body|TooLarge|<pre>/i;

interface ErrorEnvelope {
  error: { message: string; data: { code: string; httpStatus: number; requestId: string } };
}

/** Sends a request and checks the answer is a clean JSON error quoting the request id. */
async function expectJsonError(path: string, init: RequestInit, status: number) {
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  expect({ status: res.status, text }).toMatchObject({ status });
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(text) as ErrorEnvelope;
  expect(body.error.data.httpStatus).toBe(status);
  expect(body.error.data.requestId).toBe(res.headers.get('x-request-id'));
  expect(text).not.toMatch(LEAKS);
  return body;
}

const json = (body: string, contentType = 'application/json'): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': contentType },
  body,
});
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('errors from every layer', () => {
  it('answers bad bodies with a clean JSON error before tRPC or zod see them', async () => {
    await expectJsonError('/trpc/auth.login', json('{"email":'), 400);
    await expectJsonError('/trpc/auth.login', json('null'), 400);
    await expectJsonError(
      '/trpc/auth.login',
      json(JSON.stringify({ email: 'x'.repeat(1_100_000) })),
      413,
    );
    await expectJsonError('/trpc/auth.login', json('{}', 'application/json; charset=latin1'), 415);
    await expectJsonError(
      '/trpc/auth.login',
      json('email=a', 'application/x-www-form-urlencoded'),
      415,
    );
    await expectJsonError('/trpc/auth.login', json('{}', 'text/plain'), 415);
    // Nested too deep, as a whole body, in a field, or in a query's input: 400, never 500.
    await expectJsonError('/trpc/auth.login', json(nested(5_000)), 400);
    await expectJsonError(
      '/trpc/auth.login',
      json(`{"email":${nested(MAX_JSON_DEPTH + 1)},"password":"x"}`),
      400,
    );
    await expectJsonError(`/trpc/auth.session?input=${encodeURIComponent(nested(900))}`, {}, 400);
    // Brackets inside strings are text, not nesting: such a body reaches zod, which names the field.
    const inString = await expectJsonError(
      '/trpc/auth.login',
      json(JSON.stringify({ email: '['.repeat(500), password: 'x' })),
      400,
    );
    const { fieldErrors } = inString.error.data as { fieldErrors?: Record<string, unknown> };
    expect(Object.keys(fieldErrors ?? {})).toContain('email');
    expect(logLines.some((l) => l.msg === 'unexpected error')).toBe(false);
  });

  it('limits URLs and batches before anything is parsed', async () => {
    await expectJsonError(`/trpc/auth.session?pad=${'a'.repeat(MAX_URL_LENGTH)}`, {}, 414);
    const { cookie } = await login('coordinatornl@world.test', WORLD_PASSWORD);
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => 'plan.list').join(',');
      const inputs = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]));
      return `/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
    };
    const over = await expectJsonError(batch(MAX_BATCH_CALLS + 1), { headers: { cookie } }, 400);
    expect(over.error.message).toMatch(/at most/);
    const within = await fetch(`${base}${batch(MAX_BATCH_CALLS)}`, { headers: { cookie } });
    expect(within.status).toBe(200);
  });

  it('answers unknown routes: JSON for the API and other methods, a plain page for a browser', async () => {
    await expectJsonError('/nowhere', { method: 'POST' }, 404);
    await expectJsonError('/trpc/no.procedure', {}, 404);
    await expectJsonError('/trpc/%ZZ', {}, 400);
    const page = await fetch(`${base}/nowhere`);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await page.text();
    expect(text).toContain(page.headers.get('x-request-id'));
    expect(text).not.toMatch(LEAKS);
    expect((await fetch(`${base}/%ZZ`)).status).toBe(404);
  });
});

describe('errors from the static files', () => {
  let dist: string;
  let staticServer: Server;
  let staticBase: string;

  beforeEach(async () => {
    dist = await mkdtemp(join(tmpdir(), 'jalon-dist-'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Jalon</title>');
    const app = createApp({
      db: world.db,
      log: pino({ level: 'silent' }),
      secureCookies: false,
      clientDist: dist,
    });
    staticServer = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => staticServer.once('listening', resolve));
    staticBase = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await new Promise((resolve) => staticServer.close(resolve));
    await rm(dist, { recursive: true, force: true });
  });

  async function expectPlainError(path: string, status: number) {
    const res = await fetch(`${staticBase}${path}`);
    const text = await res.text();
    expect({ status: res.status, text }).toMatchObject({ status });
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toContain(res.headers.get('x-request-id'));
    expect(text).not.toMatch(LEAKS);
    expect(text).not.toContain(dist);
  }

  it('answers a malformed address and a missing page with a plain page, no path on disk', async () => {
    expect((await fetch(`${staticBase}/plans/3`)).status).toBe(200);
    await expectPlainError('/%ZZ', 400);
    await expectPlainError('/plans/%E0%A4%A', 400);
    await rm(join(dist, 'index.html'));
    await expectPlainError('/plans/3', 404);
  });
});
