import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import express, { type Express, type Request, type Response } from 'express';
import helmet from 'helmet';
import compression from 'compression';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { pingDb, type Db } from '@jalon/db';
import type { Logger } from './logger';
import { DEFAULT_SITE, type Site } from './site';
import { createOidcRouter, type OidcProvider, type OidcSettings } from './auth/oidc';
import { appRouter } from './routers/_app';
import { createInnerContext, type Context, type SessionCookieJar } from './context';
import { principalForToken, SESSION_COOKIE } from './auth/sessions';
import { createExportRouter } from './exports/router';
import { createImportRouter } from './import/router';
import { errorHandler, notFound } from './httpErrors';
import {
  limitTrpcRequest,
  limitUrlLength,
  MAX_BATCH_CALLS,
  MAX_BODY,
  verifyJsonDepth,
} from './requestLimits';

export interface AppOptions {
  db: Db;
  log: Logger;
  secureCookies: boolean;
  /** Folder of the built client; served with an SPA fallback when it exists. */
  clientDist?: string | undefined;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For to believe (none by default). */
  trustProxy?: number | string | false;
  now?: () => Date;
  /** Where Jalon is reached and how it mails; the defaults suit a test or a local demo. */
  site?: Site;
  /** Sign-in through an OpenID provider (ProConnect), when configured. */
  oidc?: OidcSettings | undefined;
}

function cookieJar(res: Response, secure: boolean): SessionCookieJar {
  const base = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure };
  return {
    set: (token, expires) =>
      res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, token, { ...base, expires })),
    clear: () =>
      res.append(
        'Set-Cookie',
        serializeCookie(SESSION_COOKIE, '', { ...base, expires: new Date(0) }),
      ),
  };
}

/** The HTTP context: reads the session cookie, then builds the request-free inner context. */
async function createHttpContext(
  req: Request,
  res: Response,
  options: AppOptions,
  signIn: { site: Site; oidc: OidcProvider | null },
): Promise<Context> {
  const now = options.now ?? (() => new Date());
  const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
  const session = await principalForToken(options.db, token, now());
  const requestId = String(res.locals.requestId);
  return createInnerContext({
    db: options.db,
    log: options.log,
    user: session?.principal ?? null,
    sessionId: session?.sessionId ?? null,
    requestId,
    clientIp: req.ip ?? 'unknown',
    cookies: cookieJar(res, options.secureCookies),
    now,
    site: signIn.site,
    oidc: signIn.oidc,
  });
}

export function createApp(options: AppOptions): Express {
  const { db, log } = options;
  const app = express();
  app.disable('x-powered-by');
  // req.ip, which sign-in throttling counts by, is the client's only through trusted proxies.
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(helmet());
  // Gzip for the API's JSON, the CSV downloads and the client's files (threshold: 1 kB).
  app.use(compression());

  app.use((req, res, next) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // The path only: query strings of GET procedures may carry user input.
      log.info(
        {
          requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(ms),
        },
        'request',
      );
    });
    next();
  });
  app.use(limitUrlLength);

  app.get('/health', async (_req, res) => {
    try {
      await pingDb(db);
      res.json({ status: 'ok' });
    } catch (error) {
      log.error({ err: error }, 'health check failed');
      res.status(503).json({ status: 'unavailable' });
    }
  });

  const site = { ...(options.site ?? DEFAULT_SITE), oidcEnabled: options.oidc !== undefined };
  let oidc: OidcProvider | null = null;
  if (options.oidc) {
    const signIn = createOidcRouter({
      db,
      log,
      site,
      settings: options.oidc,
      secureCookies: options.secureCookies,
      now: options.now ?? (() => new Date()),
    });
    oidc = signIn.provider;
    app.use('/auth/oidc', signIn.router);
  }

  app.use(
    '/trpc',
    limitTrpcRequest,
    express.json({ limit: MAX_BODY, verify: verifyJsonDepth }),
    createExpressMiddleware({
      router: appRouter,
      maxBatchSize: MAX_BATCH_CALLS,
      createContext: ({ req, res }) => createHttpContext(req, res, options, { site, oidc }),
      onError({ error, path, ctx }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          log.error(
            { requestId: ctx?.requestId, path, err: error.cause ?? error },
            'unexpected error',
          );
        }
      },
    }),
  );

  app.use('/api/import', createImportRouter({ db, log, now: options.now ?? (() => new Date()) }));
  app.use('/api', createExportRouter({ db, log, now: options.now ?? (() => new Date()) }));

  const dist = options.clientDist;
  if (dist && existsSync(join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    app.get('/{*splat}', (_req, res, next) =>
      res.sendFile(join(dist, 'index.html'), (error) => {
        if (error) next(error);
      }),
    );
  }
  app.use(notFound);
  app.use(errorHandler(log));
  return app;
}
