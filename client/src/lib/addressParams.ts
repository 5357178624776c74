import { isWindowDay, MAX_ID } from '@jalon/shared';
import { PAGE_SIZES } from '../components/Pagination';

// Lists keep their page, filters and days in the address so that a view can be shared by link;
// the address is also typed in, pasted and cut short. A value the list procedures would refuse
// is read as absent, so that the page shows the default view instead of failing with an error.

/** The furthest offset the list procedures accept. */
export const MAX_OFFSET = 1_000_000;

/** The longest search text the list procedures accept. */
export const MAX_SEARCH = 120;

/** A positive id the procedures accept, or undefined. */
export function idParam(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 && n <= MAX_ID ? n : undefined;
}

/** One of the page sizes offered, else the first. */
export function pageSizeParam(value: string | null): number {
  return PAGE_SIZES.find((size) => String(size) === value) ?? PAGE_SIZES[0];
}

/** A whole offset from 0 to MAX_OFFSET, else 0. */
export function offsetParam(value: string | null): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 && n <= MAX_OFFSET ? n : 0;
}

/** A real day within the programme's window, else undefined. */
export function dayParam(value: string | null): string | undefined {
  return isWindowDay(value) ? value : undefined;
}

/** A search text cut to what the procedures accept. */
export function searchParam(value: string | null): string {
  return (value ?? '').slice(0, MAX_SEARCH);
}
