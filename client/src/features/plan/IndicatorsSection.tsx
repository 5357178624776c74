import { lazy } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { adminPaths } from '../admin/paths';
import { QueryState } from '../../components/QueryState';
import { ChartPanel } from '../../components/ChartPanel';
import { TrackBadge } from '../../components/StatusBadge';
import { CsvDownload } from '../../components/CsvDownload';
import { measurementRows, type MeasurementRow, type PlanIndicator } from './indicatorSeries';

const IndicatorChart = lazy(() =>
  import('./IndicatorChart').then((m) => ({ default: m.IndicatorChart })),
);

/** The plan's indicators: where each stands, then one chart per indicator with its data. */
export function IndicatorsSection({ planId, manage }: { planId: number; manage: boolean }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const indicators = useQuery(trpc.indicator.list.queryOptions({ planId, limit: 200 }));
  return (
    <section className="plan-indicators" aria-labelledby="plan-indicators-heading">
      <h2 id="plan-indicators-heading">{t('indicators.heading')}</h2>
      <QueryState
        query={indicators}
        isEmpty={(data) => data.items.length === 0}
        empty={t('indicators.empty')}
      >
        {(data) => (
          <>
            <div className="panel">
              <IndicatorSummaryTable items={data.items} manage={manage} />
              <p className="table-download no-print">
                <CsvDownload table="indicators" params={{ planId }} />
              </p>
            </div>
            <div className="grid grid-2">
              {data.items.map((indicator) => (
                <IndicatorPanel key={indicator.id} indicator={indicator} />
              ))}
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}

function IndicatorSummaryTable({ items, manage }: { items: PlanIndicator[]; manage: boolean }) {
  const { t } = useTranslation('plan');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const valueOn = (value: number, date: string, unit: string) =>
    t('indicators.valueOn', { value: `${format.number(value)} ${unit}`, date: format.date(date) });
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{t('indicators.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.name')}</th>
            <th scope="col">{t('indicators.kind')}</th>
            <th scope="col">{t('indicators.baseline')}</th>
            <th scope="col">{t('indicators.target')}</th>
            <th scope="col">{t('indicators.latest')}</th>
            <th scope="col">{t('indicators.track')}</th>
            {manage && (
              <th scope="col">
                <span className="visually-hidden">{t('indicators.edit')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.name}</th>
              <td>{tv(`indicatorKind.${i.kind}`)}</td>
              <td>{valueOn(i.baselineValue, i.baselineDate, i.unit)}</td>
              <td>{valueOn(i.targetValue, i.targetDate, i.unit)}</td>
              <td>
                {i.progress.latest
                  ? valueOn(i.progress.latest.value, i.progress.latest.measuredOn, i.unit)
                  : '—'}
              </td>
              <td>
                <TrackBadge track={i.progress.track} />
              </td>
              {manage && (
                <td>
                  <Link
                    className="button button-small"
                    to={adminPaths.editIndicator(i.id)}
                    aria-label={t('indicators.editLabel', { name: i.name })}
                  >
                    {t('indicators.edit')}
                  </Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function IndicatorPanel({ indicator }: { indicator: PlanIndicator }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const measurements = useQuery(
    trpc.measurement.list.queryOptions({ indicatorId: indicator.id, limit: 200 }),
  );
  const title = t('indicators.chartTitle', { name: indicator.name, unit: indicator.unit });
  return (
    <QueryState query={measurements}>
      {(data) => {
        const rows = measurementRows(indicator, data.items);
        return (
          <ChartPanel
            title={title}
            chart={
              <IndicatorChart indicator={indicator} rows={rows} track={indicator.progress.track} />
            }
            table={<MeasurementTable indicator={indicator} rows={rows} />}
            actions={
              rows.length > 0 && (
                <CsvDownload table="measurements" params={{ indicatorId: indicator.id }} />
              )
            }
          />
        );
      }}
    </QueryState>
  );
}

function MeasurementTable({
  indicator,
  rows,
}: {
  indicator: PlanIndicator;
  rows: MeasurementRow[];
}) {
  const { t } = useTranslation('plan');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const unit = indicator.unit;
  return (
    <>
      {rows.length === 0 ? (
        <p className="state state-empty">{t('indicators.noMeasurements')}</p>
      ) : (
        <table className="data-table compact">
          <caption>{t('indicators.chartCaption', { name: indicator.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.date')}</th>
              <th scope="col" className="numeric">
                {t('indicators.value', { unit })}
              </th>
              <th scope="col" className="numeric">
                {t('indicators.expected', { unit })}
              </th>
              <th scope="col">{t('indicators.track')}</th>
              <th scope="col">{t('indicators.source')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{format.date(row.date)}</th>
                <td className="numeric">{format.number(row.value)}</td>
                <td className="numeric">{format.number(row.expected)}</td>
                <td>{tv(`indicatorTrack.${row.track}`)}</td>
                <td>{row.source || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">
        {t('indicators.referenceNote', {
          baseline: `${format.number(indicator.baselineValue)} ${unit}`,
          baselineDate: format.date(indicator.baselineDate),
          source: indicator.baselineSource || '—',
          target: `${format.number(indicator.targetValue)} ${unit}`,
          targetDate: format.date(indicator.targetDate),
        })}
      </p>
    </>
  );
}
