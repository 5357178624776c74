import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/http';
import { buildWorld, type World } from './support/world';

// Sign-in through a real OpenID Connect provider (oidc-provider, run by the test as ProConnect
// would be): the browser's redirects are followed by hand, cookie by cookie, so that each check
// of the callback (state, nonce, code, client) can be attacked on its own.

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function listen(): Promise<{ server: Server; url: string; handle: (h: Handler) => void }> {
  let handler: Handler = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, handle: (h) => (handler = h) };
}

/** A browser's cookies, by name (every server here is on 127.0.0.1). */
class Browser {
  cookies = new Map<string, string>();
  async get(url: string): Promise<Response> {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'accept-language': 'fr',
      },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      if (/expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name!);
      else this.cookies.set(name!, value.join('='));
    }
    return response;
  }
  /** Follows redirects until the one back to `callbackPrefix`, returned without following it. */
  async signInAtProvider(startUrl: string, callbackPrefix: string): Promise<string> {
    let url = startUrl;
    for (let hop = 0; hop < 10; hop += 1) {
      const response = await this.get(url);
      const location = response.headers.get('location');
      if (!location) throw new Error(`no redirect from ${url}: ${response.status}`);
      url = new URL(location, url).href;
      if (url.startsWith(callbackPrefix)) return url;
    }
    throw new Error('too many redirects');
  }
}

const log = pino({ level: 'silent' });
let provider: { server: Server; url: string; handle: (h: Handler) => void };
let jalon: { server: Server; url: string; handle: (h: Handler) => void };
let otherJalon: { server: Server; url: string; handle: (h: Handler) => void };
let world: World;
/** Who signs in at the provider next: an account id, whose email is below. */
let nextAccount = 'agent-lead';
const EMAILS: Record<string, string> = {
  'agent-lead': 'LEAD@World.Test',
  'agent-unknown': 'personne@example.org',
};

beforeAll(async () => {
  [provider, jalon, otherJalon] = await Promise.all([listen(), listen(), listen()]);
  const client = (clientId: string) => ({
    client_id: clientId,
    client_secret: `secret-of-${clientId}`,
    // Both clients return to the same Jalon address: what tells them apart is the client id.
    redirect_uris: [`${jalon.url}/auth/oidc/callback`],
    post_logout_redirect_uris: [`${jalon.url}/`],
    token_endpoint_auth_method: 'client_secret_post' as const,
    // As ProConnect: the email comes from a signed (JWT) UserInfo response, not the ID token.
    userinfo_signed_response_alg: 'RS256' as const,
  });
  const configuration: Configuration = {
    clients: [client('jalon'), client('other-service')],
    scopes: ['openid', 'email', 'given_name', 'usual_name'],
    claims: {
      email: ['email', 'email_verified'],
      given_name: ['given_name'],
      usual_name: ['usual_name'],
    },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, email: EMAILS[sub], email_verified: true, given_name: 'Agent' }),
    }),
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      jwtUserinfo: { enabled: true },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // First-party clients: the agent is not asked to consent.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email given_name usual_name');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['oidc-test-cookie-key'] },
  };
  const oidc = new Provider(provider.url, configuration);
  const callback = oidc.callback();
  provider.handle((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      // The agent signs in at the provider as `nextAccount`.
      void oidc.interactionFinished(req, res, { login: { accountId: nextAccount } });
      return;
    }
    void callback(req, res);
  });
});

afterAll(async () => {
  for (const s of [provider, jalon, otherJalon]) {
    s.server.closeAllConnections();
    await new Promise((resolve) => s.server.close(resolve));
  }
});

beforeEach(async () => {
  await world?.db.destroy();
  world = await buildWorld();
  nextAccount = 'agent-lead';
  const app = (clientId: string) =>
    createApp({
      db: world.db,
      log,
      secureCookies: false,
      site: {
        publicUrl: jalon.url,
        mailFrom: { name: 'Jalon', email: 'jalon@example.org' },
        oidcEnabled: true,
      },
      oidc: {
        issuer: provider.url,
        clientId,
        clientSecret: `secret-of-${clientId}`,
        allowInsecure: true,
      },
    });
  jalon.handle(app('jalon'));
  otherJalon.handle(app('other-service'));
});

