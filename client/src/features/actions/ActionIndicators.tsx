import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { QueryState } from '../../components/QueryState';
import { TrackBadge } from '../../components/StatusBadge';

type Indicator = RouterOutputs['indicator']['list']['items'][number];

/** Where the plan's indicators stand: the latest value of each, who recorded it and when. */
export function ActionIndicators({ planId }: { planId: number }) {
  const { t } = useTranslation('action');
  const trpc = useTRPC();
  const indicators = useQuery(trpc.indicator.list.queryOptions({ planId, limit: 100 }));
  return (
    <section className="panel" aria-labelledby="action-indicators-heading">
      <h2 id="action-indicators-heading">{t('indicators.heading')}</h2>
      <QueryState
        query={indicators}
        isEmpty={(data) => data.items.length === 0}
        empty={t('indicators.empty')}
      >
        {(data) => (
          <div className="table-scroll">
            <table className="data-table compact">
              <caption className="visually-hidden">{t('indicators.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.name')}</th>
                  <th scope="col">{t('indicators.latest')}</th>
                  <th scope="col">{t('indicators.author')}</th>
                  <th scope="col">{t('indicators.track')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((indicator) => (
                  <IndicatorRow key={indicator.id} indicator={indicator} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      <p className="table-download">
        <Link to={`/plans/${planId}#plan-indicators-heading`}>{t('indicators.seeAll')}</Link>
      </p>
    </section>
  );
}

function IndicatorRow({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation('action');
  const trpc = useTRPC();
  const format = useFormat();
  const latest = indicator.progress.latest;
  // The newest measurement, for who recorded it (the list gives the value and date only).
  const newest = useQuery({
    ...trpc.measurement.list.queryOptions({ indicatorId: indicator.id, limit: 1 }),
    enabled: latest !== null,
  });
  return (
    <tr>
      <th scope="row">
        <Link to={`/plans/${indicator.planId ?? 0}#indicator-${indicator.id}`}>
          {indicator.name}
        </Link>
      </th>
      <td>
        {latest
          ? t('indicators.valueOn', {
              value: format.number(latest.value),
              unit: indicator.unit,
              date: format.date(latest.measuredOn),
            })
          : t('indicators.none')}
      </td>
      <td>{newest.data?.items[0]?.recorderName ?? '—'}</td>
      <td>
        <TrackBadge track={indicator.progress.track} />
      </td>
    </tr>
  );
}
