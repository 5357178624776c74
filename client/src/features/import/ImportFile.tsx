import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { RowProblem } from '@jalon/server';
import { useFormat } from '../../lib/format';
import {
  applyImport,
  ImportRefused,
  previewImport,
  type ImportKind,
  type ImportKinds,
  type ImportProgress,
  type ImportTarget,
} from './importApi';

// What every import screen shares: choosing a file, checking it (the preview), importing it once
// confirmed, and wording the file's and the rows' problems.

/** Rows listed at most: a national file may hold 30,000; the counts say the rest. */
export const ROWS_SHOWN = 200;

interface ChosenFile {
  name: string;
  body: Blob;
}

/** A file chosen, checked, then imported: the preview, the result and the failure of each step. */
export interface ImportFlow<K extends ImportKind> {
  file: ChosenFile | null;
  /** Where the check or the import stands while it runs. */
  progress: ImportProgress | null;
  check: UseMutationResult<ImportKinds[K]['preview'], Error, Blob>;
  apply: UseMutationResult<ImportKinds[K]['result'], Error, Blob>;
  preview: ImportKinds[K]['preview'] | undefined;
  failure: Error | null;
  choose: (chosen: ChosenFile | null) => void;
  submit: (event: FormEvent) => void;
  confirm: () => void;
}

export function useImportFile<K extends ImportKind>(target: ImportTarget<K>): ImportFlow<K> {
  const queryClient = useQueryClient();
  // The file's bytes as they were when chosen: the spreadsheet may be saved again meanwhile.
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const check = useMutation<ImportKinds[K]['preview'], Error, Blob>({
    mutationFn: (body) => previewImport(target, body, setProgress),
    onSettled: () => setProgress(null),
  });
  const apply = useMutation<ImportKinds[K]['result'], Error, Blob>({
    mutationFn: (body) => applyImport(target, body, setProgress),
    onSettled: () => setProgress(null),
    // Every list and page showing what was imported is stale once it is written.
    onSuccess: (result) => {
      if (result.written) void queryClient.invalidateQueries();
    },
  });
  return {
    file,
    progress,
    check,
    apply,
    preview: apply.data?.preview ?? check.data,
    failure: apply.error ?? check.error,
    choose: (chosen) => {
      check.reset();
      apply.reset();
      setFile(chosen);
    },
    submit: (event) => {
      event.preventDefault();
      if (!file) return;
      apply.reset();
      check.mutate(file.body);
    },
    confirm: () => {
      if (file) apply.mutate(file.body);
    },
  };
}

/** The file button, the chosen file's name, "Check the file", and what is going on. */
export function FileChooser<K extends ImportKind>({ flow }: { flow: ImportFlow<K> }) {
  const { t } = useTranslation('imports');
  const inputId = useId();
  const format = useFormat();
  const { file, check, apply, failure, progress } = flow;
  return (
    <>
      <form className="import-form" onSubmit={flow.submit}>
        {/* The browser's own file button speaks the browser's language: this label is the button. */}
        <input
          id={inputId}
          className="visually-hidden import-file-input"
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            const input = event.target;
            const chosen = input.files?.[0];
            flow.choose(null);
            if (!chosen) return;
            void chosen.arrayBuffer().then((bytes) => {
              flow.choose({ name: chosen.name, body: new Blob([bytes]) });
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
        {check.isPending &&
          (progress?.phase === 'checking'
            ? t('checkingRows', { count: progress.rows, rows: format.number(progress.rows) })
            : t('checking'))}
        {apply.isPending &&
          (progress?.phase === 'writing'
            ? t('writingProgress', {
                written: format.number(progress.written),
                total: format.number(progress.total),
              })
            : t('writing'))}
      </div>
      {apply.isPending && progress?.phase === 'writing' && (
        <progress
          className="import-bar"
          max={progress.total}
          value={progress.written}
          aria-label={t('writing')}
        />
      )}
      {failure && (
        <p role="alert" className="import-error">
          {t(
            `fileProblems.${failure instanceof ImportRefused && failure.problem in FILE_PROBLEM_KEYS ? (failure.problem as FileProblemKey) : 'unknown'}`,
          )}
        </p>
      )}
    </>
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

/** A refused row's problems, one per line: the file's column, then the reason. */
export function ProblemList({ problems }: { problems: readonly RowProblem[] }) {
  const { t } = useTranslation('imports');
  return (
    <ul className="import-changes">
      {problems.map((problem) => (
        <li key={`${problem.column ?? ''}-${problem.code}`}>
          {t('problemLine', {
            column: problem.column ?? t('wholeRow'),
            problem: t(`problems.${problem.code}`),
          })}
        </li>
      ))}
    </ul>
  );
}
