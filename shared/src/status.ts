import { STATUSES_REQUIRING_COMMENT, type ActionStatus } from './vocabulary';

export interface ActionState {
  status: ActionStatus;
  progress: number;
  statusComment: string | null;
  completedOn: string | null;
}

export interface StatusChange {
  status: ActionStatus;
  progress?: number | undefined;
  comment?: string | undefined;
}

export type StatusChangeResult =
  | { ok: true; next: ActionState }
  | {
      ok: false;
      field: 'comment' | 'progress';
      reason: 'comment_required' | 'justification_required' | 'progress_range';
    };

export function requiresComment(status: ActionStatus): boolean {
  return STATUSES_REQUIRING_COMMENT.includes(status);
}

/**
 * Moving an action to Bloqué or En retard needs a justification written with that change: a
 * comment sent with it, other than the one the action already carries (that one explained
 * something else). Staying in such a status keeps needing a comment, which may be the same.
 */
export function checkJustification(
  current: { status: ActionStatus; statusComment: string | null },
  change: { status: ActionStatus; comment?: string | undefined },
): 'comment_required' | 'justification_required' | null {
  if (!requiresComment(change.status)) return null;
  const comment = change.comment?.trim() ?? '';
  if (change.status === current.status) return comment ? null : 'comment_required';
  if (!comment || comment === (current.statusComment ?? '').trim()) return 'justification_required';
  return null;
}

/**
 * Applies a status change to an action, enforcing the rules committees rely on:
 * Bloqué and En retard must be justified (`checkJustification`); Réalisé means 100 % and records the completion date;
 * leaving Réalisé clears that date. `today` is an ISO date (YYYY-MM-DD).
 */
export function applyStatusChange(
  current: ActionState,
  change: StatusChange,
  today: string,
): StatusChangeResult {
  const comment = change.comment?.trim() ? change.comment.trim() : null;
  const justification = checkJustification(current, change);
  if (justification !== null) return { ok: false, field: 'comment', reason: justification };
  const requested = change.progress ?? current.progress;
  if (!Number.isInteger(requested) || requested < 0 || requested > 100) {
    return { ok: false, field: 'progress', reason: 'progress_range' };
  }
  if (change.status === 'done') {
    return {
      ok: true,
      next: {
        status: 'done',
        progress: 100,
        statusComment: comment ?? current.statusComment,
        completedOn: current.status === 'done' && current.completedOn ? current.completedOn : today,
      },
    };
  }
  return {
    ok: true,
    next: {
      status: change.status,
      progress: requested,
      statusComment: comment ?? (change.status === current.status ? current.statusComment : null),
      completedOn: null,
    },
  };
}

/** Actions that can no longer be overdue: finished, one way or the other. */
export const OVERDUE_EXEMPT_STATUSES = [
  'done',
  'dropped',
] as const satisfies readonly ActionStatus[];

/**
 * Health apart from status: overdue when the due date has passed and the action is neither done
 * nor dropped. The same rule in SQL is `overdueActionSql` in @jalon/db.
 */
export function isOverdue(
  action: { status: ActionStatus; dueDate: string | null },
  today: string,
): boolean {
  if (action.dueDate === null) return false;
  if ((OVERDUE_EXEMPT_STATUSES as readonly ActionStatus[]).includes(action.status)) return false;
  return action.dueDate < today;
}
