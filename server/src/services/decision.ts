import {
  checkLinksInTerritory,
  findDecision,
  findMeetingWithTerritory,
  insertDecision,
  nextDecisionNumber,
  updateDecision,
} from '@jalon/db';
import type { decisionCreateInput, decisionUpdateInput } from '@jalon/shared';
import type { z } from 'zod';
import { assertMeetingEditable, findEditableMeeting } from '../auth/guards';
import { badRequest, notFound } from '../errors';
import { audit } from './audit';
import { assertValidationAllowed, assertWithdrawalAllowed, recordStageGate } from './stageGates';
import type { Write } from './write';

/** A decision of a meeting, numbered in its committee's register. */
export async function createDecision(w: Write, input: z.infer<typeof decisionCreateInput>) {
  const meeting = await findEditableMeeting(w.trx, input.meetingId);
  const links = await checkLinksInTerritory(w.trx, meeting.territoryId, input);
  if (!links.ok) throw badRequest(links.reason);
  if (input.kind === 'validation' && input.stageId !== null) {
    await assertValidationAllowed(w.trx, meeting, input.stageId, w.now);
  }
  const created = await insertDecision(w.trx, {
    ...input,
    planId: links.planId,
    number: await nextDecisionNumber(w.trx, meeting.committeeId),
    followUpStatus: 'todo',
    createdAt: w.now.toISOString(),
    updatedAt: w.now.toISOString(),
  });
  // A planned meeting's validations become gates when it is marked held.
  if (created.kind === 'validation' && created.stageId !== null && meeting.status === 'held') {
    await recordStageGate(w, { stageId: created.stageId, meeting, validated: true });
  }
  await audit(w, {
    entityType: 'decision',
    entityId: created.id,
    operation: 'create',
    territoryId: meeting.territoryId,
    planId: created.planId,
    after: created,
  });
  return created;
}

/**
 * Follow-ups (status, owner, due date) go on after the meeting, even once its minutes are
 * approved; what was decided (text, kind) is then part of the record and no longer changes.
 * A cancelled meeting decided nothing, so its decisions have no follow-up either.
 */
export async function updateDecisionFollowUp(w: Write, input: z.infer<typeof decisionUpdateInput>) {
  const { id, ...patch } = input;
  const before = await findDecision(w.trx, id);
  if (!before) throw notFound('decision', id);
  const meeting = await findMeetingWithTerritory(w.trx, before.meetingId);
  if (!meeting) throw notFound('meeting', before.meetingId);
  const changesRecord =
    (patch.text !== undefined && patch.text !== before.text) ||
    (patch.kind !== undefined && patch.kind !== before.kind);
  if (changesRecord || meeting.status === 'cancelled') assertMeetingEditable(meeting);
  const validates = (patch.kind ?? before.kind) === 'validation';
  const gateChanges = before.stageId !== null && validates !== (before.kind === 'validation');
  if (gateChanges && before.stageId !== null) {
    if (validates) await assertValidationAllowed(w.trx, meeting, before.stageId, w.now, id);
    else await assertWithdrawalAllowed(w.trx, meeting.id, before.stageId, id);
  }
  const after = await updateDecision(w.trx, id, { ...patch, updatedAt: w.now.toISOString() });
  if (after.stageId !== null && gateChanges && meeting.status === 'held') {
    await recordStageGate(w, { stageId: after.stageId, meeting, validated: validates });
  }
  await audit(w, {
    entityType: 'decision',
    entityId: id,
    operation: 'update',
    territoryId: meeting.territoryId,
    planId: after.planId,
    before,
    after,
  });
  return after;
}
