import type { APIRequestContext } from '@playwright/test';
import type { CaughtMail } from './mailCatcher';

/** The port of the run's Jalon server; the mail catcher listens on the next two. */
export const E2E_PORT = Number(process.env.JALON_E2E_PORT ?? 4310);
/** Where the specs read the mails Jalon sent during the run (e2e/support/mailCatcher.ts). */
export const MAIL_CATCHER_URL = `http://127.0.0.1:${E2E_PORT + 2}`;

export type { CaughtMail };

/** Every mail the run's SMTP server has accepted so far. */
export async function caughtMails(request: APIRequestContext): Promise<CaughtMail[]> {
  const response = await request.get(`${MAIL_CATCHER_URL}/messages`);
  return (await response.json()) as CaughtMail[];
}
