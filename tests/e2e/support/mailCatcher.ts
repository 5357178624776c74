import { createServer } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// The mail server of the end-to-end run: a real SMTP server that Jalon sends to (JALON_SMTP_URL),
// and a small HTTP endpoint where the specs read what arrived, parsed as a mail client would.
// Started by Playwright as one of its web servers (playwright.config.ts).

export interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** The text/calendar part, when the mail carries an invitation. */
  ics: string | null;
}

const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT);
const httpPort = Number(process.env.MAIL_CATCHER_HTTP_PORT);
const caught: CaughtMail[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream).then(
      (mail) => {
        caught.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
          ics:
            mail.attachments
              .find((a) => a.contentType === 'text/calendar')
              ?.content.toString('utf8') ?? null,
        });
        callback();
      },
      (error: Error) => callback(error),
    );
  },
});
smtp.listen(smtpPort, '127.0.0.1');

createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(req.url === '/messages' ? JSON.stringify(caught) : '{"status":"ok"}');
}).listen(httpPort, '127.0.0.1');
