import nodemailer from 'nodemailer';
import {
  claimDueMail,
  markMailAttemptFailed,
  markMailDone,
  type Db,
  type QueuedMail,
} from '@jalon/db';
import type { Logger } from '../logger';
import type { Site } from '../site';
import { queueDueReminders } from './notify';

// The mailer: sends the queued mails, one claim at a time, retrying with backoff. Without an SMTP
// server the mails are kept in the outbox (status `kept`), readable by administrators.

/** Waits before each new attempt after a failure: then the mail is given up as `failed`. */
export const RETRY_DELAYS_MS = [1, 5, 15, 60, 240, 720].map((minutes) => minutes * 60_000);
/** How long a mailer holds a mail it is sending before another may take it over. */
export const CLAIM_MS = 5 * 60_000;

/** Where mails go: an SMTP server, or nowhere (they stay in the outbox). */
export type MailTransport = { kind: 'smtp'; send: (mail: QueuedMail) => Promise<void> } | null;

/** A transport for `smtpUrl` (nodemailer), writing as the site's sender. */
export function smtpTransport(smtpUrl: string, site: Site): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  const host = new URL(site.publicUrl).hostname;
  return {
    kind: 'smtp',
    send: async (mail) => {
      await transporter.sendMail({
        from: site.mailFrom,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.textBody,
        html: mail.htmlBody,
        // Stable: a mail sent again after a crash between sending and recording is the same mail.
        messageId: `<jalon-mail-${mail.id}@${host}>`,
        headers: { 'Content-Language': mail.locale, 'Auto-Submitted': 'auto-generated' },
        ...(mail.ics === null
          ? {}
          : {
              icalEvent: {
                method: /^METHOD:CANCEL\r?$/m.test(mail.ics) ? 'CANCEL' : 'REQUEST',
                filename: 'invitation.ics',
                content: mail.ics,
              },
            }),
      });
    },
  };
}

export interface DeliveryReport {
  sent: number;
  kept: number;
  retried: number;
  failed: number;
}

/**
 * Sends every mail due at `now()`, one after the other. A failure is recorded on the mail (its
 * error, its next attempt); it never stops the others.
 */
export async function deliverDueMails(
  db: Db,
  transport: MailTransport,
  log: Logger,
  now: () => Date = () => new Date(),
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, kept: 0, retried: 0, failed: 0 };
  for (;;) {
    const at = now();
    const mail = await claimDueMail(
      db,
      at.toISOString(),
      new Date(at.getTime() + CLAIM_MS).toISOString(),
    );
    if (!mail) return report;
    if (transport === null) {
      await markMailDone(db, mail.id, 'kept', now().toISOString());
      report.kept += 1;
      continue;
    }
    try {
      await transport.send(mail);
      await markMailDone(db, mail.id, 'sent', now().toISOString());
      report.sent += 1;
    } catch (error) {
      const delay = RETRY_DELAYS_MS[mail.attempts];
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = delay === undefined ? null : new Date(now().getTime() + delay).toISOString();
      await markMailAttemptFailed(db, mail.id, message, retryAt);
      // The address and the error, never the body: a reset mail carries a one-time link.
      log.warn(
        { mailId: mail.id, kind: mail.kind, attempt: mail.attempts + 1, retryAt, err: message },
        retryAt === null ? 'mail given up' : 'mail not sent, will retry',
      );
      if (retryAt === null) report.failed += 1;
      else report.retried += 1;
    }
  }
}

export interface Mailer {
  /** Runs one round now (reminders, then due mails) and resolves when it is done. */
  runOnce: () => Promise<DeliveryReport>;
  stop: () => void;
}

/**
 * Every `intervalMs` while the server runs: queues the reminders due, then sends the mails due.
 * Rounds never overlap; a failed round is logged and the next one tries again. The timer is
 * unref'd: it never keeps the process alive on its own.
 */
export function startMailer(
  db: Db,
  log: Logger,
  options: { transport: MailTransport; site: Site; intervalMs?: number; now?: () => Date },
): Mailer {
  const { transport, site, intervalMs = 2_000, now = () => new Date() } = options;
  let running: Promise<DeliveryReport> | null = null;
  const runOnce = () => {
    running ??= (async () => {
      try {
        const reminders = await queueDueReminders(db, site, now());
        if (reminders > 0) log.info({ reminders }, 'update reminders queued');
        return await deliverDueMails(db, transport, log, now);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => {
    runOnce().catch((error: unknown) => log.error({ err: error }, 'mail round failed'));
  }, intervalMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
