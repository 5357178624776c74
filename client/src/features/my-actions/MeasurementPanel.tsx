import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { QueryState } from '../../components/QueryState';
import { MeasurementForm } from '../indicators/MeasurementForm';
import { TrackBadge } from '../../components/StatusBadge';
import { planScope, useCan } from '../auth/currentUser';

type Indicator = RouterOutputs['indicator']['list']['items'][number];

/** Measurement entry for the indicators of every plan the user leads. */
export function MeasurementPanel({ planIds }: { planIds: readonly number[] }) {
  const { t } = useTranslation('myActions');
  return (
    <section className="panel" aria-labelledby="my-indicators-heading">
      <div className="panel-header">
        <div>
          <h2 id="my-indicators-heading">{t('indicators.heading')}</h2>
          <p className="muted small my-panel-intro">{t('indicators.intro')}</p>
        </div>
      </div>
      {planIds.map((planId) => (
        <LedPlanIndicators key={planId} planId={planId} />
      ))}
    </section>
  );
}

function LedPlanIndicators({ planId }: { planId: number }) {
  const { t } = useTranslation('myActions');
  const trpc = useTRPC();
  const can = useCan();
  const plan = useQuery(trpc.plan.byId.queryOptions({ id: planId }));
  const indicators = useQuery(trpc.indicator.list.queryOptions({ planId, limit: 100 }));
  return (
    <QueryState query={plan}>
      {(p) => (
        <div className="my-plan-indicators">
          <h3>{t('indicators.planHeading', { code: p.code, title: p.title })}</h3>
          <QueryState
            query={indicators}
            isEmpty={(data) => data.items.length === 0}
            empty={t('indicators.empty')}
          >
            {(data) => (
              <ul className="my-indicator-list">
                {data.items.map((indicator) => (
                  <li key={indicator.id}>
                    <IndicatorCard
                      indicator={indicator}
                      canRecord={can('update_plan_work', planScope(p))}
                    />
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </div>
      )}
    </QueryState>
  );
}

function IndicatorCard({ indicator, canRecord }: { indicator: Indicator; canRecord: boolean }) {
  const { t } = useTranslation('myActions');
  const format = useFormat();
  const latest = indicator.progress.latest;
  const headingId = useId();
  return (
    <article className="my-indicator" aria-labelledby={headingId}>
      <h4 id={headingId}>{indicator.name}</h4>
      <dl className="my-indicator-facts">
        <div>
          <dt>{t('indicators.latest')}</dt>
          <dd>
            {latest
              ? t('indicators.valueOn', {
                  value: format.number(latest.value),
                  unit: indicator.unit,
                  date: format.date(latest.measuredOn),
                })
              : t('indicators.none')}
          </dd>
        </div>
        <div>
          <dt>{t('indicators.target')}</dt>
          <dd>
            {t('indicators.valueOn', {
              value: format.number(indicator.targetValue),
              unit: indicator.unit,
              date: format.date(indicator.targetDate),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('indicators.track')}</dt>
          <dd>
            <TrackBadge track={indicator.progress.track} />
          </dd>
        </div>
      </dl>
      <RecentMeasurements indicator={indicator} />
      {canRecord && <MeasurementForm indicator={indicator} />}
    </article>
  );
}

/** The last few measurements, with who recorded each and their comment. */
function RecentMeasurements({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation('measurements');
  const trpc = useTRPC();
  const format = useFormat();
  const recent = useQuery(
    trpc.measurement.list.queryOptions({ indicatorId: indicator.id, limit: 3 }),
  );
  if (!recent.data || recent.data.items.length === 0) return null;
  return (
    <div className="my-recent-measurements">
      <p className="small my-recent-heading">{t('recent')}</p>
      <ul className="small">
        {recent.data.items.map((m) => (
          <li key={m.id}>
            {t('recentItem', {
              date: format.date(m.measuredOn),
              value: format.number(m.value),
              unit: indicator.unit,
              name: m.recorderName ?? t('unknownAuthor'),
            })}
            {m.comment && <span className="muted"> · {m.comment}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
