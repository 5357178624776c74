import {
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from './QueryState';
import { useInLongPage } from './LongPage';

/**
 * Whether the chart of `area` should be drawn yet: at once, or on a long page (the territory
 * dashboard) once near the screen, as drawing every chart at once blocked the browser for seconds.
 * Only the drawing waits: it is hidden from screen readers and from print, and its data table is
 * always in the page.
 */
function useChartDrawn(area: RefObject<HTMLElement | null>): boolean {
  const whenVisible = useInLongPage();
  const [drawn, setDrawn] = useState(
    () => !whenVisible || typeof IntersectionObserver === 'undefined',
  );
  useEffect(() => {
    const element = area.current;
    if (drawn || !element) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        // Each chart in a task of its own, not all those on screen in one long task.
        timer = setTimeout(() => setDrawn(true), 0);
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [area, drawn]);
  return drawn;
}

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
  const area = useRef<HTMLDivElement>(null);
  const drawn = useChartDrawn(area);
  const loading = <Loading label={t('chart.loading')} />;
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
      <div className="chart-area" aria-hidden="true" ref={area}>
        {drawn ? <Suspense fallback={loading}>{chart}</Suspense> : loading}
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
