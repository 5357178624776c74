import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pino } from 'pino';
import type { z } from 'zod';
import { createApp } from '../src/http';
import { appRouter } from '../src/routers/_app';
import { LOCALES } from '@jalon/shared';
import { EXPORT_TABLES } from '../src/exports/tables';
import { EXPORT_HEADERS } from '../src/exports/headers';
import { PLAN_TABLE_HEADERS } from '../src/exports/planTables';
import { IMPORT_KINDS } from '../src/import/importers';
import { buildWorld, type World } from './support/world';
import { signInAs } from './support/http';
import { FUZZ_SETTINGS, procedureInput } from './support/fuzzInputs';

/**
 * The fuzz suite of the HTTP routes, through the real Express app on loopback: tRPC queries (GET)
 * and mutations (POST), single and batched, with inputs generated from the procedures' schemas
 * and with raw bodies no client would send; the CSV exports with query strings generated from
 * their filters; the meeting summary; /health; the client's static files and the SPA fallback.
 * Every answer must be below 500 and carry no stack trace or file path.
 *
 * `JALON_FUZZ_RUNS` scales the number of requests (four per run and route), `JALON_FUZZ_SEED`
 * replays a failure (see FUZZ_SETTINGS).
 */

const { runs: RUNS, seed: SEED } = FUZZ_SETTINGS;
const REQUESTS_PER_ROUTE = RUNS * 4;

interface FuzzRequest {
  method: string;
  /** Path and query, sent as written (invalid percent-encodings included). */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Whether to send the signed-in administrator's session cookie. */
  signedIn: boolean;
}

// At run time `_def.procedures` is flat, keyed by dotted path.
const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string; inputs: z.ZodType[] } }
>;
const paths = Object.keys(procedures).sort();
const queries = paths.filter((p) => procedures[p]?._def.type === 'query');
const mutations = paths.filter((p) => procedures[p]?._def.type === 'mutation');

const inputOf = (path: string) => procedureInput(procedures[path]?._def.inputs ?? []);

/** A path segment or query value no client would send. */
const RAW_PIECES = [
  '%ZZ',
  '%',
  '%00',
  '%C3%28',
  '%E2%82',
  '%2e%2e%2f',
  '..',
  '',
  ' ',
  '%20',
  '1e3',
  '-1',
  '0',
  '1.5',
  '9'.repeat(40),
  'é',
  encodeURIComponent('🇫🇷'),
  'x'.repeat(5_000),
];
const rawPiece = fc.constantFrom(...RAW_PIECES);

/** A JSON text, or an encoded text that is not JSON, for a body or an `input` parameter. */
const jsonOrJunk = (value: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 4, arbitrary: value.map((v) => JSON.stringify(v) ?? '') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        'null',
        '[]',
        '"text"',
        '{',
        '{"0":',
        'not json',
        '1e400',
        '{"__proto__":{"admin":true}}',
        '{"a":1,"a":2}',
        '"\\ud800"',
        '\ufeff{}',
        '['.repeat(20_000) + ']'.repeat(20_000),
        '{"a":'.repeat(10_000) + '0' + '}'.repeat(10_000),
        `{"json":${'{"a":'.repeat(3_000)}0${'}'.repeat(3_001)}`,
      ),
    },
  );

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
];

/** Headers that vary: the content type, a broken cookie, a range, a forwarded address. */
const headers = fc.record(
  {
    'content-type': fc.constantFrom(...CONTENT_TYPES),
    cookie: fc.constantFrom(
      'jalon_session=%ZZ',
      'jalon_session=',
      `jalon_session=${'a'.repeat(4_000)}`,
    ),
    range: fc.constantFrom('bytes=abc', 'bytes=0-0', 'bytes=99999-'),
    'x-forwarded-for': fc.constantFrom('not-an-ip', '::1, 10.0.0.1', ''),
    'accept-encoding': fc.constantFrom('gzip', 'br', 'identity;q=0', '*'),
  },
  { requiredKeys: [] },
);

