import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { QueryState } from '../../components/QueryState';
import { Pagination } from '../../components/Pagination';
import { CsvDownload } from '../../components/CsvDownload';

type HistoryEntry = RouterOutputs['history']['list']['items'][number];

const FIELDS = [
  'title',
  'description',
  'ownerUserId',
  'stageId',
  'status',
  'progress',
  'statusComment',
  'startDate',
  'dueDate',
  'completedOn',
  'archivedAt',
] as const;
type Field = (typeof FIELDS)[number];
const ID_FIELDS: ReadonlySet<Field> = new Set(['ownerUserId', 'stageId']);
const isField = (key: string): key is Field => (FIELDS as readonly string[]).includes(key);

/**
 * Who changed what on the action, newest first, as the plan page's history reads. A section of its
 * own so the readable history component can take its place.
 */
export function ActionHistory({ actionId }: { actionId: number }) {
  const { t } = useTranslation('action');
  const trpc = useTRPC();
  const format = useFormat();
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
            <ol className="history-list">
              {data.items.map((entry) => (
                <li key={entry.id}>
                  <p className="history-head">
                    <strong>{entry.userName ?? t('history.unknownUser')}</strong>{' '}
                    {t(`history.operation.${entry.operation}`)}
                    {' · '}
                    <time dateTime={entry.occurredAt} className="muted">
                      {format.dateTime(entry.occurredAt)}
                    </time>
                  </p>
                  {(entry.operation === 'update' || entry.operation === 'status') && (
                    <Changes entry={entry} />
                  )}
                  {entry.comment && <p className="history-comment">{entry.comment}</p>}
                </li>
              ))}
            </ol>
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

function Changes({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation('action');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const describe = (field: Field, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('history.emptyValue');
    const text =
      typeof value === 'string' || typeof value === 'number'
        ? String(value)
        : JSON.stringify(value);
    switch (field) {
      case 'status':
        return tv(`actionStatus.${text}` as 'actionStatus.done');
      case 'progress':
        return `${format.number(Number(value))} %`;
      case 'startDate':
      case 'dueDate':
      case 'completedOn':
        return format.date(text);
      case 'archivedAt':
        return format.dateTime(text);
      default:
        return text;
    }
  };
  const keys = Object.keys(entry.newValue ?? {}).filter(isField);
  if (keys.length === 0) return null;
  return (
    <ul className="history-changes">
      {keys.map((field) => (
        <li key={field}>
          <span className="history-field">{t(`history.fields.${field}`)}</span>
          {/* Ids of people and stages: the readable history will name them; the field says enough meanwhile. */}
          {!ID_FIELDS.has(field) && (
            <>
              {' '}
              <del>{describe(field, entry.oldValue?.[field])}</del>
              <span aria-hidden="true"> → </span>
              <ins>{describe(field, entry.newValue?.[field])}</ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
