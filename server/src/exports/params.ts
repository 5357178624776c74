import { z } from 'zod';
import { LOCALES, type Locale } from '@jalon/shared';
import { CSV_PROFILES, type CsvProfile } from '../csv';

/** How to read each query parameter of an export: the zod schema then checks the values. */
export interface ParamKinds {
  numbers?: readonly string[];
  booleans?: readonly string[];
  arrays?: readonly string[];
}

const BOOLEAN_WORDS: Record<string, boolean> = { '1': true, true: true, '0': false, false: false };

/**
 * Turns a query string into the object a procedure's zod schema expects: repeated parameters
 * into arrays, numbers from digits, booleans from "1"/"true" and "0"/"false". A value that reads
 * as none of these is passed as it is, so the schema rejects it with the parameter's name.
 * Empty values are left out, as a form's unset field.
 */
export function queryToInput(search: URLSearchParams, kinds: ParamKinds): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key).filter((v) => v !== '');
    if (values.length === 0) continue;
    const read = (value: string): unknown => {
      if (kinds.numbers?.includes(key)) return /^\d+$/.test(value) ? Number(value) : value;
      if (kinds.booleans?.includes(key)) return BOOLEAN_WORDS[value] ?? value;
      return value;
    };
    input[key] = kinds.arrays?.includes(key) ? values.map(read) : read(values.at(-1) ?? '');
  }
  return input;
}

const formatInput = z.object({
  lang: z.enum(LOCALES).optional(),
  profile: z.enum(CSV_PROFILES).default('excel-fr'),
});

/** The parameters every export shares: the language of headers and labels, the CSV dialect. */
export function readFormat(
  search: URLSearchParams,
): z.ZodSafeParseResult<{ lang?: Locale | undefined; profile: CsvProfile }> {
  return formatInput.safeParse({
    lang: search.get('lang') || undefined,
    profile: search.get('profile') || undefined,
  });
}
