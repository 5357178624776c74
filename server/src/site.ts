import type { Env } from './env';

/**
 * Where Jalon is reached and how it writes: what mails need to link back to the right screen and
 * sign their calendar invitations, and whether users may sign in through an OpenID provider.
 */
export interface Site {
  /** The address users reach Jalon at, without a trailing slash (`JALON_PUBLIC_URL`). */
  publicUrl: string;
  /** Who mails come from (`JALON_MAIL_FROM`). */
  mailFrom: { name: string; email: string };
  /** Whether "S'identifier avec ProConnect" is offered (`JALON_OIDC_*` set). */
  oidcEnabled: boolean;
}

export const DEFAULT_SITE: Site = {
  publicUrl: 'http://localhost:3000',
  mailFrom: { name: 'Jalon', email: 'jalon@localhost' },
  oidcEnabled: false,
};

/** "Jalon <jalon@example.org>" or a bare address. */
export function parseMailbox(value: string): { name: string; email: string } | null {
  const named = /^\s*"?([^"<>]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value);
  if (named) return { name: named[1]!.trim() || 'Jalon', email: named[2]!.toLowerCase() };
  const bare = /^\s*([^<>\s"]+@[^<>\s"]+)\s*$/.exec(value);
  return bare ? { name: 'Jalon', email: bare[1]!.toLowerCase() } : null;
}

export function siteFromEnv(env: Env): Site {
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  return {
    publicUrl: (env.JALON_PUBLIC_URL ?? `http://${host}:${env.PORT}`).replace(/\/+$/, ''),
    mailFrom: env.JALON_MAIL_FROM ?? {
      name: 'Jalon',
      email: `jalon@${new URL(env.JALON_PUBLIC_URL ?? 'http://localhost').hostname}`,
    },
    oidcEnabled: env.JALON_OIDC_ISSUER !== undefined,
  };
}
