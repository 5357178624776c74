// What text both databases store as typed: no NUL character (PostgreSQL's text cannot hold it)
// and no lone surrogate (half of a character such as an emoji, which UTF-8 cannot encode and
// `jsonb` refuses). Nobody types either; a fuzzer, a broken client or an odd spreadsheet does.
// Inputs refuse such text (schemas.ts); imported cells drop those characters (importCells.ts).

const NUL = '\u0000';
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;

/** Whether `value` holds only characters both databases store. */
export const isStorableText = (value: string): boolean =>
  !value.includes(NUL) && !LONE_SURROGATE.test(value);

/** `value` without the characters the databases cannot store. */
export const storableText = (value: string): string =>
  value.replaceAll(NUL, '').replace(LONE_SURROGATES, '');
