import {
  Suspense,
  useCallback,
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
 * Charts of a long page are drawn one at a time, each in a task of its own: two charts that came
 * near the screen together were drawn in one render, one long task that blocked the page. A
 * chart's turn comes once the charts queued before it are in the page; it ends when its own
 * drawing is in the page, or when it leaves the page first.
 */
interface Turn {
  start: () => void;
}
const waitingTurns: Turn[] = [];
let currentTurn: Turn | null = null;

function startNextTurn(): void {
  const turn = waitingTurns.shift() ?? null;
  currentTurn = turn;
  // A task of its own, after whatever task ended the previous turn.
  if (turn) setTimeout(() => currentTurn === turn && turn.start(), 0);
}

/** Queues `start`; returns the function that ends the turn (safe to call more than once). */
function takeTurn(start: () => void): () => void {
  const turn = { start };
  waitingTurns.push(turn);
  if (!currentTurn) startNextTurn();
  return () => {
    const waiting = waitingTurns.indexOf(turn);
    if (waiting >= 0) waitingTurns.splice(waiting, 1);
    if (currentTurn === turn) startNextTurn();
  };
}

/** Ends the chart's turn once what it is rendered with (the chart, through Suspense) is in the page. */
function WhenDrawn({ onDrawn }: { onDrawn: () => void }) {
  useEffect(onDrawn, [onDrawn]);
  return null;
}

/**
 * Whether the chart of `area` should be drawn yet: at once, or on a long page (the territory
 * dashboard) once near the screen and its turn comes, as drawing every chart at once blocked the
 * browser for seconds. Only the drawing waits: it is hidden from screen readers and from print,
 * and its data table is always in the page. `endTurn` is to be called once the drawing is in.
 */
function useChartDrawn(area: RefObject<HTMLElement | null>): {
  drawn: boolean;
  endTurn: () => void;
} {
  const whenVisible = useInLongPage();
  const [drawn, setDrawn] = useState(
    () => !whenVisible || typeof IntersectionObserver === 'undefined',
  );
  const turn = useRef<(() => void) | null>(null);
  const endTurn = useCallback(() => turn.current?.(), []);
  useEffect(() => {
    const element = area.current;
    if (drawn || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        turn.current = takeTurn(() => setDrawn(true));
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [area, drawn]);
  // Leaving the page gives the turn up.
  useEffect(() => endTurn, [endTurn]);
  return { drawn, endTurn };
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
  const { drawn, endTurn } = useChartDrawn(area);
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
        {drawn ? (
          <Suspense fallback={loading}>
            {chart}
            <WhenDrawn onDrawn={endTurn} />
          </Suspense>
        ) : (
          loading
        )}
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
