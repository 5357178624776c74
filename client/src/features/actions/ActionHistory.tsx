import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { FIRST_HISTORY_PAGE, HistorySection } from '../history/HistorySection';

/** Who changed what on the action, newest first, in sentences, as every history in Jalon reads. */
export function ActionHistory({ actionId }: { actionId: number }) {
  const { t } = useTranslation('action');
  const trpc = useTRPC();
  const [page, setPage] = useState(FIRST_HISTORY_PAGE);
  const history = useQuery({
    ...trpc.history.list.queryOptions({ entityType: 'action', entityId: actionId, ...page }),
    placeholderData: keepPreviousData,
  });
  return (
    <HistorySection
      headingId="action-history-heading"
      heading={t('history.heading')}
      empty={t('history.empty')}
      csv={{ entityType: 'action', entityId: actionId }}
      history={history}
      page={page}
      onPageChange={setPage}
    />
  );
}
