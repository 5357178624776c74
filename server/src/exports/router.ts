import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { z } from 'zod';
import { isoToday } from '@jalon/shared';
import type { Db } from '@jalon/db';
import type { Logger } from '../logger';
import { createCsvStream } from '../csv';
import { principalForToken, SESSION_COOKIE } from '../auth/sessions';
import { queryToInput, readFormat } from './params';
import { EXPORT_TABLES, type ExportTable } from './tables';

export interface ExportOptions {
  db: Db;
  log: Logger;
  now: () => Date;
}

const badRequest = (res: Response, error: z.ZodError) =>
  res.status(400).json({
    error: 'Invalid export parameters',
    fieldErrors: z.flattenError(error).fieldErrors,
  });

/**
 * `GET /export/<table>.csv`: a table as a CSV file, with the same filters and the same
 * visibility as its procedure, streamed page by page. Signed-in users only.
 */
async function sendExport<I>(
  table: ExportTable<I>,
  name: string,
  req: Request,
  res: Response,
  options: ExportOptions,
): Promise<void> {
  const now = options.now();
  const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
  const session = await principalForToken(options.db, token, now);
  if (!session) {
    res.status(401).json({ error: 'Sign in to download this file' });
    return;
  }
  const search = new URL(req.originalUrl, 'http://export.invalid').searchParams;
  const format = readFormat(search);
  if (!format.success) {
    badRequest(res, format.error);
    return;
  }
  search.delete('lang');
  search.delete('profile');
  const input = table.schema.safeParse(queryToInput(search, table.kinds));
  if (!input.success) {
    badRequest(res, input.error);
    return;
  }
  const user = session.principal;
  const lang = format.data.lang ?? user.locale;
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}-${isoToday(now)}.csv"`);
  res.setHeader('Cache-Control', 'private, no-store');
  await pipeline(
    Readable.from(table.records({ db: options.db, user, input: input.data, lang, now })),
    createCsvStream(table.columns(lang), format.data.profile),
    res,
  );
}

export function createExportRouter(options: ExportOptions): Router {
  const router = Router();
  for (const [name, table] of Object.entries(EXPORT_TABLES)) {
    router.get(`/export/${name}.csv`, async (req, res) => {
      try {
        await sendExport(table as ExportTable<unknown>, name, req, res, options);
      } catch (error) {
        const requestId = String(res.locals.requestId);
        if (res.headersSent) {
          // Mid-file: the client went away or a page failed; a truncated file must not pass
          // for a whole one, so the connection is cut.
          options.log.warn({ requestId, err: error }, 'CSV export interrupted');
          res.destroy();
          return;
        }
        options.log.error({ requestId, err: error }, 'unexpected error');
        res.status(500).json({ error: `Unexpected error (reference ${requestId})` });
      }
    });
  }
  router.use((_req, res) => {
    res.status(404).json({ error: 'No such address' });
  });
  return router;
}
