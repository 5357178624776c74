import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout; secrets (passwords, cookies, tokens) are redacted wherever they appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'password',
        '*.password',
        'input.password',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'token',
        '*.token',
      ],
      censor: '[redacted]',
    },
  });
}
