import { randomUUID } from 'node:crypto';
import type { Db } from '@jalon/db';
import type { Logger } from './logger';
import type { Principal } from './auth/permissions';
import { DEFAULT_SITE, type Site } from './site';
import type { OidcProvider } from './auth/oidc';

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
  /** Where Jalon is reached and how it mails (links in mails, calendar invitations). */
  site: Site;
  /** The OpenID provider users may sign in with; null when none is configured. */
  oidc: OidcProvider | null;
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
    site: DEFAULT_SITE,
    oidc: null,
    ...opts,
  };
}
