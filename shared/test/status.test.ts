import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  applyStatusChange,
  isOverdue,
  requiresComment,
  type ActionState,
} from '../src';

const inProgress: ActionState = {
  status: 'in_progress',
  progress: 40,
  statusComment: null,
  completedOn: null,
};
const today = '2025-06-15';

describe('applyStatusChange', () => {
  it('requires a comment for Bloqué and En retard only', () => {
    expect(ACTION_STATUSES.filter(requiresComment)).toEqual(['late', 'blocked']);
    expect(applyStatusChange(inProgress, { status: 'blocked' }, today)).toEqual({
      ok: false,
      field: 'comment',
      reason: 'justification_required',
    });
    expect(applyStatusChange(inProgress, { status: 'late', comment: '   ' }, today)).toMatchObject({
      ok: false,
    });
    expect(
      applyStatusChange(inProgress, { status: 'late', comment: 'Prestataire défaillant' }, today),
    ).toEqual({
      ok: true,
      next: {
        status: 'late',
        progress: 40,
        statusComment: 'Prestataire défaillant',
        completedOn: null,
      },
    });
  });

  it('sets 100 % and the completion date when the action is done, whatever progress was sent', () => {
    expect(applyStatusChange(inProgress, { status: 'done', progress: 70 }, today)).toEqual({
      ok: true,
      next: { status: 'done', progress: 100, statusComment: null, completedOn: today },
    });
  });

  it('keeps the first completion date when a done action is saved again', () => {
    const done: ActionState = {
      status: 'done',
      progress: 100,
      statusComment: null,
      completedOn: '2025-01-02',
    };
    const result = applyStatusChange(done, { status: 'done' }, today);
    expect(result.ok && result.next.completedOn).toBe('2025-01-02');
  });

  it('clears the completion date and the old justification when an action is reopened', () => {
    const done: ActionState = {
      status: 'done',
      progress: 100,
      statusComment: 'ok',
      completedOn: '2025-01-02',
    };
    expect(applyStatusChange(done, { status: 'in_progress', progress: 80 }, today)).toEqual({
      ok: true,
      next: { status: 'in_progress', progress: 80, statusComment: null, completedOn: null },
    });
  });

  it('refuses a progress outside 0–100', () => {
    expect(
      applyStatusChange(inProgress, { status: 'in_progress', progress: 101 }, today),
    ).toMatchObject({
      ok: false,
      field: 'progress',
    });
    expect(
      applyStatusChange(inProgress, { status: 'in_progress', progress: 2.5 }, today),
    ).toMatchObject({ ok: false });
  });
});

describe('isOverdue', () => {
  it('depends on the due date and completion, not on the declared status', () => {
    expect(isOverdue({ status: 'in_progress', dueDate: '2025-06-14' }, today)).toBe(true);
    // An action marked "not started" whose due date passed is overdue too.
    expect(isOverdue({ status: 'not_started', dueDate: '2025-01-01' }, today)).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueDate: today }, today)).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2025-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'dropped', dueDate: '2025-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'late', dueDate: null }, today)).toBe(false);
  });
});
