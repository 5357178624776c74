import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ActionImportPreview, ActionRowOutcome, FieldChange } from '@jalon/server';
import type { ActionStatus } from '@jalon/shared';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormat } from '../../lib/format';
import { FileChooser, ProblemList, ROWS_SHOWN, useImportFile } from './ImportFile';
import './import.css';

/**
 * `/actions/import`: a lead or coordinator imports the actions export after changing it in a
 * spreadsheet. The file is checked first (the preview, row by row); nothing is written until
 * they confirm, and then all of it or nothing.
 */
export function ImportActionsPage() {
  const { t } = useTranslation('imports');
  useDocumentTitle(t('title'));
  const flow = useImportFile({ kind: 'actions' });
  const { preview, apply } = flow;
  return (
    <div className="page import-page">
      <header className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </header>
      <section className="panel">
        <p>{t('howTo')}</p>
        <FileChooser flow={flow} />
      </section>
      {preview && (
        <Preview
          preview={preview}
          written={apply.data?.written === true ? apply.data.changed : null}
          applying={apply.isPending}
          onApply={flow.confirm}
        />
      )}
    </div>
  );
}

function Preview({
  preview,
  written,
  applying,
  onApply,
}: {
  preview: ActionImportPreview;
  written: number | null;
  applying: boolean;
  onApply: () => void;
}) {
  const { t } = useTranslation('imports');
  const listed = preview.rows.filter((row) => row.outcome !== 'unchanged');
  const shown = listed.slice(0, ROWS_SHOWN);
  return (
    <section className="panel import-preview" aria-labelledby="import-summary">
      <p id="import-summary" className="import-summary">
        {t('summary', { ...preview.counts })}
      </p>
      {preview.columns.ignored.length > 0 && (
        <p className="muted">{t('ignored', { columns: preview.columns.ignored.join(', ') })}</p>
      )}
      {written !== null ? (
        <div role="status" className="import-done">
          <p>{t('done', { count: written })}</p>
          <p>
            <Link to="/actions">{t('backToActions')}</Link>
          </p>
        </div>
      ) : preview.applicable ? (
        preview.counts.change > 0 ? (
          <button
            type="button"
            className="button button-primary"
            onClick={onApply}
            disabled={applying}
          >
            {t('apply', { count: preview.counts.change })}
          </button>
        ) : (
          <p>{t('nothingToDo')}</p>
        )
      ) : (
        <p role="alert" className="import-error">
          {t('blocked')}
        </p>
      )}
      {shown.length > 0 && (
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-labelledby="import-table-caption"
        >
          <table className="import-table">
            <caption id="import-table-caption">{t('tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.line')}</th>
                <th scope="col">{t('columns.action')}</th>
                <th scope="col">{t('columns.outcome')}</th>
                <th scope="col">{t('columns.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <PreviewRow key={row.line} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {listed.length > shown.length && (
        <p className="muted">{t('more', { count: listed.length - shown.length })}</p>
      )}
    </section>
  );
}

function PreviewRow({ row }: { row: ActionRowOutcome }) {
  const { t } = useTranslation('imports');
  const value = useChangeValue();
  if (row.outcome === 'unchanged') return null;
  const title = row.title ?? (row.actionId === null ? '' : t('actionNumber', { id: row.actionId }));
  return (
    <tr className={`import-row import-${row.outcome}`}>
      <td>{row.line}</td>
      <td>{title}</td>
      <td className="import-outcome">{t(`outcome.${row.outcome}`)}</td>
      <td>
        {row.outcome === 'change' && (
          <ul className="import-changes">
            {row.changes.map((change) => (
              <li key={change.field}>
                {t('changeLine', {
                  column: change.column,
                  before: value(change, change.before),
                  after: value(change, change.after),
                })}
              </li>
            ))}
          </ul>
        )}
        {row.outcome === 'conflict' && t('conflict', { ...row })}
        {row.outcome === 'refused' && <ProblemList problems={row.problems} />}
      </td>
    </tr>
  );
}

/** A changed value as the screens show it: status labels, dates, percentages. */
function useChangeValue() {
  const { t } = useTranslation(['imports', 'vocab']);
  const format = useFormat();
  return (change: FieldChange, value: string | number | null): string => {
    if (value === null || value === '') return t('imports:empty');
    switch (change.field) {
      case 'status':
        return t(`vocab:actionStatus.${value as ActionStatus}`);
      case 'progress':
        return `${value} %`;
      case 'startDate':
      case 'dueDate':
        return format.date(String(value));
      default:
        return String(value);
    }
  };
}
