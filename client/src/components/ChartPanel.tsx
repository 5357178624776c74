import { Suspense, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from './QueryState';

/**
 * A chart with its "see the data" table alternative. The chart itself is a lazily loaded
 * component (recharts stays out of the first download); the table is always in the page for
 * screen readers and print, and shown on demand.
 */
export function ChartPanel({
  title,
  chart,
  table,
  actions,
  footer,
  className,
}: {
  title: string;
  chart: ReactNode;
  table: ReactNode;
  /** More controls beside the toggle, such as the data's CSV download. */
  actions?: ReactNode;
  /** Below the chart and its data, inside the panel: entry forms, comments. */
  footer?: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const [showData, setShowData] = useState(false);
  const tableId = useId();
  const headingId = useId();
  return (
    <section className={`panel chart-panel ${className ?? ''}`} aria-labelledby={headingId}>
      <div className="panel-header">
        <h3 id={headingId}>{title}</h3>
        <div className="toolbar no-print">
          <button
            type="button"
            className="button button-small button-quiet"
            aria-expanded={showData}
            aria-controls={tableId}
            onClick={() => setShowData((v) => !v)}
          >
            {showData ? t('chart.hideData') : t('chart.showData')}
          </button>
          {actions}
        </div>
      </div>
      <div className="chart-area" aria-hidden="true">
        <Suspense fallback={<Loading label={t('chart.loading')} />}>{chart}</Suspense>
      </div>
      <div
        id={tableId}
        className={showData ? 'chart-data' : 'chart-data visually-hidden print-show'}
      >
        {table}
      </div>
      {footer}
    </section>
  );
}
