import { createHash, randomBytes } from 'node:crypto';
import {
  clearThrottle,
  createSession,
  deleteSession,
  findSessionPrincipal,
  getThrottle,
  saveThrottle,
  type Db,
} from '@jalon/db';
import type { Principal } from './permissions';

export const SESSION_COOKIE = 'jalon_session';
export const SESSION_DAYS = 14;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a session: the token goes to the cookie, only its hash to the database. */
export async function openSession(
  db: Db,
  userId: number,
  now: Date,
): Promise<{ token: string; sessionId: string; expires: Date }> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = hashToken(token);
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await createSession(db, {
    id: sessionId,
    userId,
    createdAt: now.toISOString(),
    expiresAt: expires.toISOString(),
  });
  return { token, sessionId, expires };
}

export async function principalForToken(
  db: Db,
  token: string | undefined,
  now: Date,
): Promise<{ principal: Principal; sessionId: string } | null> {
  if (!token || token.length > 200) return null;
  const sessionId = hashToken(token);
  const principal = await findSessionPrincipal(db, sessionId, now.toISOString());
  return principal ? { principal, sessionId } : null;
}

export { deleteSession as closeSession };

// Throttling lives in the database so that several app instances share it.
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 50;

const keysFor = (email: string, ip: string) => [
  { key: `email:${email.toLowerCase()}`, max: MAX_FAILURES_PER_EMAIL },
  { key: `ip:${ip}`, max: MAX_FAILURES_PER_IP },
];

/** When the caller is locked out, the time until which; otherwise null. */
export async function lockedUntil(
  db: Db,
  email: string,
  ip: string,
  now: Date,
): Promise<Date | null> {
  for (const { key } of keysFor(email, ip)) {
    const row = await getThrottle(db, key);
    if (row?.lockedUntil && row.lockedUntil > now.toISOString()) return new Date(row.lockedUntil);
  }
  return null;
}

export async function recordFailure(db: Db, email: string, ip: string, now: Date): Promise<void> {
  for (const { key, max } of keysFor(email, ip)) {
    const row = await getThrottle(db, key);
    const windowOpen = row && now.getTime() - Date.parse(row.windowStartedAt) < WINDOW_MS;
    const failures = windowOpen ? row.failures + 1 : 1;
    await saveThrottle(db, {
      key,
      failures,
      windowStartedAt: windowOpen ? row.windowStartedAt : now.toISOString(),
      lockedUntil: failures >= max ? new Date(now.getTime() + LOCK_MS).toISOString() : null,
    });
  }
}

export async function recordSuccess(db: Db, email: string): Promise<void> {
  await clearThrottle(db, `email:${email.toLowerCase()}`);
}
