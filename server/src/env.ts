import { resolve } from 'node:path';
import { z } from 'zod';

// The only module that reads process.env.
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  JALON_DB: z.string().default('data/jalon.sqlite'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set to "true" behind HTTPS so the session cookie is marked Secure. */
  JALON_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Where the built client lives; the server serves it when present. */
  JALON_CLIENT_DIST: z.string().optional(),
  /** Password for `jalon user add`, kept out of the command line (and so of shell history and ps). */
  JALON_NEW_USER_PASSWORD: z.string().optional(),
  /** The working directory pnpm was called from, so relative paths mean what the user meant. */
  INIT_CWD: z.string().optional(),
});

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
