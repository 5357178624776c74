import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors, useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { planScope, useCan } from '../auth/currentUser';
import { QueryState, useErrorText } from '../../components/QueryState';
import type { PlanDetail } from './PlanPage';

/** The plan's discussion, oldest first, and a form for those who may comment. */
export function PlanComments({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const format = useFormat();
  const can = useCan();
  const comments = useQuery(
    trpc.comment.list.queryOptions({ entityType: 'plan', entityId: plan.id, limit: 200 }),
  );
  return (
    <section className="panel" aria-labelledby="plan-comments-heading">
      <h2 id="plan-comments-heading">{t('comments.heading')}</h2>
      <QueryState
        query={comments}
        isEmpty={(data) => data.items.length === 0}
        empty={t('comments.empty')}
      >
        {(data) => (
          <ol className="comment-list">
            {data.items.map((comment) => (
              <li key={comment.id}>
                <p className="comment-meta muted small">
                  {t('comments.by', {
                    name: comment.authorName,
                    date: format.dateTime(comment.createdAt),
                  })}
                </p>
                <p className="comment-body">{comment.body}</p>
              </li>
            ))}
          </ol>
        )}
      </QueryState>
      {can('comment', planScope(plan)) && <CommentForm planId={plan.id} />}
    </section>
  );
}

function CommentForm({ planId }: { planId: number }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const fieldId = useId();
  const errorId = useId();
  const [body, setBody] = useState('');
  const [posted, setPosted] = useState(false);
  const create = useMutation(
    trpc.comment.create.mutationOptions({
      onSuccess: async () => {
        setBody('');
        setPosted(true);
        await queryClient.invalidateQueries(trpc.comment.list.pathFilter());
      },
    }),
  );
  const bodyError = create.error ? fieldErrors(create.error).body?.[0] : undefined;
  const error = create.error ? (bodyError ?? errorText(create.error)) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPosted(false);
    if (body.trim() === '') return;
    create.mutate({ entityType: 'plan', entityId: planId, body: body.trim() });
  };

  return (
    <form className="comment-form no-print" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={fieldId}>{t('comments.label')}</label>
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
          {create.isPending ? t('comments.submitting') : t('comments.submit')}
        </button>
        <span role="status" className="muted small">
          {posted ? t('comments.posted') : ''}
        </span>
      </div>
    </form>
  );
}
