import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const LOCALE_TAGS: Record<string, string> = { fr: 'fr-FR', en: 'en-GB', de: 'de-DE' };

/** A meeting's instant in words ("mardi 1 juillet 2025, 11:30"), in the user's time zone. */
export function useMeetingDateText() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const tag = LOCALE_TAGS[i18n.language] ?? 'fr-FR';
    const full = new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeStyle: 'short' });
    const day = new Intl.DateTimeFormat(tag, { dateStyle: 'long' });
    return {
      full: (iso: string) => full.format(new Date(iso)),
      date: (iso: string) => day.format(new Date(iso)),
    };
  }, [i18n.language]);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as a `datetime-local` value, in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (browser time zone) as an ISO instant; null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
