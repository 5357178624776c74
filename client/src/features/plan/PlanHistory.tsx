import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { QueryState } from '../../components/QueryState';
import { Pagination } from '../../components/Pagination';
import { CsvDownload } from '../../components/CsvDownload';
import { HistoryTimeline } from '../history/HistoryTimeline';
import type { PlanDetail } from './PlanPage';

/** Who changed what on the plan and on its stages, actions and indicators, newest first. */
export function PlanHistory({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const [page, setPage] = useState({ limit: 25, offset: 0 });
  const history = useQuery({
    ...trpc.history.forPlan.queryOptions({ planId: plan.id, ...page }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="panel" aria-labelledby="plan-history-heading">
      <div className="panel-header">
        <h2 id="plan-history-heading">{t('history.heading')}</h2>
        {history.data && history.data.total > 0 && (
          <span className="no-print">
            <CsvDownload table="history" params={{ entityType: 'plan', entityId: plan.id }} />
          </span>
        )}
      </div>
      <QueryState query={history} isEmpty={(data) => data.total === 0} empty={t('history.empty')}>
        {(data) => (
          <>
            <HistoryTimeline items={data.items} />
            {data.total > page.limit && (
              <Pagination
                total={data.total}
                limit={page.limit}
                offset={page.offset}
                onChange={setPage}
              />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
