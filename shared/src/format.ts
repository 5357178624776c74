// Dates, numbers and money as each language writes them, with `Intl`: the client's screens and the
// server's history CSV format alike.

export const LOCALE_TAGS = { fr: 'fr-FR', en: 'en-GB', de: 'de-DE' } as const;

export interface Formatters {
  /** `2025-06-15` → "15 juin 2025" (dates are calendar days: no time zone shift). */
  date: (iso: string | null | undefined) => string;
  /** An ISO instant → "15/06/2025 14:05" in the user's time zone. */
  dateTime: (iso: string | null | undefined) => string;
  number: (value: number | null | undefined, maximumFractionDigits?: number) => string;
  /** A 0-100 figure → "42 %". */
  percent: (value: number | null | undefined) => string;
  /** An amount in cents → "2 400 000 €". */
  money: (cents: number | null | undefined) => string;
}

const NONE = '—';

export function createFormatters(language: string): Formatters {
  const tag = LOCALE_TAGS[language as keyof typeof LOCALE_TAGS] ?? LOCALE_TAGS.fr;
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'short' });
  const percentFormat = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const moneyFormat = new Intl.NumberFormat(tag, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  });
  // Built once per precision: an `Intl.NumberFormat` costs far more to make than to use.
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (maximumFractionDigits: number) => {
    let format = numberFormats.get(maximumFractionDigits);
    if (!format) {
      format = new Intl.NumberFormat(tag, { maximumFractionDigits });
      numberFormats.set(maximumFractionDigits, format);
    }
    return format;
  };
  return {
    date: (iso) => (iso ? dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : NONE),
    dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : NONE),
    number: (value, maximumFractionDigits = 2) =>
      value === null || value === undefined
        ? NONE
        : numberFormat(maximumFractionDigits).format(value),
    percent: (value) =>
      value === null || value === undefined ? NONE : percentFormat.format(value / 100),
    money: (cents) =>
      cents === null || cents === undefined ? NONE : moneyFormat.format(cents / 100),
  };
}
