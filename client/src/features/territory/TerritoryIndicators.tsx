import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { territoryScope, useCan } from '../auth/currentUser';
import { adminPaths } from '../admin/paths';
import { QueryState } from '../../components/QueryState';
import { IndicatorPanel } from '../plan/IndicatorsSection';
import '../plan/plan.css';

/**
 * The indicators of the territory itself (no plan): one chart each, with measurement entry and
 * correction for its coordinators, and comments. Loaded lazily with its charts.
 */
export function TerritoryIndicators({
  territory,
}: {
  territory: { id: number; regionId: number };
}) {
  const { t } = useTranslation('measurements');
  const trpc = useTRPC();
  const can = useCan();
  const scope = territoryScope(territory);
  const manage = can('manage', scope);
  const indicators = useQuery(
    trpc.indicator.list.queryOptions({ territoryId: territory.id, limit: 200 }),
  );
  return (
    <section className="territory-indicators" aria-labelledby="territory-indicators-heading">
      <div className="panel-header">
        <div>
          <h2 id="territory-indicators-heading">{t('territory.heading')}</h2>
          <p className="muted small">{t('territory.intro')}</p>
        </div>
        {manage && (
          <Link className="button no-print" to={adminPaths.newTerritoryIndicator(territory.id)}>
            {t('territory.add')}
          </Link>
        )}
      </div>
      <QueryState
        query={indicators}
        isEmpty={(data) => data.items.every((i) => i.planId !== null)}
        empty={t('territory.empty')}
      >
        {(data) => (
          <div className="grid grid-2">
            {data.items
              .filter((indicator) => indicator.planId === null)
              .map((indicator) => (
                <div key={indicator.id}>
                  <IndicatorPanel indicator={indicator} scope={scope} canRecord={manage} />
                  {manage && (
                    <p className="no-print">
                      <Link
                        className="button button-small"
                        to={adminPaths.editIndicator(indicator.id)}
                      >
                        {t('territory.edit', { name: indicator.name })}
                      </Link>
                    </p>
                  )}
                </div>
              ))}
          </div>
        )}
      </QueryState>
    </section>
  );
}
