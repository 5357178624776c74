import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect } from 'vitest';
import { pino } from 'pino';
import { parse } from 'csv-parse/sync';
import { createApp } from '../../src/http';
import { buildWorld, WORLD_PASSWORD, type World, type WorldUser } from './world';

/** The Express app on a world, listening on a free local port. */
export interface RunningApp {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  base: string;
  close: () => Promise<void>;
}

/** Starts the app on the world's database, silent, with plain cookies and "now" at noon UTC of the world's today. */
export async function startApp(world: World): Promise<RunningApp> {
  const app = createApp({
    db: world.db,
    log: pino({ level: 'silent' }),
    secureCookies: false,
    now: () => new Date(`${world.today}T12:00:00.000Z`),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Signs a world user in over HTTP; the session cookie (`name=value`) to send back. */
export async function signInAs(base: string, user: WorldUser): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${user.toLowerCase()}@world.test`, password: WORLD_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** GET `<base>/api/<path>`, with the cookie when there is one. */
export const getApi = (base: string, path: string, cookie?: string) =>
  fetch(`${base}/api/${path}`, { headers: cookie ? { cookie } : {} });

/** GET a CSV download, `<base>/api/export/<path>`. */
export const download = (base: string, path: string, cookie?: string) =>
  getApi(base, `export/${path}`, cookie);

/** The body's bytes as text, BOM kept (Response.text() would drop it). */
export async function rawText(res: Response): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
}

export type CsvRow = Record<string, string>;

/**
 * Parses a downloaded file into records keyed by header: `excel-fr` (BOM, ";", CRLF) or
 * `rfc4180` (","). A BOM is skipped either way.
 */
export function parseCsv(text: string, profile: 'excel-fr' | 'rfc4180' = 'excel-fr'): CsvRow[] {
  const delimiter = profile === 'rfc4180' ? ',' : ';';
  return parse(text, { bom: true, columns: true, delimiter, record_delimiter: '\r\n' });
}

/**
 * For a test file over HTTP: before each test a fresh world (handed to `useWorld`) and the app
 * serving it; after each, the app closed and the database destroyed. Requests go to that app.
 */
export function serveWorldEachTest(useWorld: (world: World) => void) {
  let served: { world: World; app: RunningApp } | undefined;
  beforeEach(async () => {
    const world = await buildWorld();
    useWorld(world);
    served = { world, app: await startApp(world) };
  });
  afterEach(async () => {
    await served?.app.close();
    await served?.world.db.destroy();
    served = undefined;
  });
  const base = () => {
    if (!served) throw new Error('No app is served outside a test');
    return served.app.base;
  };
  return {
    /** The served app's address, for requests the helpers below do not make. */
    base,
    signIn: (user: WorldUser) => signInAs(base(), user),
    /** GET `/api/<path>`. */
    get: (path: string, cookie?: string) => getApi(base(), path, cookie),
    /** GET `/api/export/<path>`. */
    download: (path: string, cookie?: string) => download(base(), path, cookie),
  };
}
