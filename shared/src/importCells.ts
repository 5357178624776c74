import {
  ACTION_STATUSES,
  AXES,
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  LOCALES,
  PRIORITIES,
  STAGE_KINDS,
  type ActionStatus,
  type Axis,
  type IndicatorDirection,
  type IndicatorKind,
  type Priority,
  type StageKind,
} from './vocabulary';
import { storableText } from './storableText';
import { VOCABULARY_LABELS, type VocabularyLabels } from './labels';
import { isoDate } from './dateWindow';

// How the cells of a spreadsheet a territory fills in are read: the values Jalon's own exports
// write (labels in French, English or German, decimal commas, dates as spreadsheets show them)
// and what people type in Excel or LibreOffice. Each reader returns a value or a problem code;
// the import reports the code with the row and the column, never guesses.

/** A cell as a file gives it: text (CSV, or a text cell), a number, a date, or nothing. */
export type CellValue = string | number | Date | null;

/** Why a cell could not be read; the screens and the CLI word each code. */
export const CELL_PROBLEMS = [
  'required',
  'not_a_number',
  'not_an_integer',
  'out_of_range',
  'not_a_date',
  'date_outside_window',
  'unknown_status',
  'unknown_value',
  'too_long',
] as const;
export type CellProblem = (typeof CELL_PROBLEMS)[number];

export type CellReading<T> = { ok: true; value: T } | { ok: false; problem: CellProblem };

const ok = <T>(value: T): CellReading<T> => ({ ok: true, value });
const fail = <T>(problem: CellProblem): CellReading<T> => ({ ok: false, problem });

// Characters with which a spreadsheet starts a formula; the exports prefix such text with a quote.
const NEUTRALISED_FORMULA = /^'[=+\-@\t\r]/;

/**
 * A cell as text, trimmed, null when empty. Text the exports neutralised against formulas
 * (`'=SUM(…)`) reads back as it was written in Jalon; a number or date cell reads as its text.
 * NUL characters and lone surrogates (half of a character), which no spreadsheet shows and the
 * databases cannot store, are dropped.
 */
export function cellText(value: CellValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = storableText(String(value)).trim();
  if (text === '') return null;
  return NEUTRALISED_FORMULA.test(text) ? text.slice(1) : text;
}

/** Text of at most `max` characters; null when empty. */
export function readText(value: CellValue, max: number): CellReading<string | null> {
  const text = cellText(value);
  if (text !== null && text.length > max) return fail('too_long');
  return ok(text);
}

/**
 * A number from `min` to `max`, as spreadsheets write them: 1250, "1 250", "12,5", "12.5",
 * "45 %". Null when empty.
 */
export function readNumber(value: CellValue, min: number, max: number): CellReading<number | null> {
  let number: number;
  if (typeof value === 'number') number = value;
  else {
    const text = cellText(value);
    if (text === null) return ok(null);
    const normalised = text
      .replace(/\s|\u202f|\u00a0/g, '')
      .replace(/%$/, '')
      .replace(',', '.');
    if (!/^[+-]?\d+(\.\d+)?$/.test(normalised)) return fail('not_a_number');
    number = Number(normalised);
  }
  if (!Number.isFinite(number)) return fail('not_a_number');
  if (number < min || number > max) return fail('out_of_range');
  return ok(number);
}

/**
 * A whole number from `min` to `max`: 45, "45", "45,0", "45.0", "45 %". Null when empty.
 */
export function readInteger(
  value: CellValue,
  min: number,
  max: number,
): CellReading<number | null> {
  const reading = readNumber(value, -Infinity, Infinity);
  if (!reading.ok || reading.value === null) return reading;
  if (!Number.isInteger(reading.value)) return fail('not_an_integer');
  if (reading.value < min || reading.value > max) return fail('out_of_range');
  return reading;
}

// Day 0 of spreadsheets' serial dates (1899-12-30 makes 1 = 1900-01-01, Lotus's leap-year bug included).
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function isoFromParts(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A day, YYYY-MM-DD, from what a spreadsheet holds: a date cell, a serial number (45352), ISO
 * text (2024-03-01), or French text (01/03/2024, 1/3/2024). Within the programme's date window.
 */
export function readDate(value: CellValue): CellReading<string | null> {
  let iso: string | null;
  if (value instanceof Date) {
    iso = Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  } else if (typeof value === 'number') {
    iso = Number.isInteger(value)
      ? new Date(SERIAL_EPOCH_MS + value * DAY_MS).toISOString().slice(0, 10)
      : null;
  } else {
    const text = cellText(value);
    if (text === null) return ok(null);
    const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    const isoText = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(text);
    if (french) iso = isoFromParts(Number(french[3]), Number(french[2]), Number(french[1]));
    else if (isoText)
      iso = isoFromParts(Number(isoText[1]), Number(isoText[2]), Number(isoText[3]));
    else if (/^\d{5}$/.test(text)) return readDate(Number(text));
    else iso = null;
  }
  if (iso === null) return fail('not_a_date');
  return isoDate.safeParse(iso).success ? ok(iso) : fail('date_outside_window');
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’']/g, "'")
    .trim()
    .toLowerCase();

type VocabularyKey = {
  [K in keyof VocabularyLabels]: VocabularyLabels[K] extends Record<string, string> ? K : never;
}[keyof VocabularyLabels];

/**
 * A reader of one of the vocabulary's lists: each value is read from its code or its label in
 * French, English or German, accents and case aside. Empty reads as null.
 */
function choiceReader<T extends string>(
  values: readonly T[],
  key: VocabularyKey,
  problem: CellProblem,
): (value: CellValue) => CellReading<T | null> {
  const byWord = new Map<string, T>();
  for (const value of values) {
    byWord.set(fold(value), value);
    for (const locale of LOCALES) {
      const labels = VOCABULARY_LABELS[locale][key] as Record<string, string>;
      byWord.set(fold(labels[value] ?? value), value);
    }
  }
  return (value) => {
    const text = cellText(value);
    if (text === null) return ok(null);
    const found = byWord.get(fold(text));
    return found ? ok(found) : fail(problem);
  };
}

/** An action status from its label in French, English or German, or its code. */
export const readActionStatus = choiceReader<ActionStatus>(
  ACTION_STATUSES,
  'actionStatus',
  'unknown_status',
);
/** A plan's stage (État des lieux…), from its label in any language or its code. */
export const readStageKind = choiceReader<StageKind>(STAGE_KINDS, 'stageKind', 'unknown_value');
/** A programme axis, from its label in any language or its code. */
export const readAxis = choiceReader<Axis>(AXES, 'axis', 'unknown_value');
/** An indicator's kind (réalisation, résultat, impact), from its label in any language or its code. */
export const readIndicatorKind = choiceReader<IndicatorKind>(
  INDICATOR_KINDS,
  'indicatorKind',
  'unknown_value',
);
/** An indicator's direction (hausse, baisse), from its label in any language or its code. */
export const readIndicatorDirection = choiceReader<IndicatorDirection>(
  INDICATOR_DIRECTIONS,
  'indicatorDirection',
  'unknown_value',
);
/** A plan's priority, from its label in any language or its code. */
export const readPriority = choiceReader<Priority>(PRIORITIES, 'priority', 'unknown_value');

/** A header as people write it, for matching: accents, case and spacing aside. */
export function foldHeader(header: string): string {
  return fold(header).replace(/\s+/g, ' ');
}
