import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { QueryState } from '../../components/QueryState';
import { Pagination } from '../../components/Pagination';
import { CsvDownload } from '../../components/CsvDownload';
import { HistoryTimeline } from '../history/HistoryTimeline';

/** Who changed what on the action, newest first, in sentences, as every history in Jalon reads. */
export function ActionHistory({ actionId }: { actionId: number }) {
  const { t } = useTranslation('action');
  const trpc = useTRPC();
  const [page, setPage] = useState({ limit: 25, offset: 0 });
  const history = useQuery({
    ...trpc.history.list.queryOptions({ entityType: 'action', entityId: actionId, ...page }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="panel" aria-labelledby="action-history-heading">
      <div className="panel-header">
        <h2 id="action-history-heading">{t('history.heading')}</h2>
        {history.data && history.data.total > 0 && (
          <span className="no-print">
            <CsvDownload table="history" params={{ entityType: 'action', entityId: actionId }} />
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
