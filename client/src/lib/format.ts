import { useTranslation } from 'react-i18next';
import { createFormatters, type Formatters } from '@jalon/shared';

export { createFormatters, type Formatters } from '@jalon/shared';

// One set of formatters per language for the whole app: building the `Intl` formatters costs more
// than the formatting itself, and a dashboard has hundreds of components that format.
const byLanguage = new Map<string, Formatters>();

/** Formatters for the current UI language, with `Intl`. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.language;
  let formatters = byLanguage.get(language);
  if (!formatters) {
    formatters = createFormatters(language);
    byLanguage.set(language, formatters);
  }
  return formatters;
}
