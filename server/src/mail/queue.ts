import { enqueueMails, type Db, type MailRecipient, type Trx } from '@jalon/db';
import { letterHtml, letterText } from './letter';
import { composeLetter, type MailContent } from './messages';

/** A mail to queue: to whom, what it says (composed here in their language), and its extras. */
export interface Outgoing {
  to: MailRecipient;
  content: MailContent;
  /** The calendar invitation that goes with it. */
  ics?: string;
  territoryId?: number | null;
  /** Set for a mail that must go once whatever happens (the unique index keeps the first). */
  dedupeKey?: string;
}

/**
 * Composes each mail in its recipient's language and queues it in `trx`: it leaves only if the
 * change that caused it commits, and the mailer sends it later (the caller never waits for SMTP).
 * Returns how many were queued.
 */
export function queueMails(
  trx: Db | Trx,
  now: Date,
  outgoing: readonly Outgoing[],
): Promise<number> {
  return enqueueMails(
    trx,
    outgoing.map(({ to, content, ics, territoryId, dedupeKey }) => {
      const letter = composeLetter(content, to.locale);
      return {
        kind: content.kind,
        userId: to.userId,
        toAddress: to.email,
        locale: to.locale,
        subject: letter.subject,
        textBody: letterText(letter),
        htmlBody: letterHtml(letter, to.locale),
        ics: ics ?? null,
        territoryId: territoryId ?? null,
        dedupeKey: dedupeKey ?? null,
        createdAt: now.toISOString(),
      };
    }),
  );
}
