import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createFormatters, type Formatters } from '@jalon/shared';

export { createFormatters, type Formatters } from '@jalon/shared';

/** Formatters for the current UI language, with `Intl`. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => createFormatters(i18n.language), [i18n.language]);
}
