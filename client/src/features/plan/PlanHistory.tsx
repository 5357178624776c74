import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { FIRST_HISTORY_PAGE, HistorySection } from '../history/HistorySection';
import type { PlanDetail } from './PlanPage';

/** Who changed what on the plan and on its stages, actions and indicators, newest first. */
export function PlanHistory({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const [page, setPage] = useState(FIRST_HISTORY_PAGE);
  const history = useQuery({
    ...trpc.history.forPlan.queryOptions({ planId: plan.id, ...page }),
    placeholderData: keepPreviousData,
  });
  return (
    <HistorySection
      headingId="plan-history-heading"
      heading={t('history.heading')}
      empty={t('history.empty')}
      csv={{ entityType: 'plan', entityId: plan.id }}
      history={history}
      page={page}
      onPageChange={setPage}
    />
  );
}
