import { useTranslation } from 'react-i18next';
import {
  useTable,
  type ColumnVisibilityState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { actionColumns, actionTableFeatures, type ActionColumnId, type ActionRow } from './columns';
import type { ActionSort } from './actionsState';

const resolve = <T,>(updater: Updater<T>, current: T): T =>
  typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;

const getRowId = (row: ActionRow) => String(row.id);

/** The actions of one page, sorted by the server; renders only, the view owns the state. */
export function ActionsTable({
  rows,
  sort,
  direction,
  onSort,
  columnVisibility,
  onColumnVisibilityChange,
  hideable,
}: {
  rows: ActionRow[];
  sort: ActionSort;
  direction: 'asc' | 'desc';
  onSort: (sort: ActionSort, direction: 'asc' | 'desc') => void;
  columnVisibility: ColumnVisibilityState;
  onColumnVisibilityChange: (next: ColumnVisibilityState) => void;
  /** The columns offered in the column chooser. */
  hideable: readonly ActionColumnId[];
}) {
  const { t } = useTranslation('actions');
  const { t: tc } = useTranslation();
  const sortedColumn = actionColumns.find((c) => c.meta?.sortKey === sort)?.id ?? 'dueDate';
  const sorting: SortingState = [{ id: sortedColumn, desc: direction === 'desc' }];
  const table = useTable({
    features: actionTableFeatures,
    columns: actionColumns,
    data: rows,
    getRowId,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting, columnVisibility },
    onSortingChange: (updater) => {
      const [first] = resolve(updater, sorting);
      const key = actionColumns.find((c) => c.id === first?.id)?.meta?.sortKey;
      if (first && key) onSort(key, first.desc ? 'desc' : 'asc');
    },
    onColumnVisibilityChange: (updater) =>
      onColumnVisibilityChange(resolve(updater, columnVisibility)),
  });

  return (
    <>
      <details className="actions-columns no-print">
        <summary className="button button-small">{tc('table.columns')}</summary>
        <fieldset>
          <legend className="visually-hidden">{tc('table.columns')}</legend>
          {table
            .getAllLeafColumns()
            .filter((column) => hideable.includes(column.id as ActionColumnId))
            .map((column) => (
              <label key={column.id}>
                <input
                  type="checkbox"
                  checked={column.getIsVisible()}
                  onChange={(e) => column.toggleVisibility(e.target.checked)}
                />{' '}
                {t(`columns.${column.id as ActionColumnId}`)}
              </label>
            ))}
        </fieldset>
      </details>
      <div className="table-scroll">
        <table className="data-table actions-table">
          <caption className="visually-hidden">{t('tableCaption')}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortKey = header.column.columnDef.meta?.sortKey;
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={`col-${header.column.id}`}
                      aria-sort={
                        sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : undefined
                      }
                    >
                      {sortKey ? (
                        <button
                          type="button"
                          className="actions-sort"
                          onClick={() => header.column.toggleSorting(sorted === 'asc')}
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">
                            {sorted === 'asc'
                              ? '\u00a0↑'
                              : sorted === 'desc'
                                ? '\u00a0↓'
                                : '\u00a0↕'}
                          </span>
                          {sorted && (
                            <span className="visually-hidden">
                              {' '}
                              (
                              {tc(
                                sorted === 'asc' ? 'table.sortAscending' : 'table.sortDescending',
                              )}
                              )
                            </span>
                          )}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === 'title' ? (
                    <th key={cell.id} scope="row" className="col-title">
                      <table.FlexRender cell={cell} />
                    </th>
                  ) : (
                    <td key={cell.id} className={`col-${cell.column.id}`}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
