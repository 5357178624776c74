import { randomUUID } from 'node:crypto';
import type { Db } from '@jalon/db';
import type { Logger } from './logger';
import type { Principal } from './auth/permissions';

/** How a procedure sets or clears the session cookie, without knowing about HTTP. */
export interface SessionCookieJar {
  set(token: string, expires: Date): void;
  clear(): void;
}

/**
 * The request-free context every procedure sees. Tests build it directly with a real database and
 * a principal; the HTTP layer builds it from the request's cookie.
 */
export interface Context {
  db: Db;
  user: Principal | null;
  /** Hash of the session token, when the caller came with a valid session. */
  sessionId: string | null;
  requestId: string;
  clientIp: string;
  log: Logger;
  cookies: SessionCookieJar;
  now: () => Date;
}

const noCookies: SessionCookieJar = { set: () => undefined, clear: () => undefined };

export function createInnerContext(
  opts: Pick<Context, 'db' | 'log'> & Partial<Omit<Context, 'db' | 'log'>>,
): Context {
  return {
    user: null,
    sessionId: null,
    requestId: randomUUID(),
    clientIp: '127.0.0.1',
    cookies: noCookies,
    now: () => new Date(),
    ...opts,
  };
}
