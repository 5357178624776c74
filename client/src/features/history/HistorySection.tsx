import type { UseQueryResult } from '@tanstack/react-query';
import { QueryState } from '../../components/QueryState';
import { Pagination } from '../../components/Pagination';
import { CsvDownload } from '../../components/CsvDownload';
import { HistoryTimeline } from './HistoryTimeline';
import type { HistoryItem } from './historyText';

export interface HistoryPageRequest {
  limit: number;
  offset: number;
}

/** The first page of a history panel. */
export const FIRST_HISTORY_PAGE: HistoryPageRequest = { limit: 25, offset: 0 };

/**
 * An item's history as a panel: its heading, the CSV download, the changes in sentences and the
 * pages. The caller runs the history query (an action's, a plan's) for `page`.
 */
export function HistorySection({
  headingId,
  heading,
  empty,
  csv,
  history,
  page,
  onPageChange,
}: {
  headingId: string;
  heading: string;
  empty: string;
  csv: { entityType: 'action' | 'plan'; entityId: number };
  history: UseQueryResult<{ items: HistoryItem[]; total: number }, unknown>;
  page: HistoryPageRequest;
  onPageChange: (page: HistoryPageRequest) => void;
}) {
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId}>{heading}</h2>
        {history.data && history.data.total > 0 && (
          <span className="no-print">
            <CsvDownload table="history" params={csv} />
          </span>
        )}
      </div>
      <QueryState query={history} isEmpty={(data) => data.total === 0} empty={empty}>
        {(data) => (
          <>
            <HistoryTimeline items={data.items} />
            {data.total > page.limit && (
              <Pagination
                total={data.total}
                limit={page.limit}
                offset={page.offset}
                onChange={onPageChange}
              />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
