import { Transform } from 'node:stream';

/**
 * CSV dialects. `excel-fr` opens cleanly in French Excel (UTF-8 BOM so accents survive, `;`
 * because `,` is the decimal separator there, CRLF); `rfc4180` is the neutral, machine-friendly one.
 */
export const CSV_PROFILES = ['excel-fr', 'rfc4180'] as const;
export type CsvProfile = (typeof CSV_PROFILES)[number];

interface ProfileSettings {
  delimiter: string;
  decimalSeparator: string;
  bom: boolean;
}

const PROFILE_SETTINGS: Record<CsvProfile, ProfileSettings> = {
  'excel-fr': { delimiter: ';', decimalSeparator: ',', bom: true },
  rfc4180: { delimiter: ',', decimalSeparator: '.', bom: false },
};

export interface CsvColumn<K extends string = string> {
  key: K;
  header: string;
  /** Prints numbers of this column with exactly this many decimals (integers print as they are). */
  decimals?: number;
  /** The values a spreadsheet should offer (a drop-down list in the .xlsx download). */
  choices?: readonly string[];
  /** True when the list only suggests: the spreadsheet accepts other values too. */
  suggestions?: boolean;
}

/** A record for `createCsvStream`: empty cells are null or undefined. */
export type CsvRecord<K extends string = string> = Partial<
  Record<K, string | number | null | undefined>
>;

// Characters with which a spreadsheet starts a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1+1`,
 * `@SUM(…)`, a leading tab or carriage return) by prefixing it with a single quote, which
 * spreadsheets show as text. Numbers are not text: pass them as numbers, they stay numbers.
 */
export function csvSafeText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A number as the profile writes it: decimal comma or point, empty when not finite. */
export function formatCsvNumber(value: number, profile: CsvProfile, decimals?: number): string {
  if (!Number.isFinite(value)) return '';
  const text = decimals === undefined ? String(value) : value.toFixed(decimals);
  return text.replace('.', PROFILE_SETTINGS[profile].decimalSeparator);
}

// Bytes of CSV gathered before a chunk goes out: a socket or a gzip stream takes a few large
// writes far faster than one small write per row.
const CHUNK_CHARS = 64 * 1024;

/**
 * Writes records as CSV lines in a profile, with the rules of RFC 4180 as csv-stringify applies
 * them (the tests hold the two to the same output): a cell holding the separator, a quote or a
 * line break is quoted, its quotes doubled; text goes through `csvSafeText`, numbers through
 * `formatCsvNumber`; null and undefined are empty cells; every line ends with CRLF.
 */
export function csvLineWriter<K extends string>(
  columns: readonly CsvColumn<K>[],
  profile: CsvProfile,
): { header: string; line: (record: CsvRecord<K>) => string } {
  const settings = PROFILE_SETTINGS[profile];
  const mustQuote = settings.delimiter === ';' ? /[";\r\n]/ : /[",\r\n]/;
  const quoted = (text: string) =>
    mustQuote.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  const cell = (value: string | number | null | undefined, decimals?: number): string => {
    if (typeof value === 'string') return value === '' ? '' : quoted(csvSafeText(value));
    if (typeof value === 'number') return formatCsvNumber(value, profile, decimals);
    return '';
  };
  const keys = columns.map((c) => c.key);
  const decimals = columns.map((c) => c.decimals);
  const last = keys.length - 1;
  return {
    header: columns.map((c) => cell(c.header)).join(settings.delimiter) + '\r\n',
    line: (record) => {
      let text = '';
      for (let i = 0; i <= last; i++) {
        text += cell(record[keys[i] as K], decimals[i]);
        text += i === last ? '\r\n' : settings.delimiter;
      }
      return text;
    },
  };
}

const isBatch = <K extends string>(
  chunk: CsvRecord<K> | readonly CsvRecord<K>[],
): chunk is readonly CsvRecord<K>[] => Array.isArray(chunk);

/**
 * A stream that turns records into CSV in the given profile (see `csvLineWriter`), BOM and header
 * row first, in chunks of about 64 kB. Pipe records (or arrays of records) in and the stream into a response or stdout:
 * it pulls records only as fast as its reader takes the text (backpressure).
 */
export function createCsvStream<K extends string>(
  columns: readonly CsvColumn<K>[],
  profile: CsvProfile = 'excel-fr',
): Transform {
  const { header, line } = csvLineWriter(columns, profile);
  let pending = (PROFILE_SETTINGS[profile].bom ? '\uFEFF' : '') + header;
  return new Transform({
    writableObjectMode: true,
    // One batch waiting at most: a batch can hold hundreds of rows.
    writableHighWaterMark: 1,
    // A record, or a batch of records (one write for hundreds of rows).
    transform(chunk: CsvRecord<K> | readonly CsvRecord<K>[], _encoding, done) {
      const records = isBatch(chunk) ? chunk : [chunk];
      for (const record of records) pending += line(record);
      if (pending.length >= CHUNK_CHARS) {
        this.push(pending, 'utf8');
        pending = '';
      }
      done();
    },
    flush(done) {
      if (pending !== '') this.push(pending, 'utf8');
      done();
    },
  });
}