const CALLBACK = () => `${jalon.url}/auth/oidc/callback`;

async function whoAmI(browser: Browser): Promise<string | null> {
  const response = await browser.get(`${jalon.url}/trpc/auth.session`);
  const body = (await response.json()) as { result: { data: { email: string } | null } };
  return body.result.data?.email ?? null;
}

describe('sign-in through an OpenID provider', () => {
  it('offers ProConnect on the sign-in page and signs the agent in with their verified email', async () => {
    const browser = new Browser();
    const options = await browser.get(`${jalon.url}/trpc/auth.signInOptions`);
    expect(await options.json()).toEqual({ result: { data: { oidc: true } } });

    const login = await browser.get(`${jalon.url}/auth/oidc/login`);
    expect(login.status).toBe(303);
    const authorize = new URL(login.headers.get('location')!);
    expect(authorize.origin).toBe(provider.url);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: 'jalon',
      response_type: 'code',
      code_challenge_method: 'S256',
      redirect_uri: CALLBACK(),
    });
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(authorize.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);

    const callback = await browser.signInAtProvider(authorize.href, CALLBACK());
    const back = await browser.get(callback);
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/');
    // The provider wrote "LEAD@World.Test": the account is found whatever the case.
    expect(await whoAmI(browser)).toBe('lead@world.test');

    // Signing out of Jalon leads to the provider's sign-out, which returns to Jalon.
    const logout = await fetch(`${jalon.url}/trpc/auth.logout`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `jalon_session=${browser.cookies.get('jalon_session')}`,
      },
      body: '{}',
    });
    const { redirectTo } = ((await logout.json()) as { result: { data: { redirectTo: string } } })
      .result.data;
    const endSession = new URL(redirectTo);
    expect(endSession.origin).toBe(provider.url);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${jalon.url}/`);
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(await whoAmI(browser)).toBeNull();
  });

  it('refuses, with a page that says why, an agent without a Jalon account', async () => {
    nextAccount = 'agent-unknown';
    const browser = new Browser();
    const callback = await browser.signInAtProvider(`${jalon.url}/auth/oidc/login`, CALLBACK());
    const refused = await browser.get(callback);
    expect(refused.status).toBe(403);
    const page = await refused.text();
    expect(page).toContain('Aucun compte Jalon n’existe pour cette adresse');
    expect(browser.cookies.has('jalon_session')).toBe(false);
  });

  it('refuses a forged state, and a callback played twice', async () => {
    const browser = new Browser();
    const callback = new URL(
      await browser.signInAtProvider(`${jalon.url}/auth/oidc/login`, CALLBACK()),
    );
    const forged = new URL(callback);
    forged.searchParams.set('state', 'a-state-this-browser-was-never-given-0000');
    const refused = await browser.get(forged.href);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('a expiré ou a déjà servi');
    expect(browser.cookies.has('jalon_session')).toBe(false);

    // The genuine callback, then the same one replayed (same code, same state).
    const second = new Browser();
    const genuine = await second.signInAtProvider(`${jalon.url}/auth/oidc/login`, CALLBACK());
    const stateCookie = second.cookies.get('jalon_oidc_state')!;
    expect((await second.get(genuine)).status).toBe(303);
    second.cookies.set('jalon_oidc_state', stateCookie);
    second.cookies.delete('jalon_session');
    const replayed = await second.get(genuine);
    expect(replayed.status).toBe(400);
    expect(second.cookies.has('jalon_session')).toBe(false);
  });

  it('refuses a code the provider issued to another client (wrong audience)', async () => {
    // The sign-in begins at a service registered as "other-service" sharing Jalon's database and
    // address; its code comes back to Jalon, registered as "jalon".
    const browser = new Browser();
    const callback = await browser.signInAtProvider(
      `${otherJalon.url}/auth/oidc/login`,
      CALLBACK(),
    );
    const refused = await browser.get(callback);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('n’a pas confirmé votre identité');
    expect(browser.cookies.has('jalon_session')).toBe(false);
  });
});
