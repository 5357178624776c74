import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActionImportPreview, ActionRowOutcome, FieldChange } from '@jalon/server';
import type { ActionStatus } from '@jalon/shared';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormat } from '../../lib/format';
import { applyImport, ImportRefused, previewImport } from './importApi';
import './import.css';

/** Rows listed at most: a national file may hold 30,000; the counts say the rest. */
const ROWS_SHOWN = 200;

/**
 * `/actions/import`: a lead or coordinator imports the actions export after changing it in a
 * spreadsheet. The file is checked first (the preview, row by row); nothing is written until
 * they confirm, and then all of it or nothing.
 */
export function ImportActionsPage() {
  const { t } = useTranslation('imports');
  useDocumentTitle(t('title'));
  const inputId = useId();
  const queryClient = useQueryClient();
  // The file's bytes as they were when chosen: the spreadsheet may be saved again meanwhile.
  const [file, setFile] = useState<{ name: string; body: Blob } | null>(null);
  const check = useMutation({ mutationFn: previewImport });
  const apply = useMutation({
    mutationFn: applyImport,
    // Every list and page showing actions is stale once the import is written.
    onSuccess: (result) => {
      if (result.written) void queryClient.invalidateQueries();
    },
  });
  const preview = apply.data?.preview ?? check.data;
  const failure = apply.error ?? check.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    apply.reset();
    check.mutate(file.body);
  };

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
        <form className="import-form" onSubmit={submit}>
          {/* The browser's own file button speaks the browser's language: this label is the button. */}
          <input
            id={inputId}
            className="visually-hidden import-file-input"
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              const input = event.target;
              const chosen = input.files?.[0];
              check.reset();
              apply.reset();
              if (!chosen) return;
              void chosen.arrayBuffer().then((bytes) => {
                setFile({ name: chosen.name, body: new Blob([bytes]) });
                // Choosing the same file again, once fixed, must count as a new choice.
                input.value = '';
              });
            }}
          />
          <label htmlFor={inputId} className="button import-file-label">
            {t('file')}
          </label>
          <span className="muted">{file ? t('chosen', { name: file.name }) : t('noFile')}</span>
          <button type="submit" className="button" disabled={!file || check.isPending}>
            {t('check')}
          </button>
        </form>
        <div role="status" aria-live="polite" className="import-progress">
          {check.isPending && t('checking')}
          {apply.isPending && t('writing')}
        </div>
        {failure && (
          <p role="alert" className="import-error">
            {t(
              `fileProblems.${failure instanceof ImportRefused && failure.problem in FILE_PROBLEM_KEYS ? (failure.problem as FileProblemKey) : 'unknown'}`,
            )}
          </p>
        )}
      </section>
      {preview && (
        <Preview
          preview={preview}
          written={apply.data?.written === true ? apply.data.changed : null}
          applying={apply.isPending}
          onApply={() => file && apply.mutate(file.body)}
        />
      )}
    </div>
  );
}

// The codes the catalog words; anything else reads as "unknown".
const FILE_PROBLEM_KEYS = {
  empty: true,
  too_large: true,
  unsupported_format: true,
  unreadable_xlsx: true,
  xlsx_too_large: true,
  not_text: true,
  no_header: true,
  too_many_rows: true,
  too_many_columns: true,
  unauthorized: true,
  write_failed: true,
} as const;
type FileProblemKey = keyof typeof FILE_PROBLEM_KEYS;

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
      <td>{t(`outcome.${row.outcome}`)}</td>
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
        {row.outcome === 'refused' && (
          <ul className="import-changes">
            {row.problems.map((problem) => (
              <li key={`${problem.column ?? ''}-${problem.code}`}>
                {t('problemLine', {
                  column: problem.column ?? t('wholeRow'),
                  problem: t(`problems.${problem.code}`),
                })}
              </li>
            ))}
          </ul>
        )}
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
