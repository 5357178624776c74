import { z } from 'zod';

/**
 * The days any input may name, first and last included. The "Territoires d'industrie" programme
 * began its first phase in 2018: plans started before the 2023 phase, histories and indicators'
 * baselines go back to it. Its targets reach 2035. A day outside can only be a slip (0000-01-01,
 * 9999-12-31, 2205 for 2025) that would be stored as an odd year, sort wrongly and skew every
 * chart, so it is refused at the door with a field error. Defined once: every day and instant of
 * the wire schemas goes through `isoDate` or `isoDateTime` below.
 */
export const DATE_WINDOW = { first: '2018-01-01', last: '2035-12-31' } as const;

/** Whether an ISO day (YYYY-MM-DD) lies within DATE_WINDOW. */
export function isInDateWindow(day: string): boolean {
  return day >= DATE_WINDOW.first && day <= DATE_WINDOW.last;
}

/** The message of a day outside DATE_WINDOW (forms show it in the user's words). */
export const OUTSIDE_DATE_WINDOW = `Expected a day between ${DATE_WINDOW.first} and ${DATE_WINDOW.last}`;

const outsideWindow = { message: OUTSIDE_DATE_WINDOW };

/** A calendar day, YYYY-MM-DD, within DATE_WINDOW. */
export const isoDate = z.iso.date().refine(isInDateWindow, outsideWindow);

/**
 * An instant with its offset (2025-07-01T09:30:00+02:00) whose day, as written, lies within
 * DATE_WINDOW: the day the person meant, whatever the offset.
 */
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .refine((instant) => isInDateWindow(instant.slice(0, 10)), outsideWindow);

/**
 * Whether `value` is a real calendar day (YYYY-MM-DD, no 31 February) within DATE_WINDOW: what
 * every day of the wire schemas must be. For values that come from outside a form, such as the
 * address bar, so that a day the server would refuse is ignored instead of failing the page.
 */
export function isWindowDay(value: unknown): value is string {
  return isoDate.safeParse(value).success;
}
