import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ActionLink } from '../actions/ActionLink';
import { ACTION_STATUSES, requiresComment, type ActionStatus } from '@jalon/shared';
import { errorCode, fieldErrors, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { useErrorText } from '../../components/QueryState';
import { useValidationText } from '../../lib/validationText';
import { StatusBadge } from '../../components/StatusBadge';
import { ProgressBar } from '../../components/ProgressBar';
import { ConflictDialog } from './ConflictDialog';
import {
  changedFields,
  draftOf,
  draftProblem,
  setStatusInput,
  withStatus,
  type ActionDraft,
  type DraftField,
  type DraftProblem,
} from './draft';

export type MyAction = RouterOutputs['action']['list']['items'][number];

interface Base {
  version: number;
  draft: ActionDraft;
}

/**
 * One action as an inline form: status, % progress and comment. Enter saves the row, Escape
 * reverts it; a stale version opens the conflict dialog instead of overwriting anyone.
 */
export function ActionRow({
  action,
  canEdit,
}: {
  action: MyAction;
  /** null while the plan's scope is loading. */
  canEdit: boolean | null;
}) {
  const { t } = useTranslation('myActions');
  if (!canEdit) {
    return (
      <tr>
        <ActionHeaderCell action={action} />
        <td>
          <StatusBadge status={action.status} />
        </td>
        <td>
          <ProgressBar
            value={action.progress}
            label={t('fieldLabel.progress', { title: action.title })}
          />
        </td>
        <td>{action.statusComment ?? '—'}</td>
        <td className="muted small">{canEdit === false && t('readOnly')}</td>
      </tr>
    );
  }
  return <EditableRow action={action} />;
}

function ActionHeaderCell({ action }: { action: MyAction }) {
  const { t } = useTranslation('myActions');
  const format = useFormat();
  return (
    <th scope="row" className="my-action-title">
      <span className="my-action-name">
        <ActionLink id={action.id} title={action.title} />
      </span>
      <span className="muted small my-action-meta">
        <Link to={`/plans/${action.planId}`}>{action.planCode}</Link>
        {' · '}
        {action.dueDate ? t('due', { date: format.date(action.dueDate) }) : t('noDue')}
        {action.overdue && (
          <>
            {' · '}
            <span className="badge my-action-overdue">{t('overdue')}</span>
          </>
        )}
      </span>
    </th>
  );
}

function EditableRow({ action }: { action: MyAction }) {
  const { t } = useTranslation('myActions');
  const { t: tv } = useTranslation('vocab');
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const statusRef = useRef<HTMLSelectElement>(null);
  const progressRef = useRef<HTMLInputElement>(null);
  const commentRef = useRef<HTMLInputElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);

  const [base, setBase] = useState<Base>(() => ({
    version: action.version,
    draft: draftOf(action),
  }));
  const [draft, setDraft] = useState<ActionDraft>(base.draft);
  const [seenVersion, setSeenVersion] = useState(action.version);
  const [problem, setProblem] = useState<{ field: DraftField; reason: DraftProblem } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [justSaved, setJustSaved] = useState(false);
  const [conflict, setConflict] = useState<Base | null>(null);
  const focusAfterConflict = useRef<'save' | 'status'>('save');

  const dirty = changedFields(draft, base.draft).length > 0;
  // A newer version from the list (someone else saved): adopt it only if the lead has not typed
  // anything; otherwise their draft stays and the next save meets the conflict dialog.
  if (action.version !== seenVersion) {
    setSeenVersion(action.version);
    if (action.version > base.version && !dirty) {
      const next = { version: action.version, draft: draftOf(action) };
      setBase(next);
      setDraft(next.draft);
    }
  }

  const setStatus = useMutation(trpc.action.setStatus.mutationOptions());
  const busy = setStatus.isPending;

  const edit = (next: ActionDraft) => {
    setDraft(next);
    setJustSaved(false);
    if (problem && !draftProblem(next, base.draft)) setProblem(null);
  };

  const focusField = (field: DraftField) =>
    ({ status: statusRef, progress: progressRef, comment: commentRef })[field].current?.focus();

  const save = async (version: number) => {
    if (busy) return;
    const found = draftProblem(draft, base.draft);
    if (found) {
      setProblem(found);
      focusField(found.field);
      return;
    }
    setProblem(null);
    setError(null);
    setJustSaved(false);
    try {
      const saved = await setStatus.mutateAsync(setStatusInput(action.id, version, draft));
      const next = { version: saved.version, draft: draftOf(saved) };
      setBase(next);
      setDraft(next.draft);
      setConflict(null);
      setJustSaved(true);
      await Promise.all([
        queryClient.invalidateQueries(trpc.action.pathFilter()),
        queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
        queryClient.invalidateQueries(trpc.plan.pathFilter()),
        queryClient.invalidateQueries(trpc.history.pathFilter()),
      ]);
    } catch (err) {
      if (errorCode(err) !== 'CONFLICT') {
        setConflict(null);
        setError(err);
        return;
      }
      try {
        const latest = await queryClient.fetchQuery({
          ...trpc.action.byId.queryOptions({ id: action.id }),
          staleTime: 0,
        });
        setConflict({ version: latest.version, draft: draftOf(latest) });
      } catch (fetchError) {
        setError(fetchError);
      }
    }
  };

  const revert = () => {
    setDraft(base.draft);
    setProblem(null);
    setError(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void save(base.version);
    } else if (event.key === 'Escape' && dirty) {
      event.preventDefault();
      revert();
    }
  };

  const server = fieldErrors(error);
  const validationText = useValidationText();
  const needsComment = requiresComment(draft.status);
  // Said before saving, where it matters: a newly chosen status or an empty justification.
  const showCommentHint =
    needsComment && (draft.status !== base.draft.status || !draft.comment.trim());
  const statusLabel = tv(`actionStatus.${draft.status}`);
  const messageFor = (field: DraftField): string | null => {
    if (problem?.field === field) return t(`problems.${problem.reason}`, { status: statusLabel });
    // The server's field messages are English: each is said in the user's words.
    return validationText(server[field]?.[0]) ?? null;
  };
  const commentMessage = messageFor('comment');
  const progressMessage = messageFor('progress');
  const statusMessage = messageFor('status');
  const fieldId = (field: string) => `${ids}-${field}`;

  return (
    <tr className={dirty ? 'my-action-row is-dirty' : 'my-action-row'}>
      <ActionHeaderCell action={action} />
      <td>
        <label className="visually-hidden" htmlFor={fieldId('status')}>
          {t('fieldLabel.status', { title: action.title })}
        </label>
        <select
          id={fieldId('status')}
          ref={statusRef}
          value={draft.status}
          aria-invalid={statusMessage ? true : undefined}
          aria-describedby={statusMessage ? fieldId('status-error') : undefined}
          onChange={(e) => edit(withStatus(draft, e.target.value as ActionStatus, base.draft))}
          onKeyDown={onKeyDown}
        >
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {tv(`actionStatus.${status}`)}
            </option>
          ))}
        </select>
        {statusMessage && (
          <p className="field-error" id={fieldId('status-error')}>
            {statusMessage}
          </p>
        )}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={fieldId('progress')}>
          {t('fieldLabel.progress', { title: action.title })}
        </label>
        <span className="my-action-progress">
          <input
            id={fieldId('progress')}
            ref={progressRef}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            step={1}
            value={draft.progress}
            readOnly={draft.status === 'done'}
            aria-invalid={progressMessage ? true : undefined}
            aria-describedby={
              [
                draft.status === 'done' && base.draft.status !== 'done'
                  ? fieldId('progress-hint')
                  : null,
                progressMessage ? fieldId('progress-error') : null,
              ]
                .filter(Boolean)
                .join(' ') || undefined
            }
            onChange={(e) => edit({ ...draft, progress: e.target.value })}
            onKeyDown={onKeyDown}
          />
          <span aria-hidden="true">%</span>
        </span>
        {draft.status === 'done' && base.draft.status !== 'done' && (
          <p className="muted small my-action-hint" id={fieldId('progress-hint')}>
            {t('doneForcesFull')}
          </p>
        )}
        {progressMessage && (
          <p className="field-error" id={fieldId('progress-error')}>
            {progressMessage}
          </p>
        )}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={fieldId('comment')}>
          {t('fieldLabel.comment', { title: action.title })}
        </label>
        <input
          id={fieldId('comment')}
          ref={commentRef}
          type="text"
          className="my-action-comment"
          value={draft.comment}
          maxLength={2000}
          required={needsComment}
          aria-required={needsComment || undefined}
          aria-invalid={commentMessage ? true : undefined}
          aria-describedby={
            [
              showCommentHint ? fieldId('comment-hint') : null,
              commentMessage ? fieldId('comment-error') : null,
            ]
              .filter(Boolean)
              .join(' ') || undefined
          }
          onChange={(e) => edit({ ...draft, comment: e.target.value })}
          onKeyDown={onKeyDown}
        />
        {showCommentHint && (
          <p className="my-action-hint my-action-required" id={fieldId('comment-hint')}>
            <span aria-hidden="true">* </span>
            {t('commentRequiredHint', { status: statusLabel })}
          </p>
        )}
        {commentMessage && (
          <p className="field-error" id={fieldId('comment-error')}>
            {commentMessage}
          </p>
        )}
      </td>
      <td>
        <div className="my-action-buttons">
          <button
            type="button"
            ref={saveRef}
            className="button button-primary button-small"
            aria-label={t('saveLabel', { title: action.title })}
            aria-disabled={busy || undefined}
            onClick={() => void save(base.version)}
          >
            {t('save')}
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={t('revertLabel', { title: action.title })}
            disabled={!dirty || busy}
            onClick={() => {
              revert();
              statusRef.current?.focus();
            }}
          >
            {t('revert')}
          </button>
        </div>
        <p
          className={`my-action-feedback small ${justSaved && !busy ? 'is-saved' : 'muted'}`}
          role="status"
          aria-live="polite"
        >
          {busy ? t('saving') : justSaved ? `✓ ${t('saved')}` : dirty ? t('unsaved') : ''}
        </p>
        {error !== null && (
          <p className="form-error" role="alert">
            {errorText(error)}
          </p>
        )}
        {conflict && (
          <ConflictDialog
            title={action.title}
            theirs={conflict.draft}
            mine={draft}
            busy={busy}
            onKeepMine={() => {
              focusAfterConflict.current = 'save';
              void save(conflict.version);
            }}
            onTakeTheirs={() => {
              focusAfterConflict.current = 'status';
              setBase(conflict);
              setDraft(conflict.draft);
              setConflict(null);
              setProblem(null);
              void queryClient.invalidateQueries(trpc.action.pathFilter());
            }}
            onDismiss={() => {
              focusAfterConflict.current = 'save';
              setConflict(null);
            }}
            onClosed={() =>
              (focusAfterConflict.current === 'status' ? statusRef : saveRef).current?.focus()
            }
          />
        )}
      </td>
    </tr>
  );
}
