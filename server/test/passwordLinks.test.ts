import { describe, expect, it } from 'vitest';
import type { World } from './support/world';
import { WORLD_PASSWORD } from './support/world';
import { serveWorldEachTest } from './support/http';

// One-time links to set a password (issue 12): an administrator invites a user (an account
// without a password) or resets a forgotten password; the link is shown to them while Jalon
// sends no mail; the user sets their password with it, once, before it expires.

let world: World;
const { base, signIn } = serveWorldEachTest((w) => (world = w));

interface TrpcAnswer<T> {
  status: number;
  data?: T;
  code?: string;
}

async function call<T>(
  procedure: string,
  input: unknown,
  cookie = '',
  method: 'GET' | 'POST' = 'POST',
): Promise<TrpcAnswer<T>> {
  const url =
    method === 'GET'
      ? `${base()}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`
      : `${base()}/trpc/${procedure}`;
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
  });
  const body = (await res.json()) as {
    result?: { data: T };
    error?: { data: { code: string } };
  };
  return { status: res.status, data: body.result?.data, code: body.error?.data.code };
}

const tokenOf = (path: string) => path.replace(/^\/set-password#/, '');

async function login(email: string, password: string) {
  return (await call('auth.login', { email, password })).status;
}

describe('one-time password links', () => {
  it('invites a user without a password, who sets theirs once with the link and signs in', async () => {
    const admin = await signIn('admin');
    const created = await call<{ id: number }>(
      'user.create',
      { email: 'nouvelle@world.test', name: 'Nouvelle Venue' },
      admin,
    );
    expect(created.status).toBe(200);
    const id = created.data!.id;
    // No password yet: nothing signs in.
    expect(await login('nouvelle@world.test', WORLD_PASSWORD)).toBe(401);

    const issued = await call<{ path: string; expiresAt: string }>(
      'user.issuePasswordLink',
      { id, purpose: 'invitation' },
      admin,
    );
    expect(issued.status).toBe(200);
    expect(issued.data!.path).toMatch(/^\/set-password#[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(issued.data!.path);
    // Seven days for an invitation.
    expect(Date.parse(issued.data!.expiresAt) - Date.parse(`${world.today}T12:00:00.000Z`)).toBe(
      7 * 86_400_000,
    );

    const greeting = await call('auth.passwordLink', { token }, '', 'GET');
    expect(greeting.data).toEqual({
      name: 'Nouvelle Venue',
      purpose: 'invitation',
      expiresAt: issued.data!.expiresAt,
    });
    const set = await call('auth.setPasswordWithLink', { token, password: 'mon-premier-mot' });
    expect(set).toMatchObject({ status: 200, data: { ok: true } });
    expect(await login('nouvelle@world.test', 'mon-premier-mot')).toBe(200);

    // Once only.
    const again = await call('auth.setPasswordWithLink', { token, password: 'un-autre-essai' });
    expect(again).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((await call('auth.passwordLink', { token }, '', 'GET')).status).toBe(404);
    expect(await login('nouvelle@world.test', 'un-autre-essai')).toBe(401);

    // The token is stored as its hash only, and audited without it.
    const stored = await world.db.selectFrom('passwordLinks').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    const events = await world.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityType', '=', 'user')
      .where('entityId', '=', id)
      .execute();
    expect(events.map((e) => e.comment)).toEqual(
      expect.arrayContaining(['invitation link issued', 'password set by invitation']),
    );
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it('resets a forgotten password: ends the sessions, withdraws the older link, expires', async () => {
    const admin = await signIn('admin');
    const session = await signIn('lead');
    const first = await call<{ path: string }>(
      'user.issuePasswordLink',
      { id: world.users.lead, purpose: 'reset' },
      admin,
    );
    const second = await call<{ path: string }>(
      'user.issuePasswordLink',
      { id: world.users.lead, purpose: 'reset' },
      admin,
    );
    // The newer link replaces the older one.
    expect(
      (
        await call('auth.setPasswordWithLink', {
          token: tokenOf(first.data!.path),
          password: 'ancien-lien-refuse',
        })
      ).status,
    ).toBe(404);
    const reset = await call('auth.setPasswordWithLink', {
      token: tokenOf(second.data!.path),
      password: 'nouveau-mot-de-passe',
    });
    expect(reset.status).toBe(200);
    expect((await fetch(`${base()}/trpc/auth.me`, { headers: { cookie: session } })).status).toBe(
      401,
    );
    expect(await login('lead@world.test', WORLD_PASSWORD)).toBe(401);
    expect(await login('lead@world.test', 'nouveau-mot-de-passe')).toBe(200);

    // An expired link serves no more.
    const third = await call<{ path: string }>(
      'user.issuePasswordLink',
      { id: world.users.lead, purpose: 'reset' },
      admin,
    );
    await world.db
      .updateTable('passwordLinks')
      .set({ expiresAt: '2020-01-01T00:00:00.000Z' })
      .execute();
    const late = await call('auth.setPasswordWithLink', {
      token: tokenOf(third.data!.path),
      password: 'trop-tard-pour-ca',
    });
    expect(late.status).toBe(404);
  });

  it('lets only administrators issue links, never for a disabled user, and refuses bad tokens', async () => {
    const coordinator = await signIn('coordinatorNL');
    const refused = await call(
      'user.issuePasswordLink',
      { id: world.users.lead, purpose: 'reset' },
      coordinator,
    );
    expect(refused).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(
      (await call('user.issuePasswordLink', { id: world.users.lead, purpose: 'reset' })).status,
    ).toBe(401);

    const admin = await signIn('admin');
    const issued = await call<{ path: string }>(
      'user.issuePasswordLink',
      { id: world.users.lead, purpose: 'reset' },
      admin,
    );
    await call('user.update', { id: world.users.lead, disabled: true }, admin);
    // Disabled after the link was issued: the link no longer serves.
    const late = await call('auth.setPasswordWithLink', {
      token: tokenOf(issued.data!.path),
      password: 'compte-desactive',
    });
    expect(late.status).toBe(404);
    const none = await call(
      'user.issuePasswordLink',
      { id: world.users.lead, purpose: 'reset' },
      admin,
    );
    expect(none.status).toBe(400);

    const malformed = await call('auth.setPasswordWithLink', {
      token: 'abc',
      password: 'x'.repeat(12),
    });
    expect(malformed.status).toBe(400);
    const unknown = await call('auth.setPasswordWithLink', {
      token: 'A'.repeat(43),
      password: 'x'.repeat(12),
    });
    expect(unknown.status).toBe(404);
  });
});
