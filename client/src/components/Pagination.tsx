import { useTranslation } from 'react-i18next';

export const PAGE_SIZES = [25, 50, 100] as const;

/** Server-side pagination controls with the row count. */
export function Pagination({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (next: { limit: number; offset: number }) => void;
}) {
  const { t } = useTranslation();
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <div className="pagination">
      <span aria-live="polite">
        {t('table.rowCount', { count: total })} · {t('table.rangeOf', { from, to, total })}
      </span>
      <label>
        {t('table.pageSize')}{' '}
        <select
          value={limit}
          onChange={(e) => onChange({ limit: Number(e.target.value), offset: 0 })}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button-small"
        disabled={offset === 0}
        onClick={() => onChange({ limit, offset: Math.max(0, offset - limit) })}
      >
        {t('table.previous')}
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={offset + limit >= total}
        onClick={() => onChange({ limit, offset: offset + limit })}
      >
        {t('table.next')}
      </button>
    </div>
  );
}
