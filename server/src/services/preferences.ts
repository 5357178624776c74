import { setUserLocale } from '@jalon/db';
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
