import { lazy } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type RouterInputs, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCurrentUser } from '../auth/currentUser';
import { QueryState } from '../../components/QueryState';
import { ProgressBar } from '../../components/ProgressBar';
import { Pagination } from '../../components/Pagination';
import { ChartPanel } from '../../components/ChartPanel';
import { CsvDownload } from '../../components/CsvDownload';
import { offsetParam, pageSizeParam } from '../../lib/addressParams';

const ProgressBarChart = lazy(() =>
  import('./ProgressBarChart').then((m) => ({ default: m.ProgressBarChart })),
);

type Portfolio = RouterOutputs['dashboard']['portfolio'];
type PortfolioSort = NonNullable<RouterInputs['dashboard']['portfolio']['sort']>;
const SORTS: readonly PortfolioSort[] = ['name', 'progress', 'overdue'];

/** Sort and page live in the URL, so a view can be shared by link. */
function usePortfolioParams() {
  const [params, setParams] = useSearchParams();
  const sortParam = params.get('sort');
  const sort: PortfolioSort = SORTS.find((s) => s === sortParam) ?? 'name';
  const direction = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const limit = pageSizeParam(params.get('limit'));
  const offset = offsetParam(params.get('offset'));
  const update = (next: Record<string, string | number>) =>
    setParams((current) => {
      const merged = new URLSearchParams(current);
      for (const [key, value] of Object.entries(next)) merged.set(key, String(value));
      return merged;
    });
  return { sort, direction, limit, offset, update } as const;
}

export function HomePage() {
  const { t } = useTranslation('home');
  const trpc = useTRPC();
  const user = useCurrentUser();
  const { sort, direction, limit, offset, update } = usePortfolioParams();
  useDocumentTitle(t('title'));
  const portfolio = useQuery({
    ...trpc.dashboard.portfolio.queryOptions({ sort, direction, limit, offset }),
    placeholderData: keepPreviousData,
  });
  const observer = user.globalRole !== null || user.observedRegionIds.length > 0;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('title')}</h1>
          {portfolio.data && (
            <p className="muted">
              {t('greeting', { name: user.name })} · {t('intro', { count: portfolio.data.total })}
            </p>
          )}
        </div>
      </header>
      <QueryState query={portfolio} isEmpty={(data) => data.total === 0} empty={t('empty')}>
        {(data) => (
          <>
            <SummaryFigures summary={data.summary} />
            <div className={observer ? 'grid grid-3' : 'grid'}>
              <TerritoriesChart items={data.items} />
              {observer && <RegionsChart regions={data.summary.regions} />}
              {observer && <AxesChart axes={data.summary.axes} />}
            </div>
            <section className="panel">
              <div className="panel-header">
                <h2>{t('tableCaption')}</h2>
                <div className="toolbar">
                  <label>
                    {t('sortBy')}{' '}
                    <select
                      value={`${sort}:${direction}`}
                      onChange={(e) => {
                        const [s = 'name', d = 'asc'] = e.target.value.split(':');
                        update({ sort: s, dir: d, offset: 0 });
                      }}
                    >
                      <option value="name:asc">{t('sort.name')} ↑</option>
                      <option value="progress:desc">{t('sort.progress')} ↓</option>
                      <option value="progress:asc">{t('sort.progress')} ↑</option>
                      <option value="overdue:desc">{t('sort.overdue')} ↓</option>
                    </select>
                  </label>
                  <CsvDownload table="portfolio" params={{ sort, direction }} />
                </div>
              </div>
              <PortfolioTable items={data.items} />
              <Pagination
                total={data.total}
                limit={limit}
                offset={offset}
                onChange={(next) => update(next)}
              />
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}

function SummaryFigures({ summary }: { summary: Portfolio['summary'] }) {
  const { t } = useTranslation('home');
  const format = useFormat();
  return (
    <dl className="figures">
      {summary.nation !== null && (
        <div className="figure">
          <dt>{t('nationalProgress')}</dt>
          <dd>{format.percent(summary.nation)}</dd>
        </div>
      )}
      <div className="figure">
        <dt>{t('offTrackTotal')}</dt>
        <dd>{format.number(summary.indicatorsOffTrack)}</dd>
      </div>
    </dl>
  );
}

function PortfolioTable({ items }: { items: Portfolio['items'] }) {
  const { t } = useTranslation('home');
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.territory')}</th>
            <th scope="col">{t('columns.region')}</th>
            <th scope="col">{t('columns.progress')}</th>
            <th scope="col" className="numeric">
              {t('columns.plans')}
            </th>
            <th scope="col" className="numeric">
              {t('columns.overdue')}
            </th>
            <th scope="col" className="numeric">
              {t('columns.blocked')}
            </th>
            <th scope="col" className="numeric">
              {t('columns.offTrack')}
            </th>
            <th scope="col">{t('columns.lastMeeting')}</th>
            <th scope="col">{t('columns.nextMeeting')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <Link to={`/territories/${item.id}`}>{item.name}</Link>
              </th>
              <td>{item.regionName}</td>
              <td>
                <ProgressBar
                  value={item.progress}
                  label={`${t('columns.progress')} ${item.name}`}
                />
              </td>
              <td className="numeric">{format.number(item.planCount)}</td>
              <td className={item.overdueCount > 0 ? 'numeric attention' : 'numeric'}>
                {format.number(item.overdueCount)}
              </td>
              <td className={item.blockedCount > 0 ? 'numeric attention' : 'numeric'}>
                {format.number(item.blockedCount)}
              </td>
              <td className={item.indicatorsOffTrack > 0 ? 'numeric attention' : 'numeric'}>
                {format.number(item.indicatorsOffTrack)}
              </td>
              <td>{format.date(item.lastHeldMeetingAt)}</td>
              <td>{format.date(item.nextMeetingAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DataTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { label: string; value: number | null }[];
}) {
  const { t } = useTranslation('home');
  const format = useFormat();
  return (
    <table className="data-table compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col" className="numeric">
            {t('columns.progress')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            <td className="numeric">{format.percent(row.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TerritoriesChart({ items }: { items: Portfolio['items'] }) {
  const { t } = useTranslation('home');
  const rows = items.map((i) => ({ label: i.name, value: i.progress }));
  return (
    <ChartPanel
      title={t('chartTerritories')}
      chart={<ProgressBarChart rows={rows} />}
      table={<DataTable caption={t('chartTerritories')} rows={rows} />}
    />
  );
}

function RegionsChart({ regions }: { regions: Portfolio['summary']['regions'] }) {
  const { t } = useTranslation('home');
  const rows = regions.map((r) => ({
    label: r.partial ? `${r.regionName} *` : r.regionName,
    value: r.progress,
  }));
  return (
    <ChartPanel
      title={t('chartRegions')}
      chart={<ProgressBarChart rows={rows} />}
      table={
        <>
          <DataTable caption={t('chartRegions')} rows={rows} />
          {regions.some((r) => r.partial) && <p className="muted small">* {t('partialRegion')}</p>}
        </>
      }
    />
  );
}

function AxesChart({ axes }: { axes: Portfolio['summary']['axes'] }) {
  const { t } = useTranslation('home');
  const { t: tv } = useTranslation('vocab');
  const rows = axes.map((a) => ({ label: tv(`axis.${a.axis}`), value: a.progress }));
  return (
    <ChartPanel
      title={t('chartAxes')}
      chart={<ProgressBarChart rows={rows} />}
      table={<DataTable caption={t('chartAxes')} rows={rows} />}
    />
  );
}
