import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Router, type Request, type Response } from 'express';
import ExcelJS from 'exceljs';
import { parse as parseCookies } from 'cookie';
import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { isoToday, type Locale } from '@jalon/shared';
import { readFromSnapshot, scopeOf, type Db } from '@jalon/db';
import type { Logger } from '../logger';
import { createCsvStream, type CsvColumn, type CsvProfile, type CsvRecord } from '../csv';
import { principalForToken, SESSION_COOKIE } from '../auth/sessions';
import { can, type Principal } from '../auth/permissions';
import { createInnerContext } from '../context';
import { queryToInput, readFormat } from './params';
import { EXPORT_TABLES, type ExportTable } from './tables';
import { loadMeetingSummary, meetingSummaryColumns } from './meetingSummary';

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

/** The signed-in user of the request, or null after answering 401. */
async function signedInUser(
  req: Request,
  res: Response,
  options: ExportOptions,
  now: Date,
): Promise<Principal | null> {
  const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
  const session = await principalForToken(options.db, token, now);
  if (!session) {
    res.status(401).json({ error: 'Sign in to download this file' });
    return null;
  }
  return session.principal;
}

/** The request's query, its format parameters (`lang`, `profile`) taken out. */
function readQuery(
  req: Request,
  res: Response,
): { search: URLSearchParams; lang?: Locale | undefined; profile: CsvProfile } | null {
  const search = new URL(req.originalUrl, 'http://export.invalid').searchParams;
  const format = readFormat(search);
  if (!format.success) {
    badRequest(res, format.error);
    return null;
  }
  search.delete('lang');
  search.delete('profile');
  return { search, ...format.data };
}

// CSV compresses about tenfold even at zlib's fastest level, which costs a sixth of the default
// level's time: the app's `compression()` (level 6) would cost more than reading the rows.
const CSV_GZIP_LEVEL = 1;

/**
 * Writes the headers of a CSV attachment and streams the records into the response, gzipped at
 * level 1 when the client accepts it (`no-transform` keeps the app's compression out of it). The
 * records are pulled only as fast as the client reads.
 */
async function sendCsv(
  req: Request,
  res: Response,
  file: string,
  records: Iterable<CsvRecord | CsvRecord[]> | AsyncIterable<CsvRecord | CsvRecord[]>,
  columns: readonly CsvColumn[],
  profile: CsvProfile,
): Promise<void> {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
  res.setHeader('Cache-Control', 'private, no-store, no-transform');
  res.vary('Accept-Encoding');
  const csv = createCsvStream(columns, profile);
  if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    res.setHeader('Content-Encoding', 'gzip');
    await pipeline(
      Readable.from(records, { highWaterMark: 1 }),
      csv,
      createGzip({ level: CSV_GZIP_LEVEL }),
      res,
    );
  } else {
    await pipeline(Readable.from(records, { highWaterMark: 1 }), csv, res);
  }
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/**
 * exceljs keeps a sheet's validations by range (lib/doc/worksheet.js, and its streaming writer),
 * one entry for a whole column, but its types declare only the per-cell setter.
 */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/** The last row of a worksheet (Excel's limit). */
const XLSX_MAX_ROWS = 1_048_576;
/** The longest list a validation rule may hold in its own formula (Excel's limit). */
const XLSX_MAX_LIST_CHARS = 255;

/**
 * Streams the records into an .xlsx workbook of one sheet, `sheetName`: text stays text (a cell
 * starting with "=" is a string, never a formula, so nothing needs neutralising) and numbers
 * stay numbers. Rows are committed as they come, so the workbook is never held whole.
 */
