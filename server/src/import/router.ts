import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { z } from 'zod';
import type { Db } from '@jalon/db';
import type { Logger } from '../logger';
import { principalForToken, SESSION_COOKIE } from '../auth/sessions';
import { createInnerContext } from '../context';
import type { AuthedContext } from '../trpc';
import { IMPORTERS, isImportKind, type ImportKind, type ImportOptions } from './importers';
import type { OnProgress } from './problems';
import { ImportFileError, MAX_IMPORT_BYTES, readTable, type ImportTable } from './readTable';

// The import over HTTP, for the import screen:
//
//   POST /api/import/<kind>/preview[?territory=<id>]   body: the file's bytes → 200 its preview
//   POST /api/import/<kind>[?territory=<id>]           body: the same bytes   → 200 its result
//
// for each kind of importers.ts: `actions`, `plans`, `indicators` and `measurements` (each
// module's …ImportPreview and …ImportResult). An unknown kind answers 404. `territory` is the
// territory of a territory file's rows that name none (the screen's territory).
// The body is the raw file, sent as `application/octet-stream` (or the .xlsx or .csv type),
// which no HTML form can send: a cross-site page cannot post an import with the user's cookie.
// Nothing is kept between the two calls: the second reads the file again and makes the preview
// again inside its transaction, so it writes what the user saw, or nothing if anything moved.
// A file that is not a table answers 400 (413 when too large) with `error.problem`, one of
// IMPORT_FILE_PROBLEMS, for the screen to word.

export interface ImportRouterOptions {
  db: Db;
  log: Logger;
  now: () => Date;
}

const FILE_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

function refuse(res: Response, status: number, problem: string, message: string): void {
  res.status(status).json({ error: { problem, message } });
}

/** The signed-in caller as a tRPC context, or null after answering 401. */
async function caller(
  req: Request,
  res: Response,
  options: ImportRouterOptions,
): Promise<AuthedContext | null> {
  const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
  const session = await principalForToken(options.db, token, options.now());
  if (!session) {
    refuse(res, 401, 'unauthorized', 'Sign in to import a file');
    return null;
  }
  return {
    ...createInnerContext({ db: options.db, log: options.log, now: options.now }),
    requestId: String(res.locals.requestId),
    user: session.principal,
    sessionId: session.sessionId,
  };
}

/** The uploaded table, or null after answering 400 or 415. */
async function uploadedTable(req: Request, res: Response): Promise<ImportTable | null> {
  if (!Buffer.isBuffer(req.body)) {
    refuse(res, 415, 'unsupported_format', 'Send the file as application/octet-stream');
    return null;
  }
  try {
    return await readTable(req.body);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    refuse(res, error.problem === 'too_large' ? 413 : 400, error.problem, error.message);
    return null;
  }
}

const optionsQuery = z
  .object({
    territory: z
      .string()
      .regex(/^[1-9]\d{0,9}$/)
      .transform(Number)
      .optional(),
  })
  .strict();

/** The query's options (`?territory=<id>`), or null after answering 400. */
function importOptions(req: Request, res: Response): ImportOptions | null {
  const query = optionsQuery.safeParse(req.query);
  if (!query.success) {
    refuse(res, 400, 'bad_options', 'The only option is territory=<territory id>');
    return null;
  }
  return { territoryId: query.data.territory };
}

/** A body over the limit is the file's problem, worded as the others. */
const tooLarge: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if ((error as { type?: unknown } | null)?.type === 'entity.too.large') {
    refuse(res, 413, 'too_large', `The file exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
    return;
  }
  next(error);
};

const NDJSON = 'application/x-ndjson';
/** Progress lines per import at most: enough for a bar to move smoothly. */
const PROGRESS_LINES = 50;

/**
 * Runs the preview or the import and answers with its result. A client that accepts
 * `application/x-ndjson` (the import screen) gets one JSON line per step as it happens —
 * `{"progress":{"phase":"checking","rows":N}}`, then `{"progress":{"phase":"writing","written":n,
 * "total":N}}` — and a last line `{"result":…}` or `{"error":{"problem","message"}}`; any other
 * client gets the result as one JSON body. A row that fails when written (someone changed it
 * meanwhile) rolls the transaction back and answers `write_failed`.
 */
async function answer(
  req: Request,
  res: Response,
  table: ImportTable,
  run: (onProgress: OnProgress) => Promise<unknown>,
): Promise<void> {
  if (!(req.get('accept') ?? '').includes(NDJSON)) {
    try {
      res.json(await run(() => undefined));
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      refuse(res, getHTTPStatusCodeFromError(error), 'write_failed', error.message);
    }
    return;
  }
  res.status(200);
  res.setHeader('Content-Type', `${NDJSON}; charset=utf-8`);
  // no-transform keeps the app's compression from holding the lines back.
  res.setHeader('Cache-Control', 'no-store, no-transform');
  const line = (value: unknown) => `${JSON.stringify(value)}\n`;
  res.write(line({ progress: { phase: 'checking', rows: table.rows.length } }));
  const onProgress: OnProgress = async (written, total) => {
    const every = Math.max(1, Math.ceil(total / PROGRESS_LINES));
    if (written % every !== 0 && written !== total) return;
    res.write(line({ progress: { phase: 'writing', written, total } }));
    // Let the line leave before the next rows are written.
    await new Promise((resolve) => setImmediate(resolve));
  };
  try {
    res.end(line({ result: await run(onProgress) }));
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    res.end(line({ error: { problem: 'write_failed', message: error.message } }));
  }
}

export function createImportRouter(options: ImportRouterOptions): Router {
  const router = Router();
  router.use(express.raw({ type: FILE_TYPES, limit: MAX_IMPORT_BYTES }));
  const kindOf = (req: Request, res: Response): ImportKind | null => {
    const kind = String(req.params.kind);
    if (isImportKind(kind)) return kind;
    refuse(res, 404, 'unknown_kind', `Nothing imports "${kind}"`);
    return null;
  };
  router.post('/:kind/preview', async (req, res) => {
    const kind = kindOf(req, res);
    if (!kind) return;
    const ctx = await caller(req, res, options);
    if (!ctx) return;
    const table = await uploadedTable(req, res);
    if (!table) return;
    const given = importOptions(req, res);
    if (!given) return;
    await answer(req, res, table, () => IMPORTERS[kind].preview(ctx, table, given));
  });
  router.post('/:kind', async (req, res) => {
    const kind = kindOf(req, res);
    if (!kind) return;
    const ctx = await caller(req, res, options);
    if (!ctx) return;
    const table = await uploadedTable(req, res);
    if (!table) return;
    const given = importOptions(req, res);
    if (!given) return;
    await answer(req, res, table, (onProgress) =>
      IMPORTERS[kind].apply(ctx, table, given, onProgress),
    );
  });
  router.use(tooLarge);
  return router;
}
