import { createHash, randomBytes } from 'node:crypto';
import { createSession, deleteSession, findSessionPrincipal, type Db } from '@jalon/db';
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
  /** The OpenID provider's ID token, for a session opened through it (its sign-out needs it). */
  idToken: string | null = null,
): Promise<{ token: string; sessionId: string; expires: Date }> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = hashToken(token);
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await createSession(db, {
    id: sessionId,
    userId,
    createdAt: now.toISOString(),
    expiresAt: expires.toISOString(),
    idToken,
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