async function sendXlsx(
  res: Response,
  file: string,
  sheetName: string,
  records: Iterable<CsvRecord | CsvRecord[]> | AsyncIterable<CsvRecord | CsvRecord[]>,
  columns: readonly CsvColumn[],
  instructions?: { sheet: string; lines: readonly string[] },
): Promise<void> {
  res.setHeader('Content-Type', XLSX_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
  res.setHeader('Cache-Control', 'private, no-store, no-transform');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: res,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.min(40, Math.max(10, c.header.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let rows = 1;
  for await (const chunk of records) {
    for (const record of Array.isArray(chunk) ? chunk : [chunk]) {
      sheet.addRow(record).commit();
      rows += 1;
    }
  }
  // Lists over the rows written and as many again to add (a thousand in an empty template):
  // spreadsheets (exceljs, when the file comes back) expand a range cell by cell, so it must not
  // reach the sheet's last row.
  const lastListRow = Math.min(XLSX_MAX_ROWS, Math.max(1_000, rows * 2 + 100));
  columns.forEach((column, index) => {
    const list = column.choices?.join(',');
    // Excel refuses a list written in the cell rule beyond 255 characters, or with a comma.
    if (
      !list ||
      list.length > XLSX_MAX_LIST_CHARS ||
      column.choices?.some((c) => c.includes(','))
    ) {
      return;
    }
    const letter = sheet.getColumn(index + 1).letter;
    (sheet as unknown as RangeValidations).dataValidations.add(
      `${letter}2:${letter}${lastListRow}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list}"`],
        showErrorMessage: column.suggestions !== true,
      },
    );
  });
  sheet.commit();
  if (instructions) {
    const help = workbook.addWorksheet(instructions.sheet);
    help.getColumn(1).width = 120;
    instructions.lines.forEach((line, i) => {
      const row = help.addRow([line]);
      if (i === 0) row.font = { bold: true };
      row.commit();
    });
    help.commit();
  }
  await workbook.commit();
}

/** Runs the table's own check, as its procedure would; a refusal answers 403 or 404. */
async function allowed<I>(
  table: ExportTable<I>,
  input: I,
  user: Principal,
  res: Response,
  options: ExportOptions,
): Promise<boolean> {
  if (!table.authorize) return true;
  const ctx = {
    ...createInnerContext({ db: options.db, log: options.log, now: options.now }),
    requestId: String(res.locals.requestId),
    user,
  };
  try {
    await table.authorize(ctx, input);
    return true;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    res.status(getHTTPStatusCodeFromError(error)).json({ error: error.message });
    return false;
  }
}

/**
 * `GET /export/<table>.csv` (or `.xlsx`): a table as a file, with the same filters and the same
 * visibility as its procedure, streamed from one query. Signed-in users only.
 */
async function sendExport<I>(
  table: ExportTable<I>,
  name: string,
  format: 'csv' | 'xlsx',
  req: Request,
  res: Response,
  options: ExportOptions,
): Promise<void> {
  const now = options.now();
  const user = await signedInUser(req, res, options, now);
  if (!user) return;
  const query = readQuery(req, res);
  if (!query) return;
  const input = table.schema.safeParse(queryToInput(query.search, table.kinds));
  if (!input.success) {
    badRequest(res, input.error);
    return;
  }
  if (!(await allowed(table, input.data, user, res, options))) return;
  const lang = query.lang ?? user.locale;
  const file = `${name}-${isoToday(now)}.${format}`;
  // The rows come from a read snapshot on a connection of their own: a download held open by
  // a slow client never holds the connection the other requests need.
  const records = readFromSnapshot(options.db, (db) =>
    table.records({ db, user, input: input.data, lang, now }),
  );
  if (format === 'xlsx') {
    const sheet = table.sheetName?.(lang) ?? name;
    await sendXlsx(res, file, sheet, records, table.columns(lang), table.instructions?.(lang));
  } else await sendCsv(req, res, file, records, table.columns(lang), query.profile);
}

/**
 * `GET /meetings/<id>/summary.csv`: the meeting's summary (see docs/meeting-summary-csv.md), for
 * a signed-in user who may read the meeting.
 */
async function sendMeetingSummary(
  req: Request,
  res: Response,
  options: ExportOptions,
): Promise<void> {
  const now = options.now();
  const user = await signedInUser(req, res, options, now);
  if (!user) return;
  const param = req.params.id;
  const id = typeof param === 'string' && /^[1-9]\d{0,14}$/.test(param) ? Number(param) : null;
  if (id === null) {
    res
      .status(400)
      .json({ error: 'Invalid export parameters', fieldErrors: { id: ['Not an id'] } });
    return;
  }
  const query = readQuery(req, res);
  if (!query) return;
  // The rule of `meeting.byId`: whoever may read the meeting's territory.
  const scope = await scopeOf(options.db, 'meeting', id);
  if (scope === null) {
    res.status(404).json({ error: `Meeting ${id} not found` });
    return;
  }
  if (!can(user, 'read', scope)) {
    res.status(403).json({ error: `You may not read meeting ${id}` });
    return;
  }
  const lang = query.lang ?? user.locale;
  const summary = await loadMeetingSummary(options.db, id, lang, now);
  if (!summary) {
    res.status(404).json({ error: `Meeting ${id} not found` });
    return;
  }
  await sendCsv(
    req,
    res,
    `meeting-${id}-summary.csv`,
    summary,
    meetingSummaryColumns(lang),
    query.profile,
  );
}

/** Runs a download; an unexpected failure becomes a 500 with a reference, or a cut connection. */
function handled(
  options: ExportOptions,
  send: (req: Request, res: Response) => Promise<void>,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      await send(req, res);
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
      // The file's headers were set but not sent: the error is plain JSON.
      res.removeHeader('Content-Encoding');
      res.removeHeader('Content-Disposition');
      res.status(500).json({ error: `Unexpected error (reference ${requestId})` });
    }
  };
}

export function createExportRouter(options: ExportOptions): Router {
  const router = Router();
  for (const [name, table] of Object.entries(EXPORT_TABLES)) {
    for (const format of ['csv', 'xlsx'] as const) {
      router.get(
        `/export/${name}.${format}`,
        handled(options, (req, res) =>
          sendExport(table as ExportTable<unknown>, name, format, req, res, options),
        ),
      );
    }
  }
  router.get(
    '/meetings/:id/summary.csv',
    handled(options, (req, res) => sendMeetingSummary(req, res, options)),
  );
  router.use((_req, res) => {
    res.status(404).json({ error: 'No such address' });
  });
  return router;
}
