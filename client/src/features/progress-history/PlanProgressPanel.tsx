import { lazy } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { CHART_COLORS, STAGE_COLORS } from '../../lib/chartColors';
import { ChartPanel } from '../../components/ChartPanel';
import { QueryState } from '../../components/QueryState';
import { dayTime, usePointLabel, type PlanSeries } from './seriesParts';
import './progressHistory.css';

const ProgressLineChart = lazy(() =>
  import('./ProgressLineChart').then((m) => ({ default: m.ProgressLineChart })),
);

/** The plan's own line: apart from its stages' colours. */
const PLAN_LINE_COLOR = '#1b2430';

const stageKey = (index: number) => `stage${index}`;

/** "Progression dans le temps" on the plan page: the plan's line, each stage's, the expected one. */
export function PlanProgressPanel({ planId }: { planId: number }) {
  const { t } = useTranslation('progressHistory');
  const trpc = useTRPC();
  const series = useQuery(trpc.progress.planSeries.queryOptions({ planId }));
  return (
    <section className="progress-history" aria-labelledby="plan-progress-history">
      <h2 id="plan-progress-history">{t('panel.title')}</h2>
      <QueryState query={series}>{(data) => <PlanSeriesView series={data} />}</QueryState>
    </section>
  );
}

function PlanSeriesView({ series }: { series: PlanSeries }) {
  const { t } = useTranslation('progressHistory');
  const { t: tv } = useTranslation('vocab');
  const rows = series.points.map((p) => ({
    time: dayTime(p.day),
    actual: p.value.progress,
    expected: p.value.expected,
    ...Object.fromEntries(p.value.stages.map((s, i) => [stageKey(i), s.progress])),
  }));
  const lines = [
    { key: 'actual', name: t('panel.plan'), color: PLAN_LINE_COLOR, width: 3 },
    ...series.stages.map((s, i) => ({
      key: stageKey(i),
      name: tv(`stageKind.${s.kind}`),
      color: STAGE_COLORS[s.kind],
      width: 1.5,
    })),
    { key: 'expected', name: t('panel.expected'), color: CHART_COLORS.expected, dashed: true },
  ];
  const meetings = series.meetings.map((m) => ({ ...m, time: dayTime(m.day) }));
  return (
    <>
      <p className="muted">{t('panel.explain')}</p>
      <ChartPanel
        title={t('panel.planChart')}
        chart={<ProgressLineChart rows={rows} lines={lines} meetings={meetings} />}
        table={<PlanSeriesTable series={series} />}
      />
    </>
  );
}

function PlanSeriesTable({ series }: { series: PlanSeries }) {
  const { t } = useTranslation('progressHistory');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const pointLabel = usePointLabel(series.today);
  return (
    // Wider than the screen with the stages' columns: the scroll box takes the keyboard focus.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('panel.planCaption')}>
      <table className="data-table compact">
        <caption>{t('panel.planCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('panel.day')}</th>
            <th scope="col">{t('panel.point')}</th>
            <th scope="col" className="numeric">
              {t('panel.plan')}
            </th>
            <th scope="col" className="numeric">
              {t('panel.expected')}
            </th>
            {series.stages.map((s) => (
              <th key={s.id} scope="col" className="numeric">
                {tv(`stageKind.${s.kind}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.points.map((p) => (
            <tr key={p.day}>
              <th scope="row">{format.date(p.day)}</th>
              <td>{pointLabel(p)}</td>
              <td className="numeric">{format.percent(p.value.progress)}</td>
              <td className="numeric">{format.percent(p.value.expected)}</td>
              {p.value.stages.map((s, i) => (
                <td key={series.stages[i]?.id ?? i} className="numeric">
                  {format.percent(s.progress)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
