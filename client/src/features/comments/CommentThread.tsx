import { useId, useState, type FormEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CommentableEntityType, PermissionScope } from '@jalon/shared';
import { fieldErrors, useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { useCan } from '../auth/currentUser';
import { QueryState, useErrorText } from '../../components/QueryState';
import { useValidationText } from '../../lib/validationText';
import { Pagination } from '../../components/Pagination';
import './comments.css';

export interface CommentTarget {
  entityType: CommentableEntityType;
  entityId: number;
}

const PAGE_SIZE = 20;

/**
 * The discussion on a plan, action, indicator, meeting or decision: oldest first, a page at a
 * time, and a form for those who may comment where the entity lives (`scope`).
 */
export function CommentThread({
  target,
  scope,
  label,
}: {
  target: CommentTarget;
  scope: PermissionScope;
  /** Names the thread for assistive technology when several share a page. */
  label?: string;
}) {
  const { t } = useTranslation('comments');
  const trpc = useTRPC();
  const format = useFormat();
  const can = useCan();
  const [page, setPage] = useState({ limit: PAGE_SIZE, offset: 0 });
  const comments = useQuery({
    ...trpc.comment.list.queryOptions({ ...target, ...page }),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="comment-thread" {...(label ? { role: 'group', 'aria-label': label } : {})}>
      <QueryState query={comments} isEmpty={(data) => data.total === 0} empty={t('empty')}>
        {(data) => (
          <>
            <ol className="comment-list">
              {data.items.map((comment) => (
                <li key={comment.id}>
                  <p className="comment-meta muted small">
                    {t('by', {
                      name: comment.authorName,
                      date: format.dateTime(comment.createdAt),
                    })}
                  </p>
                  <p className="comment-body">{comment.body}</p>
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
      {can('comment', scope) && (
        <CommentForm
          target={target}
          onPosted={() => {
            // The new comment is the last one: show the page it lands on.
            const total = (comments.data?.total ?? 0) + 1;
            setPage((p) => ({ ...p, offset: Math.floor((total - 1) / p.limit) * p.limit }));
          }}
        />
      )}
    </div>
  );
}

function CommentForm({ target, onPosted }: { target: CommentTarget; onPosted: () => void }) {
  const { t } = useTranslation('comments');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const fieldId = useId();
  const errorId = useId();
  const [body, setBody] = useState('');
  const [posted, setPosted] = useState(false);
  const create = useMutation(trpc.comment.create.mutationOptions());
  const validationText = useValidationText();
  // The server's field messages are English: said in the user's words.
  const bodyError = create.error ? validationText(fieldErrors(create.error).body?.[0]) : undefined;
  const error = create.error ? (bodyError ?? errorText(create.error)) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPosted(false);
    if (body.trim() === '' || create.isPending) return;
    try {
      await create.mutateAsync({ ...target, body: body.trim() });
    } catch {
      return; // create.error says why; what was typed stays
    }
    setBody('');
    setPosted(true);
    onPosted();
    await queryClient.invalidateQueries(trpc.comment.list.pathFilter());
  };

  return (
    <form className="comment-form no-print" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={fieldId}>{t('label')}</label>
        <textarea
          id={fieldId}
          value={body}
          maxLength={4000}
          required
          onChange={(e) => setBody(e.target.value)}
          {...(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
        />
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="toolbar">
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending || body.trim() === ''}
        >
          {create.isPending ? t('submitting') : t('submit')}
        </button>
        <span role="status" className="muted small">
          {posted ? t('posted') : ''}
        </span>
      </div>
    </form>
  );
}
