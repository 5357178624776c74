import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat, type Formatters } from '../../lib/format';
import { QueryState } from '../../components/QueryState';
import { Pagination } from '../../components/Pagination';
import { CsvDownload } from '../../components/CsvDownload';
import type { PlanDetail } from './PlanPage';

type HistoryEntry = RouterOutputs['history']['list']['items'][number];

const FIELDS = [
  'code',
  'title',
  'summary',
  'axis',
  'priority',
  'leadOrganisationId',
  'startDate',
  'endDate',
  'budgetCents',
  'archivedAt',
  'territoryIds',
  'partners',
  'leadUserIds',
] as const;
type Field = (typeof FIELDS)[number];
const isField = (key: string): key is Field => (FIELDS as readonly string[]).includes(key);

/** Who changed what on the plan, newest first, each change as "old → new". */
export function PlanHistory({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const format = useFormat();
  const [page, setPage] = useState({ limit: 25, offset: 0 });
  const history = useQuery({
    ...trpc.history.list.queryOptions({ entityType: 'plan', entityId: plan.id, ...page }),
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
                  {entry.operation === 'update' && <Changes entry={entry} plan={plan} />}
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

function Changes({ entry, plan }: { entry: HistoryEntry; plan: PlanDetail }) {
  const { t } = useTranslation('plan');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const describe = (field: Field, value: unknown) =>
    describeValue(field, value, { plan, format, tv }) || t('history.empty_value');
  const keys = Object.keys(entry.newValue ?? {}).filter(isField);
  if (keys.length === 0) return null;
  return (
    <ul className="history-changes">
      {keys.map((field) => (
        <li key={field}>
          <span className="history-field">{t(`history.fields.${field}`)}</span>{' '}
          <del>{describe(field, entry.oldValue?.[field])}</del>
          <span aria-hidden="true"> → </span>
          <ins>{describe(field, entry.newValue?.[field])}</ins>
        </li>
      ))}
    </ul>
  );
}

interface Context {
  plan: PlanDetail;
  format: Formatters;
  tv: ReturnType<typeof useTranslation<'vocab'>>['t'];
}

/** A recorded value in words: names for ids the plan still knows, formatted dates and money. */
function describeValue(field: Field, value: unknown, { plan, format, tv }: Context): string {
  if (value === null || value === undefined || value === '') return '';
  const orgName = (id: unknown) =>
    plan.partners.find((p) => p.organisationId === id)?.name ??
    (id === plan.leadOrganisationId ? plan.leadOrganisationName : null) ??
    `#${text(id)}`;
  const text = (v: unknown) =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : JSON.stringify(v);
  const list = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : []);
  switch (field) {
    case 'axis':
      return tv(`axis.${text(value)}` as 'axis.skills');
    case 'priority':
      return tv(`priority.${text(value)}` as 'priority.high');
    case 'startDate':
    case 'endDate':
      return format.date(text(value));
    case 'archivedAt':
      return format.dateTime(text(value));
    case 'budgetCents':
      return format.money(Number(value));
    case 'leadOrganisationId':
      return orgName(value);
    case 'territoryIds':
      return list(value)
        .map((id) => plan.territories.find((t) => t.id === id)?.name ?? `#${text(id)}`)
        .join(', ');
    case 'leadUserIds':
      return list(value)
        .map((id) => plan.leads.find((l) => l.userId === id)?.name ?? `#${text(id)}`)
        .join(', ');
    case 'partners':
      return list(value)
        .map((p) => {
          const partner = p as { organisationId?: unknown; role?: unknown };
          return `${orgName(partner.organisationId)} (${tv(`partnerRole.${text(partner.role)}` as 'partnerRole.partner')})`;
        })
        .join(', ');
    default:
      return text(value);
  }
}
