import { randomBytes } from 'node:crypto';
import {
  consumePasswordLink,
  deleteOtherSessions,
  insertPasswordLink,
  setUserPassword,
  type PasswordLinkPurpose,
} from '@jalon/db';
import { hashToken } from '../auth/sessions';
import { mailPasswordLink } from '../mail/notify';
import { audit } from './audit';
import type { Write } from './write';

/** How long a link serves: an invitation waits a week, a reset two days. */
export const PASSWORD_LINK_DAYS: Record<PasswordLinkPurpose, number> = { invitation: 7, reset: 2 };

/**
 * The address of the page that sets a password with `token`. The token travels in the fragment,
 * which browsers never send to a server nor put in a Referer: it stays out of every log.
 */
export const passwordLinkPath = (token: string) => `/set-password#${token}`;

/**
 * Issues a one-time link for `userId` (an invitation or a reset), withdrawing their earlier
 * unused ones. Only the token's hash is stored; the token itself is mailed to the user and
 * returned once, for the administrator to hand over when mail does not reach them.
 */
export async function issuePasswordLink(
  w: Write,
  userId: number,
  purpose: PasswordLinkPurpose,
): Promise<{ path: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(
    w.now.getTime() + PASSWORD_LINK_DAYS[purpose] * 86_400_000,
  ).toISOString();
  await insertPasswordLink(w.trx, {
    id: hashToken(token),
    userId,
    purpose,
    createdBy: w.actor.id,
    createdAt: w.now.toISOString(),
    expiresAt,
  });
  await audit(w, {
    entityType: 'user',
    entityId: userId,
    operation: 'update',
    comment: purpose === 'invitation' ? 'invitation link issued' : 'password reset link issued',
  });
  const path = passwordLinkPath(token);
  await mailPasswordLink(
    w.trx,
    { now: w.now, site: w.site, actorName: w.actor.name },
    { userId, purpose, path, days: PASSWORD_LINK_DAYS[purpose] },
  );
  return { path, expiresAt };
}

/**
 * Sets the password of the link's user, once: the link is used up in the same transaction and
 * every session of the user ends. `w.actor` is the link's user (the caller is not signed in).
 * False when the link is unknown, used, expired, or its user disabled.
 */
export async function setPasswordWithLink(
  w: Write,
  token: string,
  passwordHash: string,
): Promise<boolean> {
  const link = await consumePasswordLink(w.trx, hashToken(token), w.now.toISOString());
  if (!link || link.userId !== w.actor.id) return false;
  await setUserPassword(w.trx, link.userId, passwordHash);
  await deleteOtherSessions(w.trx, link.userId, null);
  await audit(w, {
    entityType: 'user',
    entityId: link.userId,
    operation: 'update',
    comment: link.purpose === 'invitation' ? 'password set by invitation' : 'password reset',
  });
  return true;
}
