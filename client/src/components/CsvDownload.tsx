import { useTranslation } from 'react-i18next';

type ParamValue = string | number | boolean | readonly (string | number)[] | null | undefined;

/**
 * The address of a table's CSV export with the table's current filters, in the UI language.
 * Arrays repeat the parameter (`statuses=late&statuses=blocked`); empty values are left out.
 */
export function csvExportUrl(
  table: string,
  params: Record<string, ParamValue>,
  lang: string,
  format: 'csv' | 'xlsx' = 'csv',
) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.set(key, String(value));
  }
  search.set('lang', lang);
  return `/api/export/${table}.${format}?${search.toString()}`;
}

/** "Download as CSV" for a table, keeping its filters. The server streams the file. */
export function CsvDownload({
  table,
  params,
}: {
  table: string;
  params: Record<string, ParamValue>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <a className="button button-small" href={csvExportUrl(table, params, i18n.language)} download>
      {t('table.downloadCsv')}
    </a>
  );
}
