import { checkJustification, requiresComment, type ActionStatus } from '@jalon/shared';

/** What a lead edits on a row, as typed (progress stays text until it is saved). */
export interface ActionDraft {
  status: ActionStatus;
  progress: string;
  comment: string;
}

export type DraftField = keyof ActionDraft;

export const DRAFT_FIELDS: readonly DraftField[] = ['status', 'progress', 'comment'];

export function draftOf(action: {
  status: ActionStatus;
  progress: number;
  statusComment: string | null;
}): ActionDraft {
  return {
    status: action.status,
    progress: String(action.progress),
    comment: action.statusComment ?? '',
  };
}

/** The fields whose values differ between two drafts (ignoring blanks around a comment). */
export function changedFields(a: ActionDraft, b: ActionDraft): DraftField[] {
  return DRAFT_FIELDS.filter((field) =>
    field === 'progress'
      ? Number(a.progress) !== Number(b.progress)
      : a[field].trim() !== b[field].trim(),
  );
}

/**
 * Réalisé means 100 %, whatever was typed: the server applies the same rule. Moving to Bloqué or
 * En retard asks for a new justification, so the saved comment is not offered as one.
 */
export function withStatus(
  draft: ActionDraft,
  status: ActionStatus,
  saved?: ActionDraft,
): ActionDraft {
  const carriedOver =
    saved !== undefined &&
    requiresComment(status) &&
    status !== saved.status &&
    draft.comment.trim() === saved.comment.trim();
  return {
    ...draft,
    status,
    progress: status === 'done' ? '100' : draft.progress,
    // Back to the saved status with no comment typed: its saved comment still holds.
    comment: carriedOver
      ? ''
      : saved !== undefined && status === saved.status && !draft.comment.trim()
        ? saved.comment
        : draft.comment,
  };
}

export type DraftProblem = 'comment_required' | 'justification_required' | 'progress_range';

/**
 * What stops a draft from being saved, checked before the server is asked; `saved` is the action
 * as stored, whose comment cannot justify a move to Bloqué or En retard.
 */
export function draftProblem(
  draft: ActionDraft,
  saved?: ActionDraft,
): { field: DraftField; reason: DraftProblem } | null {
  const justification = saved
    ? checkJustification(
        { status: saved.status, statusComment: saved.comment },
        { status: draft.status, comment: draft.comment },
      )
    : requiresComment(draft.status) && !draft.comment.trim()
      ? 'comment_required'
      : null;
  if (justification !== null) return { field: 'comment', reason: justification };
  const progress = Number(draft.progress);
  if (
    draft.progress.trim() === '' ||
    !Number.isInteger(progress) ||
    progress < 0 ||
    progress > 100
  ) {
    return { field: 'progress', reason: 'progress_range' };
  }
  return null;
}

/** The `action.setStatus` input for a draft that passed `draftProblem`. */
export function setStatusInput(id: number, version: number, draft: ActionDraft) {
  const comment = draft.comment.trim();
  return {
    id,
    version,
    status: draft.status,
    progress: Number(draft.progress),
    ...(comment ? { comment } : {}),
  };
}
