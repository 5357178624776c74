import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import * as client from 'openid-client';
import {
  findSessionIdToken,
  findUserByEmail,
  insertOidcLogin,
  takeOidcLogin,
  type Db,
} from '@jalon/db';
import type { Locale } from '@jalon/shared';
import type { Logger } from '../logger';
import type { Site } from '../site';
import { hashToken, openSession, SESSION_COOKIE } from './sessions';

// Sign-in through an OpenID Connect provider (ProConnect, the State's federation; any provider in
// fact): authorization code with PKCE, state and nonce. openid-client checks the callback (state,
// issuer, audience, signature, expiry, nonce); Jalon then signs in the account with the verified
// email, or refuses: accounts are created by coordinators and administrators, never here.

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Plain-HTTP providers (a test's own provider on loopback); never in production. */
  allowInsecure?: boolean;
}

/** The provider, as the rest of Jalon sees it: where its sign-out goes. */
export interface OidcProvider {
  /** The provider's end-session address for a session opened through it; null when it has none. */
  endSessionUrl: (idToken: string) => Promise<string | null>;
}

export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';
/** Binds a sign-in to the browser that began it (login CSRF): holds its state for ten minutes. */
const STATE_COOKIE = 'jalon_oidc_state';
const LOGIN_MINUTES = 10;

const PAGES: Record<Locale, Record<'title' | 'back' | RefusalReason, string>> = {
  fr: {
    title: 'Connexion impossible',
    back: 'Retour à la page de connexion',
    no_account:
      'Aucun compte Jalon n’existe pour cette adresse, ou il est désactivé. Demandez à la coordination de votre territoire de vous inviter.',
    no_email: 'Le fournisseur d’identité n’a pas transmis d’adresse électronique vérifiée.',
    expired:
      'Cette tentative de connexion a expiré ou a déjà servi. Recommencez depuis la page de connexion.',
    refused: 'Le fournisseur d’identité n’a pas confirmé votre identité. Recommencez.',
    unavailable: 'Le fournisseur d’identité ne répond pas. Réessayez dans quelques minutes.',
  },
  en: {
    title: 'Sign-in failed',
    back: 'Back to the sign-in page',
    no_account:
      'No Jalon account exists for this address, or it is disabled. Ask your territory’s coordination to invite you.',
    no_email: 'The identity provider did not send a verified email address.',
    expired:
      'This sign-in attempt has expired or was used already. Start again from the sign-in page.',
    refused: 'The identity provider did not confirm your identity. Try again.',
    unavailable: 'The identity provider does not answer. Try again in a few minutes.',
  },
  de: {
    title: 'Anmeldung nicht möglich',
    back: 'Zurück zur Anmeldeseite',
    no_account:
      'Für diese Adresse gibt es kein Jalon-Konto, oder es ist deaktiviert. Bitten Sie die Koordination Ihres Gebiets um eine Einladung.',
    no_email: 'Der Identitätsanbieter hat keine bestätigte E-Mail-Adresse übermittelt.',
    expired:
      'Dieser Anmeldeversuch ist abgelaufen oder wurde bereits verwendet. Beginnen Sie erneut auf der Anmeldeseite.',
    refused: 'Der Identitätsanbieter hat Ihre Identität nicht bestätigt. Versuchen Sie es erneut.',
    unavailable:
      'Der Identitätsanbieter antwortet nicht. Versuchen Sie es in einigen Minuten erneut.',
  },
};

type RefusalReason = 'no_account' | 'no_email' | 'expired' | 'refused' | 'unavailable';

const languageOf = (req: Request): Locale => {
  const wanted = req.acceptsLanguages('fr', 'en', 'de');
  return wanted === 'en' || wanted === 'de' ? wanted : 'fr';
};

function refusalPage(req: Request, res: Response, status: number, reason: RefusalReason): void {
  const words = PAGES[languageOf(req)];
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="${languageOf(req)}"><head><meta charset="utf-8"><title>${words.title} – Jalon</title>` +
        `<meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
        `<body style="font-family:Arial,Helvetica,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5">` +
        `<h1>${words.title}</h1><p data-reason="${reason}">${words[reason]}</p><p><a href="/">${words.back}</a></p></body></html>`,
    );
}

export interface OidcRouterOptions {
  db: Db;
  log: Logger;
  site: Site;
  settings: OidcSettings;
  secureCookies: boolean;
  now: () => Date;
}

/** The provider's configuration, discovered once (and again after a failure). */
function discoverer(settings: OidcSettings): () => Promise<client.Configuration> {
  let config: Promise<client.Configuration> | null = null;
  return () => {
    config ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        client.ClientSecretPost(settings.clientSecret),
        settings.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        config = null;
        throw error;
      });
    return config;
  };
}

