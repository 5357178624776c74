import { useTranslation } from 'react-i18next';
import { useTable } from '@tanstack/react-table';
import { decisionColumns, decisionTableFeatures, type DecisionRow } from './decisionColumns';

const getRowId = (row: DecisionRow) => String(row.id);

/** One page of the decision register, in the server's order; renders only. */
export function DecisionsTable({ rows }: { rows: DecisionRow[] }) {
  const { t } = useTranslation('committees');
  const table = useTable({
    features: decisionTableFeatures,
    columns: decisionColumns,
    data: rows,
    getRowId,
  });
  return (
    <div className="table-scroll">
      <table className="data-table decisions-table">
        <caption className="visually-hidden">{t('decisions.caption')}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className={`col-${header.column.id}${header.column.columnDef.meta?.numeric ? ' numeric' : ''}`}
                >
                  <table.FlexRender header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                const className = `col-${cell.column.id}${meta?.numeric ? ' numeric' : ''}`;
                return meta?.rowHeader ? (
                  <th key={cell.id} scope="row" className={className}>
                    <table.FlexRender cell={cell} />
                  </th>
                ) : (
                  <td key={cell.id} className={className}>
                    <table.FlexRender cell={cell} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
