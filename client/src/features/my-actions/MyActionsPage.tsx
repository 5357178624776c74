import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type ActionStatus } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { planScope, useCan, useCurrentUser } from '../auth/currentUser';
import { QueryState } from '../../components/QueryState';
import { Pagination } from '../../components/Pagination';
import { ActionRow, type MyAction } from './ActionRow';
import { MeasurementPanel } from './MeasurementPanel';
import { UpdateRequestBanner } from './UpdateRequestBanner';
import './myActions.css';
import { offsetParam, pageSizeParam } from '../../lib/addressParams';

const SHOWS = ['open', 'overdue', 'all'] as const;
type Show = (typeof SHOWS)[number];

/** Still to update: what is neither done nor dropped. Sorted by due date, the overdue come first. */
const OPEN_STATUSES: ActionStatus[] = ACTION_STATUSES.filter(
  (s) => s !== 'done' && s !== 'dropped',
);

const FILTERS: Record<Show, { statuses?: ActionStatus[]; overdue?: boolean }> = {
  open: { statuses: OPEN_STATUSES },
  overdue: { overdue: true },
  all: {},
};

/** Filter and page live in the URL, so a reload keeps the lead where they were. */
function useMyActionsParams() {
  const [params, setParams] = useSearchParams();
  const showParam = params.get('show');
  const show: Show = SHOWS.find((s) => s === showParam) ?? 'open';
  const limit = pageSizeParam(params.get('limit'));
  const offset = offsetParam(params.get('offset'));
  const update = (next: Record<string, string | number>) =>
    setParams((current) => {
      const merged = new URLSearchParams(current);
      for (const [key, value] of Object.entries(next)) merged.set(key, String(value));
      return merged;
    });
  return { show, limit, offset, update } as const;
}

export function MyActionsPage() {
  const { t } = useTranslation('myActions');
  const trpc = useTRPC();
  const user = useCurrentUser();
  const { show, limit, offset, update } = useMyActionsParams();
  useDocumentTitle(t('title'));

  const actions = useQuery({
    ...trpc.action.list.queryOptions({
      mine: true,
      sort: 'dueDate',
      limit,
      offset,
      ...FILTERS[show],
    }),
    placeholderData: keepPreviousData,
  });
  const overdue = useQuery(
    trpc.action.list.queryOptions({ mine: true, overdue: true, limit: 1, offset: 0 }),
  );
  const all = useQuery(trpc.action.list.queryOptions({ mine: true, limit: 1, offset: 0 }));

  return (
    <div className="page my-actions-page">
      <header className="page-header">
        <div>
          <h1>{t('title')}</h1>
          {all.data && (
            <p className="muted">
              {t('summary', { count: all.data.total })}
              {overdue.data && overdue.data.total > 0 && (
                <>
                  {', '}
                  <strong className="attention">
                    {t('overdueSummary', { count: overdue.data.total })}
                  </strong>
                </>
              )}
            </p>
          )}
        </div>
      </header>

      <UpdateRequestBanner />

      <section className="panel" aria-labelledby="my-actions-heading">
        <div className="panel-header">
          <div>
            <h2 id="my-actions-heading">{t('actionsHeading')}</h2>
            <p className="muted small my-panel-intro">{t('intro')}</p>
          </div>
          <div className="toolbar">
            <label>
              {t('show.label')}{' '}
              <select value={show} onChange={(e) => update({ show: e.target.value, offset: 0 })}>
                {SHOWS.map((value) => (
                  <option key={value} value={value}>
                    {t(`show.${value}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>
        <QueryState
          query={actions}
          isEmpty={(data) => data.total === 0}
          empty={all.data?.total === 0 ? t('emptyWhen.all') : t(`emptyWhen.${show}`)}
        >
          {(data) => (
            <>
              <ActionsTable key={`${show}:${limit}:${offset}`} items={data.items} />
              {data.total > limit || offset > 0 ? (
                <Pagination
                  total={data.total}
                  limit={limit}
                  offset={offset}
                  onChange={(next) => update(next)}
                />
              ) : null}
            </>
          )}
        </QueryState>
      </section>

      {user.ledPlanIds.length > 0 && <MeasurementPanel planIds={user.ledPlanIds} />}
    </div>
  );
}

/**
 * The rows of the page, each editable only if the user may update its plan's work: the plan's
 * territories are needed for that, so the plans of the page are fetched once each.
 */
function ActionsTable({ items: fetched }: { items: MyAction[] }) {
  const { t } = useTranslation('myActions');
  const items = useStickyRows(fetched);
  const trpc = useTRPC();
  const can = useCan();
  const planIds = [...new Set(items.map((a) => a.planId))];
  const plans = useQueries({
    queries: planIds.map((id) => trpc.plan.byId.queryOptions({ id })),
  });
  const editable = new Map<number, boolean>();
  for (const plan of plans) {
    if (plan.data) editable.set(plan.data.id, can('update_plan_work', planScope(plan.data)));
  }
  return (
    <div className="table-scroll">
      <table className="data-table my-actions-table">
        <caption className="visually-hidden">{t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.action')}</th>
            <th scope="col">{t('columns.status')}</th>
            <th scope="col">{t('columns.progress')}</th>
            <th scope="col">{t('columns.comment')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('columns.save')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((action) => (
            <ActionRow
              key={action.id}
              action={action}
              canEdit={editable.get(action.planId) ?? null}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A row that leaves the view after a save (marked done under "to update") stays in place until
 * the view changes (the table is keyed by filter and page), so the lead's focus and the row's
 * "saved" message do not vanish under their hands.
 */
function useStickyRows(items: MyAction[]): MyAction[] {
  const [state, setState] = useState({ items, shown: items });
  if (state.items === items) return state.shown;
  const ids = new Set(items.map((a) => a.id));
  const shown = [...items];
  state.shown.forEach((row, index) => {
    if (!ids.has(row.id)) shown.splice(Math.min(index, shown.length), 0, row);
  });
  setState({ items, shown });
  return shown;
}
