import { lazy, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PermissionScope } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { adminPaths } from '../admin/paths';
import { QueryState } from '../../components/QueryState';
import { ChartPanel } from '../../components/ChartPanel';
import { TrackBadge } from '../../components/StatusBadge';
import { CsvDownload } from '../../components/CsvDownload';
import { MeasurementForm } from '../indicators/MeasurementForm';
import { CommentToggle } from '../comments/CommentToggle';
import {
  measurementRows,
  type MeasurementItem,
  type MeasurementRow,
  type PlanIndicator,
} from './indicatorSeries';

const IndicatorChart = lazy(() =>
  import('./IndicatorChart').then((m) => ({ default: m.IndicatorChart })),
);

/** The plan's indicators: where each stands, then one chart per indicator with its data. */
export function IndicatorsSection({
  planId,
  manage,
  scope,
  canRecord,
}: {
  planId: number;
  manage: boolean;
  scope: PermissionScope;
  canRecord: boolean;
}) {
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
                <IndicatorPanel
                  key={indicator.id}
                  indicator={indicator}
                  scope={scope}
                  canRecord={canRecord}
                />
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

/**
 * One indicator: its chart against the trajectory, the data with who recorded each value, entry
 * and correction of measurements for those who may record them, and its comments.
 */
export function IndicatorPanel({
  indicator,
  scope,
  canRecord,
}: {
  indicator: PlanIndicator;
  scope: PermissionScope;
  canRecord: boolean;
}) {
  const { t } = useTranslation('plan');
  const { t: tm } = useTranslation('measurements');
  const trpc = useTRPC();
  const [adding, setAdding] = useState(false);
  const measurements = useQuery(
    trpc.measurement.list.queryOptions({ indicatorId: indicator.id, limit: 200 }),
  );
  const title = t('indicators.chartTitle', { name: indicator.name, unit: indicator.unit });
  return (
    <div className="indicator-block" id={`indicator-${indicator.id}`}>
      <QueryState query={measurements}>
        {(data) => {
          const rows = measurementRows(indicator, data.items);
          return (
            <ChartPanel
              title={title}
              chart={
                <IndicatorChart
                  indicator={indicator}
                  rows={rows}
                  track={indicator.progress.track}
                />
              }
              table={
                <MeasurementTable
                  indicator={indicator}
                  rows={rows}
                  measurements={data.items}
                  canRecord={canRecord}
                />
              }
              actions={
                <>
                  {rows.length > 0 && (
                    <CsvDownload table="measurements" params={{ indicatorId: indicator.id }} />
                  )}
                  {canRecord && (
                    <button
                      type="button"
                      className="button button-small"
                      aria-expanded={adding}
                      onClick={() => setAdding((v) => !v)}
                    >
                      {adding ? tm('close') : tm('add')}
                    </button>
                  )}
                </>
              }
              footer={
                <div className="indicator-footer">
                  {canRecord && adding && (
                    <section
                      className="indicator-extras"
                      aria-label={tm('addHeading', { name: indicator.name })}
                    >
                      <h4>{tm('addHeading', { name: indicator.name })}</h4>
                      <MeasurementForm indicator={indicator} />
                    </section>
                  )}
                  <CommentToggle
                    target={{ entityType: 'indicator', entityId: indicator.id }}
                    scope={scope}
                    name={indicator.name}
                  />
                </div>
              }
            />
          );
        }}
      </QueryState>
    </div>
  );
}

function MeasurementTable({
  indicator,
  rows,
  measurements,
  canRecord,
}: {
  indicator: PlanIndicator;
  rows: MeasurementRow[];
  measurements: readonly MeasurementItem[];
  canRecord: boolean;
}) {
  const { t } = useTranslation('plan');
  const { t: tm } = useTranslation('measurements');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const [editingId, setEditingId] = useState<number | null>(null);
  const editing = measurements.find((m) => m.id === editingId);
  const unit = indicator.unit;
  return (
    <>
      {rows.length === 0 ? (
        <p className="state state-empty">{t('indicators.noMeasurements')}</p>
      ) : (
        <table className="data-table compact measurement-table">
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
              <th scope="col">{tm('recordedBy')}</th>
              <th scope="col">{tm('comment')}</th>
              {canRecord && (
                <th scope="col">
                  <span className="visually-hidden">{tm('correct')}</span>
                </th>
              )}
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
                <td>{row.recorderName ?? '—'}</td>
                <td>{row.comment || '—'}</td>
                {canRecord && (
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={tm('correctLabel', { date: format.date(row.date) })}
                      aria-pressed={editingId === row.id}
                      onClick={() => setEditingId(editingId === row.id ? null : row.id)}
                    >
                      {tm('correct')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canRecord && editing && (
        <div className="measurement-correction">
          <h4>{tm('correctHeading', { date: format.date(editing.measuredOn) })}</h4>
          <MeasurementForm
            key={editing.id}
            indicator={indicator}
            measurement={editing}
            onDone={() => setEditingId(null)}
          />
        </div>
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
