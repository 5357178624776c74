import {
  clearStageValidationsOf,
  diffFields,
  findStageValidation,
  listMeetingStageValidations,
  listPlanStageGates,
  setStageValidation,
  type Trx,
} from '@jalon/db';
import {
  checkStageOrder,
  checkValidationMeeting,
  checkValidationWithdrawal,
  type MeetingStatus,
} from '@jalon/shared';
import { badRequest, notFound, ruleBroken } from '../errors';
import { audit } from './audit';
import type { Write } from './write';

// A validation decision about a stage is the stage's gate. It may be recorded during the meeting
// or after it, but the gate is set only once the meeting is held (a cancelled meeting validates
// nothing), dated on the meeting's scheduled day, and only in the plan's order.

interface ValidationMeeting {
  id: number;
  status: MeetingStatus;
  scheduledAt: string;
}

/** The stages the meeting's validation decisions name, but for the decision `exceptDecisionId`. */
async function stagesValidatedBy(
  trx: Trx,
  meetingId: number,
  exceptDecisionId: number | null,
): Promise<Set<number>> {
  const validations = await listMeetingStageValidations(trx, meetingId);
  return new Set(
    validations.filter((v) => v.decisionId !== exceptDecisionId).map((v) => v.stageId),
  );
}

/**
 * Refuses a validation of `stageId` by the meeting before it started, by a cancelled meeting, of a
 * stage another meeting validated, or ahead of an earlier stage of the plan.
 */
export async function assertValidationAllowed(
  trx: Trx,
  meeting: ValidationMeeting,
  stageId: number,
  now: Date,
  exceptDecisionId: number | null = null,
): Promise<void> {
  const when = checkValidationMeeting(meeting, now);
  if (!when.ok) {
    throw ruleBroken(when.reason, `Meeting ${meeting.id} cannot validate a stage now`);
  }
  const stage = await findStageValidation(trx, stageId);
  if (!stage) throw notFound('stage', stageId);
  if (stage.validatedMeetingId !== null && stage.validatedMeetingId !== meeting.id) {
    throw badRequest(
      `Stage ${stage.id} was already validated by meeting ${stage.validatedMeetingId}`,
    );
  }
  const order = checkStageOrder(
    stageId,
    await listPlanStageGates(trx, stage.planId),
    await stagesValidatedBy(trx, meeting.id, exceptDecisionId),
  );
  if (!order.ok) {
    throw ruleBroken(order.reason, `Stage ${stageId} comes after a stage not validated yet`);
  }
}

/** Refuses to withdraw a validation a later stage's validation stands on. */
export async function assertWithdrawalAllowed(
  trx: Trx,
  meetingId: number,
  stageId: number,
  decisionId: number,
): Promise<void> {
  const stage = await findStageValidation(trx, stageId);
  if (!stage) throw notFound('stage', stageId);
  const validatedHere = await stagesValidatedBy(trx, meetingId, decisionId);
  if (validatedHere.has(stageId)) return;
  const order = checkValidationWithdrawal(
    stageId,
    await listPlanStageGates(trx, stage.planId),
    validatedHere,
  );
  if (!order.ok) {
    throw ruleBroken(order.reason, `A later stage stays validated after stage ${stageId}`);
  }
}

interface GateChange {
  stageId: number;
  meeting: { id: number; scheduledAt: string };
  validated: boolean;
}

/**
 * Sets the stage's gate to the meeting and its day, or withdraws it if it was this meeting's;
 * audited. A stage another meeting validated keeps that gate.
 */
export async function recordStageGate(w: Write, change: GateChange): Promise<void> {
  const stage = await findStageValidation(w.trx, change.stageId);
  if (!stage) throw notFound('stage', change.stageId);
  const before = { validatedMeetingId: stage.validatedMeetingId, validatedOn: stage.validatedOn };
  let after: typeof before;
  if (change.validated) {
    if (stage.validatedMeetingId !== null && stage.validatedMeetingId !== change.meeting.id) return;
    after = {
      validatedMeetingId: change.meeting.id,
      validatedOn: change.meeting.scheduledAt.slice(0, 10),
    };
  } else {
    if (stage.validatedMeetingId !== change.meeting.id) return;
    after = { validatedMeetingId: null, validatedOn: null };
  }
  if (!diffFields(before, after)) return;
  await setStageValidation(w.trx, stage.id, after);
  await audit(w, {
    entityType: 'stage',
    entityId: stage.id,
    operation: 'update',
    planId: stage.planId,
    before,
    after,
  });
}

/** When a meeting is marked held, the validations it recorded become the stages' gates. */
export async function applyMeetingStageGates(
  w: Write,
  meeting: { id: number; scheduledAt: string },
): Promise<void> {
  for (const validation of await listMeetingStageValidations(w.trx, meeting.id)) {
    await recordStageGate(w, { stageId: validation.stageId, meeting, validated: true });
  }
}

/** A meeting that never took place validated nothing: the gates its decisions set go. */
export async function withdrawMeetingStageGates(w: Write, meetingId: number): Promise<void> {
  for (const stage of await clearStageValidationsOf(w.trx, meetingId)) {
    await audit(w, {
      entityType: 'stage',
      entityId: stage.id,
      operation: 'update',
      planId: stage.planId,
      before: { validatedMeetingId: stage.validatedMeetingId, validatedOn: stage.validatedOn },
      after: { validatedMeetingId: null, validatedOn: null },
    });
  }
}