const query = (pairs: [string, string][]) =>
  pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`;

/** tRPC queries over GET, alone or batched, with a generated or broken `input`. */
const trpcGet: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.array(fc.constantFrom(...queries), { minLength: 1, maxLength: 3 }),
    fc.boolean(),
    fc.boolean(),
  )
  .chain(([batch, batched, signedIn]) =>
    fc
      .oneof(
        {
          weight: 6,
          arbitrary: jsonOrJunk(
            fc
              .tuple(...batch.map((path) => inputOf(path)))
              .map((inputs) =>
                batched ? Object.fromEntries(inputs.map((v, i) => [String(i), v])) : inputs[0],
              ),
          ).map(encodeURIComponent),
        },
        { weight: 1, arbitrary: rawPiece },
        { weight: 1, arbitrary: fc.constant('%5B'.repeat(4_000)) },
      )
      .map((encoded) => ({
        method: 'GET',
        url: `/trpc/${batched ? batch.join(',') : (batch[0] ?? '')}${query([
          ...(batched ? [['batch', '1'] as [string, string]] : []),
          ['input', encoded],
        ])}`,
        signedIn,
      })),
  );

/** tRPC mutations over POST, alone or batched, with a generated or raw body and odd headers. */
const trpcPost: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.array(fc.constantFrom(...mutations, ...queries.slice(0, 2)), { minLength: 1, maxLength: 3 }),
    fc.boolean(),
    fc.boolean(),
  )
  .chain(([batch, batched, signedIn]) =>
    fc
      .tuple(
        jsonOrJunk(
          fc
            .tuple(...batch.map((path) => inputOf(path)))
            .map((inputs) =>
              batched ? Object.fromEntries(inputs.map((v, i) => [String(i), v])) : inputs[0],
            ),
        ),
        fc.option(headers, { freq: 3 }),
        fc.constantFrom('POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE'),
      )
      .map(([body, extra, method]) => ({
        method,
        url: `/trpc/${batched ? batch.join(',') : (batch[0] ?? '')}${batched ? '?batch=1' : ''}`,
        headers: { 'content-type': 'application/json', ...(extra ?? {}) },
        body,
        signedIn,
      })),
  );

/** Bodies past the limits, and bodies in another encoding than they claim. */
const trpcOddBodies: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.constantFrom(...mutations),
    fc.constantFrom<string | Uint8Array>(
      `{"name":"${'x'.repeat(1_100_000)}"}`,
      Uint8Array.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]),
      Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
      '{"0":{}}'.repeat(1_000),
      JSON.stringify(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [String(i), {}]))),
    ),
    fc.constantFrom(...CONTENT_TYPES),
    fc.boolean(),
  )
  .map(([path, body, contentType, batched]): FuzzRequest => ({
    method: 'POST',
    url: `/trpc/${path}${batched ? '?batch=1' : ''}`,
    headers: contentType === '' ? {} : { 'content-type': contentType },
    body,
    signedIn: true,
  }));

/**
 * A value as the text of one query parameter: objects and arrays as JSON (`String` throws on an
 * object without a prototype, which the fuzzer generates), anything else as `String` makes it.
 */
function asText(value: unknown): string {
  if (typeof value !== 'object' || value === null) {
    return typeof value === 'symbol' || typeof value === 'function'
      ? value.toString()
      : String(value);
  }
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    // A BigInt somewhere inside: JSON has no number for it.
    return Object.prototype.toString.call(value);
  }
}

/** Text as a URL carries it: a lone surrogate half, which no URL can hold, becomes U+FFFD. */
const encode = (text: string) => encodeURIComponent(text.replace(/\p{Surrogate}/gu, '\uFFFD'));

/** A value as query parameters: arrays repeat their key, objects and nulls become text. */
function toPairs(input: unknown): [string, string][] {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return [['input', encode(asText(input))]];
  return Object.entries(input).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((v): [string, string] => [
      encode(key),
      encode(asText(v)),
    ]),
  );
}

const exportNames = Object.keys(EXPORT_TABLES) as (keyof typeof EXPORT_TABLES)[];

/** CSV downloads with filters generated from each table's schema, format options, raw pieces. */
const csvExport: fc.Arbitrary<FuzzRequest> = fc
  .tuple(fc.constantFrom(...exportNames, 'nothing', '%ZZ'), fc.boolean())
  .chain(([name, signedIn]) =>
    fc
      .tuple(
        name in EXPORT_TABLES
          ? procedureInput([EXPORT_TABLES[name as keyof typeof EXPORT_TABLES].schema])
          : fc.constant({}),
        fc.array(
          fc.tuple(fc.constantFrom('lang', 'profile', 'limit', 'sort', 'x', '%ZZ'), rawPiece),
          { maxLength: 3 },
        ),
        fc.constantFrom('', '&lang=de', '&profile=rfc4180', '&lang=xx', '&profile=%ZZ'),
      )
      .map(([input, raw, format]) => ({
        method: 'GET',
        url: `/api/export/${name}.csv${query([...toPairs(input), ...raw])}${format}`,
        signedIn,
      })),
  );

/** The meeting summary, with ids that exist, do not, or are not ids. */
const meetingSummary: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 5 }).map(String), rawPiece),
    fc.constantFrom('', '?lang=en', '?profile=rfc4180', '?lang=%ZZ', '?profile=x'),
    fc.boolean(),
  )
  .map(([id, search, signedIn]) => ({
    method: 'GET',
    url: `/api/meetings/${id}/summary.csv${search}`,
    signedIn,
  }));

/** /health, the static files, the SPA fallback and addresses that lead nowhere. */
const otherRoutes: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(
        '/health',
        '/health?x=%ZZ',
        '/',
        '/index.html',
        '/assets/app.js',
        '/assets/missing.js',
        '/plans/1',
        '/%ZZ',
        '/assets/%ZZ',
        '/..%2f..%2fetc%2fpasswd',
        '/assets/..%5c..%5cpackage.json',
        '/%00',
        '/%C3%28',
        `/${'a'.repeat(3_000)}`,
        '/trpc',
        '/trpc/',
        '/trpc/%ZZ',
        '/trpc/nothing.here',
        '/api',
        '/api/export/',
        '/api/meetings//summary.csv',
      ),
      rawPiece.map((piece) => `/${piece}`),
    ),
    fc.constantFrom('GET', 'GET', 'HEAD', 'POST', 'OPTIONS', 'DELETE'),
    fc.option(headers, { freq: 2 }),
    fc.boolean(),
  )
  .map(([url, method, extra, signedIn]) => ({
    method,
    url,
    headers: extra ?? {},
    ...(method === 'POST' ? { body: '{' } : {}),
    signedIn,
  }));

/** Column names an import reads, in every language, and some it does not. */
const IMPORT_HEADERS = [
  ...new Set(
    LOCALES.flatMap((lang) => [
      ...Object.values(EXPORT_HEADERS[lang].actions),
      ...Object.values(EXPORT_HEADERS[lang].plans),
      ...Object.values(PLAN_TABLE_HEADERS[lang].indicators),
      ...Object.values(PLAN_TABLE_HEADERS[lang].measurements),
    ]),
  ),
  'Colonne inconnue',
  '',
  '=1+1',
];
/** Cells as spreadsheets hold them, or as no one would type them. */
const importCell = fc.oneof(
  fc.constantFrom(
    '',
    'En cours',
    'Bloqué',
    'blocked',
    '120',
    '-5',
    '45,5',
    '1 234,5',
    '31/02/2026',
    '2026-13-01',
    '45717',
    '=1+1',
    "'=SUM(A1)",
    'Compétences',
    'État des lieux',
    'À la hausse',
    '1',
    '99999999999999999999',
    'x'.repeat(5_000),
  ),
  rawPiece,
  fc.string({ maxLength: 20 }),
);
/** A CSV whose header row mixes the columns an import reads with others, and a few rows. */
const importCsv = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...IMPORT_HEADERS), { minLength: 1, maxLength: 12 }),
    fc.constantFrom(';', ','),
    fc.integer({ min: 0, max: 6 }),
  )
  .chain(([columns, separator, rows]) =>
    fc
      .array(fc.array(importCell, { minLength: columns.length, maxLength: columns.length }), {
        minLength: rows,
        maxLength: rows,
      })
      .map((cells) =>
        [columns, ...cells]
          .map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(separator))
          .join('\r\n'),
      ),
  );

/** Imports: every kind and none, previews and imports, CSV tables, noise, odd options. */
const imports: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.constantFrom(...IMPORT_KINDS, 'nothing', '%ZZ'),
    fc.constantFrom('/preview', ''),
    fc.constantFrom('', '?territory=1', '?territory=0', '?territory=%ZZ', '?x=1', '?territory=1e3'),
    fc.oneof(
      { weight: 4, arbitrary: importCsv },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2_000 }) },
      { weight: 1, arbitrary: fc.constantFrom('', 'PK\u0003\u0004garbage', '{"a":1}') },
    ),
    fc.constantFrom(
      'application/octet-stream',
      'text/csv',
      'application/json',
      'multipart/form-data; boundary=x',
    ),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([kind, path, search, body, type, lines, signedIn]) => ({
    method: 'POST',
    url: `/api/import/${kind}${path}${search}`,
    headers: { 'content-type': type, ...(lines ? { accept: 'application/x-ndjson' } : {}) },
    body,
    signedIn,
  }));

/** What must never reach a client: a stack frame, a source path, a library's name. */
const LEAK = /\n\s+at |node_modules|\/src\/|\.ts:\d+|SqliteError|ZodError/;

let sent = 0;
afterAll(() => {
  console.info(`fuzz: ${sent} generated HTTP requests sent`);
});

describe('fuzzing every HTTP route', () => {
  let world: World;
  let base: string;
  let close: () => Promise<void>;
  let cookie: string;
  let dist: string;

  // One world and one app for every route: a world per route would cost more than its requests.
  beforeAll(async () => {
    world = await buildWorld();
    dist = mkdtempSync(join(tmpdir(), 'jalon-fuzz-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Jalon</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("jalon");');
    const app = createApp({
      db: world.db,
      log: pino({ level: 'silent' }),
      secureCookies: false,
      clientDist: dist,
      now: () => new Date(`${world.today}T12:00:00.000Z`),
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    cookie = await signInAs(base, 'admin');
  });
  afterAll(async () => {
    await close();
    await world.db.destroy();
    rmSync(dist, { recursive: true, force: true });
  });

  async function send(request: FuzzRequest): Promise<{ status: number; text: string }> {
    sent += 1;
    const res = await fetch(`${base}${request.url}`, {
      method: request.method,
      redirect: 'manual',
      headers: {
        ...(request.headers ?? {}),
        ...(request.signedIn && !request.headers?.cookie ? { cookie } : {}),
      },
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    const text = await res.text();
    // Signing out, or a change to the administrator, ends the session: sign in again.
    if (request.url.includes('auth.logout') || request.url.includes('user.update'))
      cookie = await signInAs(base, 'admin').catch(() => cookie);
    return { status: res.status, text };
  }

  const routes: [string, fc.Arbitrary<FuzzRequest>][] = [
    ['tRPC queries over GET, single and batched', trpcGet],
    ['tRPC mutations over POST, single and batched, raw bodies', trpcPost],
    ['tRPC bodies past the limits or in another encoding', trpcOddBodies],
    ['CSV exports', csvExport],
    ['the meeting summary', meetingSummary],
    ['imports of every kind', imports],
    ['/health, static files, SPA fallback, unknown addresses', otherRoutes],
  ];
  /** A request as a counterexample: long URLs and bodies cut, so that a failure stays readable. */
  const readable = (request: FuzzRequest) =>
    Object.assign(request, {
      [fc.toStringMethod]: () =>
        `${request.method} ${request.url.slice(0, 300)} ${JSON.stringify(request.headers ?? {})} ` +
        `${request.signedIn ? 'signed in' : 'no session'} body: ${
          typeof request.body === 'string'
            ? JSON.stringify(request.body.slice(0, 300)) +
              (request.body.length > 300 ? `… (${request.body.length} chars)` : '')
            : request.body === undefined
              ? 'none'
              : `bytes ${[...request.body].join(',')}`
        }`,
    });
  for (const [label, requests] of routes) {
    it(
      `${label}: no 5xx, no stack trace`,
      async () => {
        await fc.assert(
          fc.asyncProperty(requests.map(readable), async (request) => {
            const { status, text } = await send(request);
            expect(status, `${request.method} ${request.url.slice(0, 200)}`).toBeLessThan(500);
            expect(text.slice(0, 20_000)).not.toMatch(LEAK);
          }),
          {
            numRuns: label.includes('limits')
              ? Math.ceil(REQUESTS_PER_ROUTE / 4)
              : REQUESTS_PER_ROUTE,
            ...(SEED === undefined ? {} : { seed: SEED }),
            // A request is readable as it is; shrinking megabyte bodies would only take time.
            endOnFailure: true,
          },
        );
      },
      60_000 + REQUESTS_PER_ROUTE * 100,
    );
  }
});
