import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isPostgresUrl, type DatabaseConfig } from '@jalon/db';
import { parseMailbox } from './site';

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'an http(s) address such as https://jalon.example.gouv.fr' })
  .optional();

// The only module that reads process.env.
const schema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Only this machine by default: the demo prints its password at start. */
    HOST: z.string().min(1).default('127.0.0.1'),
    /** The database file, relative to where the command ran; unset: see `databaseConfig`. */
    JALON_DB: z.string().min(1).optional(),
    /**
     * A PostgreSQL server instead of the file (postgres://user:password@host:5432/jalon), for
     * several instances of Jalon sharing one database.
     */
    JALON_DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'a postgres:// address' })
      .optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Set to "true" behind HTTPS so the session cookie is marked Secure. */
    JALON_SECURE_COOKIES: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /**
     * Which reverse proxies to believe about the client's address (X-Forwarded-For), as Express's
     * `trust proxy`: the number of proxies in front (`1`), or their addresses or subnets,
     * comma-separated (`10.0.0.5`, `loopback`). Unset: none, the connection's address counts.
     * `true` (believe anyone) is refused: any client could then pick its own address and escape
     * sign-in throttling.
     */
    JALON_TRUST_PROXY: z
      .string()
      .trim()
      .refine((v) => v !== 'true', 'name the proxies or their number, not "true"')
      .optional()
      .transform((v) =>
        v === undefined || v === '' || v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v,
      ),
    /** Where the built client lives; the server serves it when present. */
    JALON_CLIENT_DIST: z.string().optional(),
    /** Password for `jalon user add`, kept out of the command line (and so of shell history and ps). */
    JALON_NEW_USER_PASSWORD: z.string().optional(),
    /**
     * The address users reach Jalon at (https://jalon.example.gouv.fr): mails link back to it and the
     * OpenID provider returns to it. Unset: http://HOST:PORT.
     */
    JALON_PUBLIC_URL: httpUrl,
    /**
     * The SMTP server mails leave through (smtp://user:password@host:587, smtps://… for TLS from the
     * start). Unset: mails stay in the outbox, which administrators read in the app.
     */
    JALON_SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// address' })
      .optional(),
    /** Who mails come from: "Jalon <jalon@example.gouv.fr>" or a bare address. */
    JALON_MAIL_FROM: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v.trim() === '') return undefined;
        const mailbox = parseMailbox(v);
        if (!mailbox)
          ctx.addIssue({
            code: 'custom',
            message: 'an address such as Jalon <jalon@example.gouv.fr>',
          });
        return mailbox ?? undefined;
      }),
    /** The OpenID Connect provider (ProConnect's issuer URL); with the two below, or none of them. */
    JALON_OIDC_ISSUER: httpUrl,
    JALON_OIDC_CLIENT_ID: z.string().min(1).optional(),
    JALON_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** The working directory pnpm was called from, so relative paths mean what the user meant. */
    INIT_CWD: z.string().optional(),
  })
  .refine((env) => env.JALON_DB === undefined || env.JALON_DATABASE_URL === undefined, {
    path: ['JALON_DATABASE_URL'],
    message: 'set JALON_DB (a file) or JALON_DATABASE_URL (PostgreSQL), not both',
  })
  .refine(
    (env) =>
      [env.JALON_OIDC_ISSUER, env.JALON_OIDC_CLIENT_ID, env.JALON_OIDC_CLIENT_SECRET].every(
        (v) => v === undefined,
      ) ||
      [env.JALON_OIDC_ISSUER, env.JALON_OIDC_CLIENT_ID, env.JALON_OIDC_CLIENT_SECRET].every(
        (v) => v !== undefined,
      ),
    {
      path: ['JALON_OIDC_ISSUER'],
      message: 'set JALON_OIDC_ISSUER, JALON_OIDC_CLIENT_ID and JALON_OIDC_CLIENT_SECRET together',
    },
  );

export type Env = z.infer<typeof schema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${fields}`);
  }
  return parsed.data;
}

/** Resolves a user-supplied path against the directory the user ran pnpm from. */
export function resolveUserPath(env: Env, path: string): string {
  return path === ':memory:' ? path : resolve(env.INIT_CWD ?? process.cwd(), path);
}

/** The folder holding pnpm-workspace.yaml, wherever pnpm runs from. */
export const WORKSPACE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The database when neither `--db` nor JALON_DB names one, relative to the workspace root. */
export const DEFAULT_DATABASE = 'data/jalon.sqlite';

/**
 * The database: `explicit` (the CLI's `--db`, a file or a postgres:// address), else
 * JALON_DATABASE_URL's PostgreSQL server, else JALON_DB's file; files are relative to where the
 * user ran the command. Else the workspace's own `data/jalon.sqlite`, so that a command run from a
 * subfolder finds the database rather than silently creating another one there.
 */
export function databaseConfig(env: Env, explicit?: string): DatabaseConfig {
  const location = explicit ?? env.JALON_DATABASE_URL ?? env.JALON_DB;
  if (location !== undefined && isPostgresUrl(location)) return { kind: 'postgres', url: location };
  return {
    kind: 'sqlite',
    file:
      location === undefined
        ? resolve(WORKSPACE_ROOT, DEFAULT_DATABASE)
        : resolveUserPath(env, location),
  };
}
