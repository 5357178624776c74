import { stringify, type Stringifier } from 'csv-stringify';

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

/**
 * A stream that turns records into CSV in the given profile, header row first, CRLF line ends.
 * Text cells go through `csvSafeText`, headers included (csv-stringify casts the header row too);
 * cells holding a separator, a quote or a line break are quoted. Pipe records in and the stream
 * into a response or stdout.
 */
export function createCsvStream<K extends string>(
  columns: readonly CsvColumn<K>[],
  profile: CsvProfile = 'excel-fr',
): Stringifier {
  const settings = PROFILE_SETTINGS[profile];
  const decimalsByKey = new Map<string, number | undefined>(
    columns.map((c) => [c.key, c.decimals]),
  );
  return stringify({
    header: true,
    columns: columns.map((c) => ({ key: c.key, header: c.header })),
    delimiter: settings.delimiter,
    bom: settings.bom,
    record_delimiter: '\r\n',
    // With a custom record delimiter csv-stringify would leave a lone "\n" or "\r" unquoted.
    quote_record_delimiter: true,
    cast: {
      string: (value) => csvSafeText(value),
      number: (value, context) =>
        formatCsvNumber(
          value,
          profile,
          typeof context.column === 'string' ? decimalsByKey.get(context.column) : undefined,
        ),
      bigint: (value) => value.toString(),
      boolean: (value) => (value ? '1' : '0'),
      date: (value) => value.toISOString(),
    },
  });
}
