import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PermissionScope } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { CommentThread, type CommentTarget } from './CommentThread';

/**
 * "Comments (3)": the number of comments on an entity as a button that shows or hides its thread
 * (the element `controls` names).
 */
export function CommentCountButton({
  target,
  name,
  open,
  controls,
  onToggle,
}: {
  target: CommentTarget;
  name: string;
  open: boolean;
  controls: string;
  onToggle: () => void;
}) {
  const { t } = useTranslation('comments');
  const trpc = useTRPC();
  const count = useQuery(trpc.comment.list.queryOptions({ ...target, limit: 1 }));
  const label = t('toggle', { count: count.data?.total ?? 0 });
  return (
    <button
      type="button"
      className="button button-small button-quiet comment-count no-print"
      aria-expanded={open}
      aria-controls={controls}
      aria-label={`${label} · ${name}`}
      onClick={onToggle}
    >
      {label}
    </button>
  );
}

/** A comment count that opens the thread beneath it: for panels short of room. */
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
  const [open, setOpen] = useState(false);
  const threadId = useId();
  return (
    <div className="comment-toggle">
      <CommentCountButton
        target={target}
        name={name}
        open={open}
        controls={threadId}
        onToggle={() => setOpen((v) => !v)}
      />
      <div id={threadId} hidden={!open}>
        {open && <CommentThread target={target} scope={scope} label={t('threadOf', { name })} />}
      </div>
    </div>
  );
}
