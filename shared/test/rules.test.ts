import { describe, expect, it } from 'vitest';
import {
  applyStatusChange,
  checkJustification,
  checkMarkHeld,
  checkMeasurementDate,
  checkReschedule,
  checkStageOrder,
  checkValidationMeeting,
  checkValidationWithdrawal,
  isRuleReason,
  type PlanStageGate,
} from '../src';

const scheduledAt = '2025-07-01T09:30:00.000Z';

describe('checkMarkHeld', () => {
  it('refuses a meeting that has not started, to the millisecond', () => {
    expect(checkMarkHeld({ scheduledAt }, new Date('2025-07-01T09:29:59.999Z'))).toEqual({
      ok: false,
      reason: 'meeting_not_started',
    });
    expect(checkMarkHeld({ scheduledAt }, new Date('2025-06-15T12:00:00.000Z')).ok).toBe(false);
  });

  it('allows it exactly at its start time and any time after', () => {
    expect(checkMarkHeld({ scheduledAt }, new Date(scheduledAt))).toEqual({ ok: true });
    expect(checkMarkHeld({ scheduledAt }, new Date('2025-12-25T00:00:00.000Z')).ok).toBe(true);
  });

  it('compares instants, whatever the offset the time was written with', () => {
    const paris = { scheduledAt: '2025-07-01T11:30:00+02:00' };
    expect(checkMarkHeld(paris, new Date('2025-07-01T09:30:00.000Z')).ok).toBe(true);
    expect(checkMarkHeld(paris, new Date('2025-07-01T09:00:00.000Z')).ok).toBe(false);
  });
});

describe('checkReschedule', () => {
  it('moves a planned meeting freely, a held one not at all', () => {
    expect(checkReschedule({ status: 'planned', scheduledAt }, '2025-09-01T09:00:00Z').ok).toBe(
      true,
    );
    expect(checkReschedule({ status: 'held', scheduledAt }, '2025-07-01T10:30:00Z')).toEqual({
      ok: false,
      reason: 'held_meeting_moved',
    });
    // The same instant, written with an offset, is no move.
    expect(checkReschedule({ status: 'held', scheduledAt }, '2025-07-01T11:30:00+02:00').ok).toBe(
      true,
    );
  });
});

describe('checkValidationMeeting', () => {
  const at = new Date('2025-07-01T10:00:00.000Z');
  it('accepts a planned meeting under way and a held one', () => {
    expect(checkValidationMeeting({ status: 'planned', scheduledAt }, at).ok).toBe(true);
    expect(checkValidationMeeting({ status: 'held', scheduledAt }, at).ok).toBe(true);
  });

  it('refuses a meeting not started yet and a cancelled one', () => {
    expect(
      checkValidationMeeting({ status: 'planned', scheduledAt }, new Date('2025-06-30')),
    ).toEqual({ ok: false, reason: 'meeting_not_started' });
    expect(checkValidationMeeting({ status: 'cancelled', scheduledAt }, at)).toEqual({
      ok: false,
      reason: 'validation_meeting_not_held',
    });
  });
});

describe('checkStageOrder', () => {
  const stages = (...validatedBy: (number | null)[]): PlanStageGate[] =>
    validatedBy.map((validatedMeetingId, i) => ({
      id: 10 + i,
      position: i + 1,
      validatedMeetingId,
    }));

  it('lets stage 1 be validated first: it has no stage before it', () => {
    expect(checkStageOrder(10, stages(null, null, null))).toEqual({ ok: true });
  });

  it('refuses a stage whose earlier stages are not all validated', () => {
    expect(checkStageOrder(12, stages(null, null, null))).toEqual({
      ok: false,
      reason: 'stage_order',
    });
    expect(checkStageOrder(12, stages(5, null, null)).ok).toBe(false);
    expect(checkStageOrder(12, stages(null, 5, null)).ok).toBe(false);
    expect(checkStageOrder(12, stages(4, 5, null)).ok).toBe(true);
  });

  it('counts the stages the same meeting validates, and only those', () => {
    expect(checkStageOrder(11, stages(null, null, null), new Set([10])).ok).toBe(true);
    expect(checkStageOrder(12, stages(null, null, null), new Set([10])).ok).toBe(false);
    expect(checkStageOrder(12, stages(null, null, null), new Set([10, 11])).ok).toBe(true);
  });

  it('refuses to withdraw a validation a later stage stands on', () => {
    expect(checkValidationWithdrawal(10, stages(7, 7, null))).toEqual({
      ok: false,
      reason: 'stage_order',
    });
    expect(checkValidationWithdrawal(10, stages(7, null, null), new Set([11])).ok).toBe(false);
    expect(checkValidationWithdrawal(11, stages(7, 7, null)).ok).toBe(true);
  });
});

describe('checkMeasurementDate', () => {
  it('allows a measurement dated today or before, refuses one dated after today', () => {
    expect(checkMeasurementDate('2025-06-15', '2025-06-15')).toEqual({ ok: true });
    expect(checkMeasurementDate('2024-12-31', '2025-06-15').ok).toBe(true);
    expect(checkMeasurementDate('2025-06-16', '2025-06-15')).toEqual({
      ok: false,
      reason: 'measurement_in_future',
    });
  });
});

describe('checkJustification', () => {
  const late = { status: 'late' as const, statusComment: 'Prestataire défaillant' };
  const inProgress = { status: 'in_progress' as const, statusComment: 'Ancien commentaire' };

  it('needs new text to move to Bloqué or En retard, not the old comment carried over', () => {
    expect(checkJustification(inProgress, { status: 'blocked' })).toBe('justification_required');
    expect(
      checkJustification(inProgress, { status: 'late', comment: ' Ancien commentaire ' }),
    ).toBe('justification_required');
    expect(checkJustification(late, { status: 'blocked', comment: 'Prestataire défaillant' })).toBe(
      'justification_required',
    );
    expect(checkJustification(inProgress, { status: 'late', comment: 'Livraison reportée' })).toBe(
      null,
    );
  });

  it('keeps a blocked action blocked with its comment unchanged, but never without one', () => {
    const blocked = { status: 'blocked' as const, statusComment: 'En attente du financement' };
    expect(
      checkJustification(blocked, { status: 'blocked', comment: 'En attente du financement' }),
    ).toBe(null);
    expect(checkJustification(blocked, { status: 'blocked' })).toBe('comment_required');
  });

  it('asks nothing of the other statuses', () => {
    expect(checkJustification(late, { status: 'in_progress' })).toBe(null);
    expect(checkJustification(late, { status: 'done' })).toBe(null);
  });

  it('is the rule applyStatusChange enforces', () => {
    const current = { ...inProgress, progress: 40, completedOn: null };
    expect(
      applyStatusChange(current, { status: 'late', comment: 'Ancien commentaire' }, '2025-06-15'),
    ).toEqual({ ok: false, field: 'comment', reason: 'justification_required' });
  });
});

describe('reason codes', () => {
  it('are recognised, and nothing else is', () => {
    expect(isRuleReason('stage_order')).toBe(true);
    expect(isRuleReason('STAGE_ORDER')).toBe(false);
    expect(isRuleReason(undefined)).toBe(false);
  });
});
