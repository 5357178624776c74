import { lazy } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { CHART_COLORS } from '../../lib/chartColors';
import { ChartPanel } from '../../components/ChartPanel';
import { Empty, QueryState } from '../../components/QueryState';
import { territoryAtPath } from './paths';
import {
  MeetingLinks,
  StateAtForm,
  dayTime,
  usePointLabel,
  type TerritorySeries,
} from './seriesParts';
import './progressHistory.css';

const ProgressLineChart = lazy(() =>
  import('./ProgressLineChart').then((m) => ({ default: m.ProgressLineChart })),
);

/** "Progression dans le temps" on the territory dashboard: the territory's line, the expected one. */
export function TerritoryProgressPanel({ territoryId }: { territoryId: number }) {
  const { t } = useTranslation('progressHistory');
  const trpc = useTRPC();
  const series = useQuery(trpc.progress.territorySeries.queryOptions({ territoryId }));
  return (
    <section className="territory-section progress-history" aria-labelledby="progress-history">
      <h2 id="progress-history">{t('panel.title')}</h2>
      <QueryState query={series}>
        {(data) =>
          data.points.every((p) => p.value.progress === null && p.value.expected === null) ? (
            <div className="panel">
              <Empty>{t('panel.empty')}</Empty>
            </div>
          ) : (
            <TerritorySeriesView territoryId={territoryId} series={data} />
          )
        }
      </QueryState>
    </section>
  );
}

function TerritorySeriesView({
  territoryId,
  series,
}: {
  territoryId: number;
  series: TerritorySeries;
}) {
  const { t } = useTranslation('progressHistory');
  const rows = series.points.map((p) => ({
    time: dayTime(p.day),
    actual: p.value.progress,
    expected: p.value.expected,
  }));
  const lines = [
    { key: 'actual', name: t('panel.actual'), color: CHART_COLORS.primary, width: 3 },
    { key: 'expected', name: t('panel.expected'), color: CHART_COLORS.expected, dashed: true },
  ];
  const meetings = series.meetings.map((m) => ({ ...m, time: dayTime(m.day) }));
  return (
    <div className="progress-history-grid">
      <ChartPanel
        title={t('panel.territoryChart')}
        chart={<ProgressLineChart rows={rows} lines={lines} meetings={meetings} />}
        table={<TerritorySeriesTable territoryId={territoryId} series={series} />}
      />
      <aside className="panel progress-history-aside">
        <p className="muted">{t('panel.explain')}</p>
        <StateAtForm
          territoryId={territoryId}
          today={series.today}
          label={t('panel.pickDate')}
          submit={t('panel.go')}
        />
        <MeetingLinks territoryId={territoryId} meetings={series.meetings} />
      </aside>
    </div>
  );
}

function TerritorySeriesTable({
  territoryId,
  series,
}: {
  territoryId: number;
  series: TerritorySeries;
}) {
  const { t } = useTranslation('progressHistory');
  const format = useFormat();
  const pointLabel = usePointLabel(series.today);
  return (
    // Wider than the screen with the stages' columns: the scroll box takes the keyboard focus.
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('panel.territoryCaption')}
    >
      <table className="data-table compact">
        <caption>{t('panel.territoryCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('panel.day')}</th>
            <th scope="col">{t('panel.point')}</th>
            <th scope="col" className="numeric">
              {t('panel.actual')}
            </th>
            <th scope="col" className="numeric">
              {t('panel.expected')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('panel.stateAt')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((p) => (
            <tr key={p.day}>
              <th scope="row">{format.date(p.day)}</th>
              <td>{pointLabel(p)}</td>
              <td className="numeric">{format.percent(p.value.progress)}</td>
              <td className="numeric">{format.percent(p.value.expected)}</td>
              <td>
                <Link
                  to={territoryAtPath(territoryId, p.day)}
                  aria-label={t('panel.stateAtLabel', { date: format.date(p.day) })}
                >
                  {t('panel.stateAt')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
