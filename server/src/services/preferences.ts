import {
  deleteOtherSessions,
  getMailPreferences,
  setMailPreferences,
  setUserLocale,
  setUserPassword,
  type MailPreferences,
} from '@jalon/db';
import type { Locale } from '@jalon/shared';
import { audit } from './audit';
import type { Write } from './write';

/** The actor's own language, kept on their account so it follows them to another browser. */
export async function setOwnLocale(w: Write, locale: Locale): Promise<{ locale: Locale }> {
  await setUserLocale(w.trx, w.actor.id, locale);
  await audit(w, {
    entityType: 'user',
    entityId: w.actor.id,
    operation: 'update',
    before: { locale: w.actor.locale },
    after: { locale },
  });
  return { locale };
}

/**
 * The actor's new password (already hashed): every other session of theirs ends, so that someone
 * who knew the old password is signed out everywhere but here. Audited without any hash.
 */
export async function changeOwnPassword(
  w: Write,
  change: { passwordHash: string; keepSessionId: string | null },
): Promise<{ otherSessionsEnded: number }> {
  await setUserPassword(w.trx, w.actor.id, change.passwordHash);
  const ended = await deleteOtherSessions(w.trx, w.actor.id, change.keepSessionId);
  await audit(w, {
    entityType: 'user',
    entityId: w.actor.id,
    operation: 'update',
    comment: 'password changed',
  });
  return { otherSessionsEnded: ended };
}

/** Which optional mails the actor wants (convocations and minutes always go to members). */
export async function setOwnMailPreferences(
  w: Write,
  preferences: MailPreferences,
): Promise<MailPreferences> {
  const before = await getMailPreferences(w.trx, w.actor.id);
  await setMailPreferences(w.trx, w.actor.id, preferences);
  await audit(w, {
    entityType: 'user',
    entityId: w.actor.id,
    operation: 'update',
    before,
    after: preferences,
  });
  return preferences;
}
