import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on a free loopback port that keeps every message it accepts, parsed. While
 * `failing` is set it refuses messages with a temporary error (451), as a server in trouble does.
 */
export interface SmtpCapture {
  url: string;
  messages: ParsedMail[];
  /** Envelope recipients, one list per message. */
  envelopes: string[][];
  failing: boolean;
  /** Resolves once `count` messages have arrived (no timer: the test's own timeout bounds it). */
  waitFor: (count: number) => Promise<ParsedMail[]>;
  close: () => Promise<void>;
}

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const waiters: { count: number; resolve: () => void }[] = [];
  const capture: SmtpCapture = {
    url: '',
    messages: [],
    envelopes: [],
    failing: false,
    waitFor: (count) =>
      new Promise((resolve) => {
        const check = () => resolve(capture.messages.slice(0, count));
        if (capture.messages.length >= count) check();
        else waiters.push({ count, resolve: check });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      if (capture.failing) {
        stream.resume();
        stream.on('end', () => {
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          callback(error);
        });
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          capture.messages.push(mail);
          capture.envelopes.push(session.envelope.rcptTo.map((r) => r.address));
          for (const waiter of waiters.filter((w) => capture.messages.length >= w.count)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve();
          }
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  capture.url = `smtp://127.0.0.1:${port}`;
  return capture;
}
