import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ActionLink } from '../actions/ActionLink';
import { useFormat } from '../../lib/format';
import { Empty } from '../../components/QueryState';
import { StatusBadge, TrackBadge } from '../../components/StatusBadge';
import { CsvDownload } from '../../components/CsvDownload';
import type { Overview } from './TerritoryPage';

type AttentionList = Overview['overdue'];
type OffTrackIndicator = Overview['indicators']['offTrack'][number];

/** What a committee must discuss: overdue and blocked actions, indicators off their trajectory. */
export function AttentionSection({ overview }: { overview: Overview }) {
  const { t } = useTranslation('territory');
  const id = overview.territory.id;
  return (
    <section className="territory-section" aria-labelledby="territory-attention">
      <h2 id="territory-attention">{t('attention.title')}</h2>
      <ActionsPanel
        headingId="territory-overdue"
        title={t('attention.overdue')}
        list={overview.overdue}
        empty={t('attention.overdueEmpty')}
        seeAll={{ to: `/actions?territoryId=${id}&overdue=1`, label: t('attention.seeAllOverdue') }}
        csv={{ territoryId: id, overdue: '1' }}
      />
      <ActionsPanel
        headingId="territory-blocked"
        title={t('attention.blocked')}
        list={overview.blocked}
        empty={t('attention.blockedEmpty')}
        seeAll={{
          to: `/actions?territoryId=${id}&statuses=blocked`,
          label: t('attention.seeAllBlocked'),
        }}
        csv={{ territoryId: id, statuses: ['blocked'] }}
      />
      <IndicatorsPanel territoryId={id} indicators={overview.indicators} />
    </section>
  );
}

function ActionsPanel({
  headingId,
  title,
  list,
  empty,
  seeAll,
  csv,
}: {
  headingId: string;
  title: string;
  list: AttentionList;
  empty: string;
  seeAll: { to: string; label: string };
  /** The filters of the actions export that gives this list in full. */
  csv: Parameters<typeof CsvDownload>[0]['params'];
}) {
  const { t } = useTranslation('territory');
  const format = useFormat();
  return (
    <section className="panel attention-panel" aria-labelledby={headingId}>
      <div className="panel-header">
        <h3 id={headingId}>
          {title} <span className="count-badge">{format.number(list.total)}</span>
        </h3>
        {list.total > 0 && (
          <div className="attention-links no-print">
            <Link to={seeAll.to}>{seeAll.label}</Link>
            <CsvDownload table="actions" params={csv} />
          </div>
        )}
      </div>
      {list.total === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table attention-table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('attention.columns.plan')}</th>
                  <th scope="col">{t('attention.columns.action')}</th>
                  <th scope="col">{t('attention.columns.owner')}</th>
                  <th scope="col">{t('attention.columns.dueDate')}</th>
                  <th scope="col">{t('attention.columns.status')}</th>
                  <th scope="col">{t('attention.columns.justification')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((action) => (
                  <tr key={action.id}>
                    <td className="nowrap">
                      <Link to={`/plans/${action.planId}`}>{action.planCode}</Link>
                    </td>
                    <th scope="row">
                      <ActionLink id={action.id} title={action.title} />
                    </th>
                    <td>
                      {action.ownerName ?? <span className="muted">{t('attention.noOwner')}</span>}
                    </td>
                    <td className="nowrap">{format.date(action.dueDate)}</td>
                    <td>
                      <StatusBadge status={action.status} />
                    </td>
                    <td className="justification">
                      {action.statusComment ?? (
                        <span className="muted">{t('attention.noJustification')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.total > list.items.length && (
            <p className="muted small">
              {t('attention.shown', {
                shown: format.number(list.items.length),
                total: format.number(list.total),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function IndicatorsPanel({
  territoryId,
  indicators,
}: {
  territoryId: number;
  indicators: Overview['indicators'];
}) {
  const { t } = useTranslation('territory');
  const format = useFormat();
  const offTrack = indicators.byTrack.off_track;
  return (
    <section className="panel attention-panel" aria-labelledby="territory-indicators">
      <div className="panel-header">
        <h3 id="territory-indicators">
          {t('indicators.title')} <span className="count-badge">{format.number(offTrack)}</span>
        </h3>
        <div className="attention-links">
          <span className="muted">
            {t('indicators.summary', {
              offTrack: format.number(offTrack),
              total: format.number(indicators.total),
            })}
          </span>
          {offTrack > 0 && (
            <span className="no-print">
              <CsvDownload table="indicators" params={{ territoryId, tracks: ['off_track'] }} />
            </span>
          )}
        </div>
      </div>
      {indicators.offTrack.length === 0 ? (
        <Empty>{t('indicators.empty')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="data-table attention-table">
            <caption className="visually-hidden">{t('indicators.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.columns.name')}</th>
                <th scope="col">{t('indicators.columns.plan')}</th>
                <th scope="col" className="numeric">
                  {t('indicators.columns.latest')}
                </th>
                <th scope="col" className="numeric">
                  {t('indicators.columns.expected')}
                </th>
                <th scope="col" className="numeric">
                  {t('indicators.columns.target')}
                </th>
                <th scope="col">{t('indicators.columns.track')}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.offTrack.map((indicator) => (
                <IndicatorRow key={indicator.id} indicator={indicator} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function IndicatorRow({ indicator }: { indicator: OffTrackIndicator }) {
  const { t } = useTranslation('territory');
  const format = useFormat();
  const withUnit = (value: number | null) =>
    value === null
      ? format.number(null)
      : t('indicators.valueWithUnit', { value: format.number(value, 1), unit: indicator.unit });
  return (
    <tr>
      <th scope="row">{indicator.name}</th>
      <td className="nowrap">
        {indicator.planId !== null && indicator.planCode !== null ? (
          <Link to={`/plans/${indicator.planId}`}>{indicator.planCode}</Link>
        ) : (
          t('indicators.territoryWide')
        )}
      </td>
      <td className="numeric">
        {indicator.latest ? (
          <>
            <strong>{withUnit(indicator.latest.value)}</strong>
            <br />
            <span className="muted small">
              {t('indicators.measuredOn', { date: format.date(indicator.latest.measuredOn) })}
            </span>
          </>
        ) : (
          <span className="muted">{t('indicators.noMeasure')}</span>
        )}
      </td>
      <td className="numeric">{withUnit(indicator.expectedValue)}</td>
      <td className="numeric">
        {withUnit(indicator.targetValue)}
        <br />
        <span className="muted small">
          {t('indicators.targetBy', { date: format.date(indicator.targetDate) })}
        </span>
      </td>
      <td>
        <TrackBadge track={indicator.track} />
      </td>
    </tr>
  );
}
