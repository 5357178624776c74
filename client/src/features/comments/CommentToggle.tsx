import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PermissionScope } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { CommentThread, type CommentTarget } from './CommentThread';

/** A comment count that opens the thread beneath it: for rows and panels short of room. */
export function CommentToggle({
  target,
  scope,
  name,
}: {
  target: CommentTarget;
  scope: PermissionScope;
  /** What is commented, to name the thread. */
  name: string;
}) {
  const { t } = useTranslation('comments');
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const threadId = useId();
  const count = useQuery(trpc.comment.list.queryOptions({ ...target, limit: 1 }));
  return (
    <div className="comment-toggle">
      <button
        type="button"
        className="button button-small button-quiet"
        aria-expanded={open}
        aria-controls={threadId}
        aria-label={`${t('toggle', { count: count.data?.total ?? 0 })} · ${name}`}
        onClick={() => setOpen((v) => !v)}
      >
        {t('toggle', { count: count.data?.total ?? 0 })}
      </button>
      <div id={threadId} hidden={!open}>
        {open && <CommentThread target={target} scope={scope} label={t('threadOf', { name })} />}
      </div>
    </div>
  );
}
