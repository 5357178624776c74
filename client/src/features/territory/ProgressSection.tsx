import { lazy } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, STAGE_KINDS } from '@jalon/shared';
import { useFormat } from '../../lib/format';
import { ChartPanel } from '../../components/ChartPanel';
import { Empty } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import type { Overview } from './TerritoryPage';

const PlanStagesChart = lazy(() =>
  import('./charts').then((m) => ({ default: m.PlanStagesChart })),
);
const StatusChart = lazy(() => import('./charts').then((m) => ({ default: m.StatusChart })));

/** Where the actions table lists a territory's actions of one status. */
export const actionsOfStatus = (territoryId: number, status: string) =>
  `/actions?territoryId=${territoryId}&statuses=${status}`;

/** How far each plan and its stages have come, and how the actions spread over statuses. */
export function ProgressSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation('territory');
  return (
    <section className="territory-section" aria-labelledby="territory-progress">
      <h2 id="territory-progress">{t('progress.title')}</h2>
      <div className="territory-progress-grid">
        {overview.plans.length === 0 ? (
          <div className="panel">
            <Empty>{t('progress.empty')}</Empty>
          </div>
        ) : (
          <PlansChart plans={overview.plans} />
        )}
        <StatusPanel overview={overview} />
      </div>
    </section>
  );
}

function PlansChart({ plans }: { plans: Overview['plans'] }) {
  const { t } = useTranslation('territory');
  const format = useFormat();
  const rows = plans.map((p) => ({
    label: `${p.code} · ${format.percent(p.progress)}`,
    stages: p.stages,
  }));
  return (
    <ChartPanel
      title={t('progress.chart')}
      chart={<PlanStagesChart rows={rows} />}
      table={<PlansTable plans={plans} />}
    />
  );
}

function PlansTable({ plans }: { plans: Overview['plans'] }) {
  const { t } = useTranslation('territory');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="data-table compact">
        <caption>{t('progress.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('progress.code')}</th>
            <th scope="col">{t('progress.plan')}</th>
            <th scope="col">{t('progress.axis')}</th>
            <th scope="col" className="numeric">
              {t('progress.progress')}
            </th>
            {STAGE_KINDS.map((kind) => (
              <th key={kind} scope="col" className="numeric">
                {tv(`stageKind.${kind}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => (
            <tr key={plan.id}>
              <td>{plan.code}</td>
              <th scope="row">
                <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
              </th>
              <td>{tv(`axis.${plan.axis}`)}</td>
              <td className="numeric">{format.percent(plan.progress)}</td>
              {STAGE_KINDS.map((kind) => (
                <td key={kind} className="numeric">
                  {format.percent(plan.stages[kind])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StatusPanel({ overview }: { overview: Overview }) {
  const { t } = useTranslation('territory');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const rows = ACTION_STATUSES.map((status) => ({
    status,
    count: overview.statusCounts[status],
  }));
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  if (total === 0) {
    return (
      <div className="panel">
        <Empty>{t('status.empty')}</Empty>
      </div>
    );
  }
  const table = (
    <table className="data-table compact">
      <caption>{t('status.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('status.status')}</th>
          <th scope="col" className="numeric">
            {t('status.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.status}>
            <th scope="row">{tv(`actionStatus.${row.status}`)}</th>
            <td className="numeric">{format.number(row.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="status-panel">
      <ChartPanel
        title={t('status.chart')}
        chart={<StatusChart rows={rows} />}
        table={table}
        className="status-chart-panel"
      />
      <ul className="status-links no-print">
        {rows
          .filter((row) => row.count > 0)
          .map((row) => (
            <li key={row.status}>
              <StatusBadge status={row.status} />
              <Link
                to={actionsOfStatus(overview.territory.id, row.status)}
                aria-label={t('status.linkLabel', {
                  count: row.count,
                  status: tv(`actionStatus.${row.status}`),
                })}
              >
                {format.number(row.count)}
              </Link>
            </li>
          ))}
      </ul>
    </div>
  );
}
