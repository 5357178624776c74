import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import yauzl from 'yauzl';
import type { CellValue } from '@jalon/shared';

// Reads the table of an uploaded spreadsheet, .xlsx or .csv, whatever its name says: a header
// row, then data rows numbered as the spreadsheet numbers them (the header is row 1 of a CSV).
// Everything about the file itself is checked here, before a single cell is interpreted: size,
// kind, a zip that would inflate beyond reason, text that is not text, too many rows.

/** The largest file accepted: a territory's plan, or every action of a region, fits in far less. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Data rows at most: the national actions export (30,508 rows) fits. */
export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_COLUMNS = 100;
/** What the parts of an .xlsx may inflate to, together. */
const MAX_XLSX_INFLATED_BYTES = 200 * 1024 * 1024;
const MAX_XLSX_ENTRIES = 2_000;

export const IMPORT_FILE_PROBLEMS = [
  'empty',
  'too_large',
  'unsupported_format',
  'unreadable_xlsx',
  'xlsx_too_large',
  'not_text',
  'no_header',
  'too_many_rows',
  'too_many_columns',
] as const;
export type ImportFileProblem = (typeof IMPORT_FILE_PROBLEMS)[number];

/** A file that cannot be read as a table at all; nothing in it is looked at further. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(
    readonly problem: ImportFileProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface TableRow {
  /** The row's number in the spreadsheet (the header row is 1 in a CSV). */
  line: number;
  cells: CellValue[];
}

export interface ImportTable {
  format: 'xlsx' | 'csv';
  headers: string[];
  rows: TableRow[];
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Reads `file` as a table; throws ImportFileError for a file that is not one. */
export async function readTable(file: Buffer): Promise<ImportTable> {
  if (file.length === 0) throw new ImportFileError('empty', 'The file is empty');
  if (file.length > MAX_IMPORT_BYTES) {
    throw new ImportFileError('too_large', `The file exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  }
  if (file.subarray(0, 4).equals(ZIP_SIGNATURE)) return readXlsx(file);
  return readCsv(file);
}

function bounded(headers: string[], rows: TableRow[], format: ImportTable['format']) {
  if (headers.every((h) => h === '')) {
    throw new ImportFileError('no_header', 'The first row holds no column names');
  }
  if (headers.length > MAX_IMPORT_COLUMNS) {
    throw new ImportFileError('too_many_columns', `More than ${MAX_IMPORT_COLUMNS} columns`);
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new ImportFileError('too_many_rows', `More than ${MAX_IMPORT_ROWS} rows`);
  }
  return { format, headers, rows };
}

const isBlank = (cells: readonly CellValue[]) =>
  cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

// ---- CSV ------------------------------------------------------------------------------------

/**
 * The text of a CSV: UTF-8 (with or without BOM), else Windows-1252, which French Excel's
 * "CSV (séparateur : point-virgule)" writes. Binary data is refused rather than decoded.
 */
function csvText(file: Buffer): string {
  const body = file.subarray(0, 3).equals(UTF8_BOM) ? file.subarray(3) : file;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = new TextDecoder('windows-1252').decode(body);
  }
  // Text files hold no NUL and few control characters; noise and binary formats hold many.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) controls += text.length;
    else if (code < 32 && code !== 9 && code !== 10 && code !== 13) controls++;
  }
  if (controls > text.length / 100) {
    throw new ImportFileError(
      'unsupported_format',
      'The file is neither an .xlsx workbook nor a CSV text file',
    );
  }
  return text;
}

/** The separator of the header line: `;` (French Excel), `,` (RFC 4180) or a tab. */
function delimiterOf(text: string): string {
  const end = text.search(/\r?\n/);
  const header = (end === -1 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ';';
}

function readCsv(file: Buffer): ImportTable {
  const text = csvText(file);
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // One more than allowed, to tell "too many" from "just enough".
      to: MAX_IMPORT_ROWS + 2,
    });
  } catch (error) {
    throw new ImportFileError(
      'unsupported_format',
      `The CSV cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const [header, ...data] = records;
  if (!header) throw new ImportFileError('empty', 'The file holds no rows');
  const rows: TableRow[] = [];
  data.forEach((cells, index) => {
    if (!isBlank(cells)) rows.push({ line: index + 2, cells });
  });
  return bounded(
    header.map((h) => h.trim()),
    rows,
    'csv',
  );
}

// ---- XLSX -----------------------------------------------------------------------------------

/**
 * Inflates every part of the zip once, counting: a zip bomb (a few kB that inflate to gigabytes)
 * is stopped at MAX_XLSX_INFLATED_BYTES, whatever sizes its directory declares, before exceljs
 * would inflate it in memory.
 */
async function checkZip(file: Buffer): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(file, { lazyEntries: true, validateEntrySizes: true }, (error, opened) =>
      error ? reject(error) : resolve(opened),
    ),
  );
  let inflated = 0;
  let entries = 0;
  await new Promise<void>((resolve, reject) => {
    const tooLarge = () =>
      new ImportFileError('xlsx_too_large', 'The workbook inflates beyond what an import reads');
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      entries += 1;
      if (
        entries > MAX_XLSX_ENTRIES ||
        inflated + entry.uncompressedSize > MAX_XLSX_INFLATED_BYTES
      ) {
        zip.close();
        reject(tooLarge());
        return;
      }
      if (entry.fileName.endsWith('/')) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error) {
          reject(error);
          return;
        }
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > MAX_XLSX_INFLATED_BYTES) {
            stream.destroy();
            zip.close();
            reject(tooLarge());
          }
        });
        stream.on('error', reject);
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.readEntry();
  });
}

/** A cell as the import reads it: its value, a formula as its text (never evaluated). */
function cellOf(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    return `=${formula}`;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return typeof value.text === 'string' ? value.text : null;
  if ('error' in value) return null;
  return null;
}

async function readXlsx(file: Buffer): Promise<ImportTable> {
  try {
    await checkZip(file);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('unreadable_xlsx', 'The file is not a readable .xlsx workbook');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportFileError('unreadable_xlsx', 'The file is not a readable .xlsx workbook');
  }
  // The data sheet is the first; a template's instructions come after it.
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('empty', 'The workbook has no sheet');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) {
    throw new ImportFileError('too_many_rows', `More than ${MAX_IMPORT_ROWS} rows`);
  }
  let headers: string[] | null = null;
  let width = 0;
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    // row.values is 1-based (index 0 is always empty) and sparse: empty cells are holes.
    const raw = row.values as ExcelJS.CellValue[];
    const values = Array.from({ length: Math.max(0, raw.length - 1) }, (_, i) =>
      cellOf(raw[i + 1]),
    );
    if (headers === null) {
      headers = values.map((v) => (v === null ? '' : String(v).trim()));
      width = headers.length;
      return;
    }
    const cells = values.slice(0, Math.max(width, values.length));
    if (!isBlank(cells)) rows.push({ line, cells });
  });
  if (headers === null) throw new ImportFileError('empty', 'The sheet holds no rows');
  return bounded(headers, rows, 'xlsx');
}
