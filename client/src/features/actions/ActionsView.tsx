import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ColumnVisibilityState } from '@tanstack/react-table';
import { managedTerritoryIds } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { QueryState } from '../../components/QueryState';
import { Pagination } from '../../components/Pagination';
import { CsvDownload, csvExportUrl } from '../../components/CsvDownload';
import { useCurrentUser } from '../auth/currentUser';
import { useActionsState } from './actionsState';
import { ActionsFilters } from './ActionsFilters';
import { ActionsTable } from './ActionsTable';
import { HIDEABLE_COLUMNS } from './columns';
import './actions.css';

/**
 * The actions table with its filters, embeddable: the Actions page shows it for everything the
 * user may read, the plan page with `fixed={{ planId }}`. Filters live in the URL when
 * `urlState` is true (the default).
 */
export interface ActionsViewProps {
  /** Filters the view always applies and does not offer to change. */
  fixed?: { territoryId?: number; planId?: number };
  urlState?: boolean;
}

const COLUMNS_STORAGE_KEY = 'jalon.actions.columns';

function storedVisibility(): ColumnVisibilityState {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(COLUMNS_STORAGE_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, boolean] => typeof entry[1] === 'boolean',
      ),
    );
  } catch {
    return {};
  }
}

/** The person's column choice, remembered in this browser across visits. */
function useColumnVisibility() {
  const [visibility, setVisibility] = useState(storedVisibility);
  const change = (next: ColumnVisibilityState) => {
    setVisibility(next);
    try {
      localStorage.setItem(COLUMNS_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage full or refused (private mode): the choice lasts for this page only.
    }
  };
  return [visibility, change] as const;
}

export function ActionsView({ fixed = {}, urlState = true }: ActionsViewProps) {
  const { t, i18n } = useTranslation(['actions', 'imports']);
  const trpc = useTRPC();
  const user = useCurrentUser();
  const { state, update } = useActionsState(urlState);
  const [visibility, setVisibility] = useColumnVisibility();

  const filters = {
    territoryId: fixed.territoryId ?? state.territoryId,
    planId: fixed.planId,
    statuses: state.statuses.length > 0 ? state.statuses : undefined,
    stageKind: state.stageKind,
    ownerUserId: typeof state.owner === 'number' ? state.owner : undefined,
    mine: state.owner === 'mine' ? true : undefined,
    overdue: state.overdue ? true : undefined,
    search: state.search || undefined,
    sort: state.sort,
    direction: state.direction,
  };
  const actions = useQuery({
    ...trpc.action.list.queryOptions({ ...filters, limit: state.limit, offset: state.offset }),
    placeholderData: keepPreviousData,
  });

  // The edit column is for coordinators only; the plan column says nothing inside one plan.
  const mayEdit = user.globalRole === 'admin' || managedTerritoryIds(user).length > 0;
  // Leads update their plans' actions too; the import checks each row as the screens do.
  const mayImport = mayEdit || user.ledPlanIds.length > 0;
  const hideable = HIDEABLE_COLUMNS.filter((id) => !(fixed.planId && id === 'planCode'));
  const columnVisibility: ColumnVisibilityState = {
    ...visibility,
    edit: mayEdit,
    ...(fixed.planId ? { planCode: false } : {}),
  };

  // Only what the person chose is remembered, not what this view imposes.
  const chosenColumns = (next: ColumnVisibilityState): ColumnVisibilityState => {
    const chosen = { ...next };
    delete chosen.edit;
    if (fixed.planId) {
      delete chosen.planCode;
      if (visibility.planCode !== undefined) chosen.planCode = visibility.planCode;
    }
    return chosen;
  };

  return (
    <div className="actions-view">
      <ActionsFilters state={state} update={update} fixedTerritoryId={fixed.territoryId} />
      <QueryState query={actions} isEmpty={(data) => data.total === 0} empty={t('empty')}>
        {(data) => (
          <>
            <ActionsTable
              rows={data.items}
              sort={state.sort}
              direction={state.direction}
              onSort={(sort, direction) => update({ sort, direction })}
              columnVisibility={columnVisibility}
              onColumnVisibilityChange={(next) => setVisibility(chosenColumns(next))}
              hideable={hideable}
            />
            <div className="actions-footer">
              <Pagination
                total={data.total}
                limit={state.limit}
                offset={state.offset}
                onChange={(next) => update(next)}
              />
              <CsvDownload
                table="actions"
                params={{ ...filters, overdue: state.overdue ? '1' : undefined }}
              />
              <a
                className="button button-small"
                href={csvExportUrl(
                  'actions',
                  { ...filters, overdue: state.overdue ? '1' : undefined },
                  i18n.language,
                  'xlsx',
                )}
                download
              >
                {t('imports:downloadXlsx')}
              </a>
              {mayImport && (
                <Link className="button button-small" to="/actions/import">
                  {t('imports:link')}
                </Link>
              )}
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}
