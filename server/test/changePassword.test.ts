import { describe, expect, it } from 'vitest';
import type { World } from './support/world';
import { WORLD_PASSWORD } from './support/world';
import { serveWorldEachTest } from './support/http';
import { MAX_FAILURES_PER_ACCOUNT } from '../src/auth/throttle';

// Every user changes their own password from the account page: the current password is checked
// and counted as a sign-in attempt, and every other session of theirs ends.

let world: World;
const { base, signIn } = serveWorldEachTest((w) => (world = w));

const NEW_PASSWORD = 'un-nouveau-mot-de-passe';

async function changePassword(cookie: string, currentPassword: string, newPassword: string) {
  const res = await fetch(`${base()}/trpc/auth.changePassword`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ currentPassword, newPassword }),
  });
  const body = (await res.json()) as {
    result?: { data: { otherSessionsEnded: number } };
    error?: {
      data: {
        code: string;
        reason: string | null;
        signInThrottle: { scope: string } | null;
        fieldErrors: Record<string, string[]> | null;
      };
    };
  };
  return { status: res.status, body };
}

async function me(cookie: string) {
  return (await fetch(`${base()}/trpc/auth.me`, { headers: { cookie } })).status;
}

async function login(password: string) {
  const res = await fetch(`${base()}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'lead@world.test', password }),
  });
  return res.status;
}

describe('auth.changePassword', () => {
  it('changes the password, ends the other sessions, keeps this one, audits no hash', async () => {
    const here = await signIn('lead');
    const elsewhere = await signIn('lead');
    const changed = await changePassword(here, WORLD_PASSWORD, NEW_PASSWORD);
    expect(changed.status).toBe(200);
    expect(changed.body.result?.data).toEqual({ otherSessionsEnded: 1 });
    expect(await me(here)).toBe(200);
    expect(await me(elsewhere)).toBe(401);
    expect(await login(WORLD_PASSWORD)).toBe(401);
    expect(await login(NEW_PASSWORD)).toBe(200);
    const event = await world.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entityType', '=', 'user')
      .where('entityId', '=', world.users.lead)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ operation: 'update', comment: 'password changed' });
    expect(JSON.stringify(event)).not.toMatch(/scrypt|un-nouveau/);
  });

  it('refuses a wrong current password with its reason, and counts it like a sign-in', async () => {
    const cookie = await signIn('lead');
    const wrong = await changePassword(cookie, 'not-the-password', NEW_PASSWORD);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.data.reason).toBe('current_password_wrong');
    // The sign-in just made cleared the counter; this attempt was the first of the window.
    for (let i = 1; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await changePassword(cookie, 'not-the-password', NEW_PASSWORD)).status).toBe(400);
    }
    // Locked now, even with the right password, here and at sign-in.
    const locked = await changePassword(cookie, WORLD_PASSWORD, NEW_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error?.data.signInThrottle?.scope).toBe('account');
    expect(await login(WORLD_PASSWORD)).toBe(429);
  });

  it('refuses a short new password, or the same one, with field errors, and an anonymous caller', async () => {
    const cookie = await signIn('lead');
    const short = await changePassword(cookie, WORLD_PASSWORD, 'court');
    expect(short.status).toBe(400);
    expect(short.body.error?.data.fieldErrors?.newPassword).toBeDefined();
    const same = await changePassword(cookie, WORLD_PASSWORD, WORLD_PASSWORD);
    expect(same.status).toBe(400);
    expect(same.body.error?.data.fieldErrors?.newPassword).toBeDefined();
    expect((await changePassword('', WORLD_PASSWORD, NEW_PASSWORD)).status).toBe(401);
    expect(await login(WORLD_PASSWORD)).toBe(200);
  });
});