/** `/auth/oidc/login` and `/auth/oidc/callback`, and the provider's sign-out. */
export function createOidcRouter(options: OidcRouterOptions): {
  router: Router;
  provider: OidcProvider;
} {
  const { db, log, site, settings, now } = options;
  const configuration = discoverer(settings);
  const redirectUri = `${site.publicUrl}${OIDC_CALLBACK_PATH}`;
  const cookieBase = {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/auth/oidc',
    secure: options.secureCookies,
  };
  const router = Router();

  router.get('/login', async (req, res, next) => {
    let config: client.Configuration;
    try {
      config = await configuration();
    } catch (error) {
      log.error({ err: error }, 'OpenID provider discovery failed');
      refusalPage(req, res, 503, 'unavailable');
      return;
    }
    try {
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      const started = now();
      const expires = new Date(started.getTime() + LOGIN_MINUTES * 60_000);
      await insertOidcLogin(db, {
        id: hashToken(state),
        nonce,
        codeVerifier,
        createdAt: started.toISOString(),
        expiresAt: expires.toISOString(),
      });
      res.append('Set-Cookie', serializeCookie(STATE_COOKIE, state, { ...cookieBase, expires }));
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email given_name usual_name',
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      res.redirect(303, url.href);
    } catch (error) {
      next(error);
    }
  });

  router.get('/callback', async (req, res, next) => {
    try {
      const state = typeof req.query.state === 'string' ? req.query.state : '';
      const bound = parseCookies(req.headers.cookie ?? '')[STATE_COOKIE];
      res.append(
        'Set-Cookie',
        serializeCookie(STATE_COOKIE, '', { ...cookieBase, expires: new Date(0) }),
      );
      // The state must be the one this browser was given, and a sign-in serves once.
      const login =
        state !== '' && bound === state
          ? await takeOidcLogin(db, hashToken(state), now().toISOString())
          : null;
      if (!login) {
        log.info({ event: 'oidc_state_refused' }, 'OpenID callback with an unknown state');
        refusalPage(req, res, 400, 'expired');
        return;
      }
      let claims: client.IDToken | undefined;
      let idToken: string | undefined;
      let userinfoEmail: unknown;
      try {
        const config = await configuration();
        const tokens = await client.authorizationCodeGrant(
          config,
          new URL(req.originalUrl, site.publicUrl),
          {
            pkceCodeVerifier: login.codeVerifier,
            expectedState: state,
            expectedNonce: login.nonce,
          },
        );
        claims = tokens.claims();
        idToken = tokens.id_token;
        if (claims && typeof claims.email !== 'string') {
          const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
          userinfoEmail = info.email_verified === false ? undefined : info.email;
        }
      } catch (error) {
        // A forged or replayed code, a wrong audience or signature, an expired token…
        log.warn(
          { event: 'oidc_callback_refused', err: error instanceof Error ? error.message : error },
          'OpenID callback refused',
        );
        refusalPage(req, res, 400, 'refused');
        return;
      }
      const email =
        claims?.email_verified === false
          ? undefined
          : typeof claims?.email === 'string'
            ? claims.email
            : userinfoEmail;
      if (typeof email !== 'string' || email === '') {
        refusalPage(req, res, 403, 'no_email');
        return;
      }
      const user = await findUserByEmail(db, email);
      if (!user || user.disabledAt !== null) {
        log.info({ event: 'oidc_no_account' }, 'OpenID sign-in without a Jalon account');
        refusalPage(req, res, 403, 'no_account');
        return;
      }
      const session = await openSession(db, user.id, now(), idToken ?? null);
      res.append(
        'Set-Cookie',
        serializeCookie(SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure: options.secureCookies,
          expires: session.expires,
        }),
      );
      log.info({ event: 'oidc_signed_in', userId: user.id }, 'signed in through OpenID');
      res.redirect(303, '/');
    } catch (error) {
      next(error);
    }
  });

  const provider: OidcProvider = {
    endSessionUrl: async (idToken) => {
      const config = await configuration();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, {
        id_token_hint: idToken,
        post_logout_redirect_uri: `${site.publicUrl}/`,
        state: randomBytes(16).toString('base64url'),
      }).href;
    },
  };
  return { router, provider };
}

/** Where the browser goes after signing out of Jalon: the provider's sign-out for its sessions. */
export async function providerSignOutUrl(
  db: Db,
  provider: OidcProvider | null,
  sessionId: string,
  log: Logger,
): Promise<string | null> {
  if (!provider) return null;
  const idToken = await findSessionIdToken(db, sessionId);
  if (!idToken) return null;
  try {
    return await provider.endSessionUrl(idToken);
  } catch (error) {
    log.warn(
      { err: error instanceof Error ? error.message : error },
      'provider sign-out unavailable',
    );
    return null;
  }
}
