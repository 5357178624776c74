import {
  buildMeetingSnapshotAt,
  findCommittee,
  findMeetingWithTerritory,
  insertMeeting,
  insertMeetingSnapshot,
  updateMeetingAtVersion,
  type Meeting,
  type Scope,
} from '@jalon/db';
import {
  canMoveMeeting,
  checkMarkHeld,
  checkReschedule,
  type meetingCreateInput,
  type meetingMinutesInput,
  type meetingSetStatusInput,
  type meetingUpdateInput,
} from '@jalon/shared';
import type { z } from 'zod';
import { assertMeetingEditable } from '../auth/guards';
import { badRequest, conflict, notFound, ruleBroken } from '../errors';
import { mailConvocation, mailMinutes } from '../mail/notify';
import { audit } from './audit';
import { applyMeetingStageGates, withdrawMeetingStageGates } from './stageGates';
import type { Write } from './write';

/** Meetings are stored in UTC so that dates compare as text in SQL. */
const toUtc = (dateTime: string) => new Date(dateTime).toISOString();

/**
 * The meeting as the caller saw it (`version`), still editable: NOT_FOUND, CONFLICT or a refusal
 * of a read-only meeting otherwise.
 */
async function editableMeetingAt(w: Write, id: number, version: number) {
  const meeting = await findMeetingWithTerritory(w.trx, id);
  if (!meeting) throw notFound('meeting', id);
  if (meeting.version !== version) throw conflict('meeting', id);
  assertMeetingEditable(meeting);
  return meeting;
}

/** A planned meeting of a live committee; its members are convened with a calendar invitation. */
export async function createMeeting(
  w: Write,
  scope: Scope,
  input: z.infer<typeof meetingCreateInput>,
): Promise<Meeting> {
  const committee = await findCommittee(w.trx, input.committeeId);
  if (!committee) throw notFound('committee', input.committeeId);
  if (committee.archivedAt !== null) throw badRequest(`Committee ${committee.id} is archived`);
  const created = await insertMeeting(w.trx, {
    committeeId: input.committeeId,
    scheduledAt: toUtc(input.scheduledAt),
    place: input.place,
    mode: input.mode,
    status: 'planned',
    heldAt: null,
    createdAt: w.now.toISOString(),
  });
  await audit(w, {
    entityType: 'meeting',
    entityId: created.id,
    operation: 'create',
    territoryId: scope.territoryIds[0] ?? null,
    after: created,
  });
  await mailConvocation(w.trx, w, created.id, { change: 'planned', previousAt: null });
  return created;
}

/**
 * Optimistic: `input.version` is the version the caller saw. A held meeting's time stays. A planned
 * meeting whose time, place or mode changes goes out again to its members, its calendar
 * invitation one SEQUENCE further.
 */
export async function updateMeeting(
  w: Write,
  scope: Scope,
  input: z.infer<typeof meetingUpdateInput>,
): Promise<Meeting> {
  const { id, version, scheduledAt, ...patch } = input;
  const before = await editableMeetingAt(w, id, version);
  if (scheduledAt !== undefined) {
    const moved = checkReschedule(before, toUtc(scheduledAt));
    if (!moved.ok) {
      throw ruleBroken(moved.reason, `Meeting ${id} was held at ${before.scheduledAt}`);
    }
  }
  const newTime = scheduledAt === undefined ? before.scheduledAt : toUtc(scheduledAt);
  const reconvene =
    before.status === 'planned' &&
    (newTime !== before.scheduledAt ||
      (patch.place !== undefined && patch.place !== before.place) ||
      (patch.mode !== undefined && patch.mode !== before.mode));
  const after = await updateMeetingAtVersion(w.trx, id, version, {
    ...patch,
    ...(scheduledAt === undefined ? {} : { scheduledAt: newTime }),
    ...(reconvene ? { icsSequence: before.icsSequence + 1 } : {}),
  });
  if (!after) throw conflict('meeting', id);
  if (reconvene) {
    await mailConvocation(w.trx, w, id, {
      change: 'changed',
      previousAt: newTime === before.scheduledAt ? null : before.scheduledAt,
    });
  }
  await audit(w, {
    entityType: 'meeting',
    entityId: id,
    operation: 'update',
    territoryId: scope.territoryIds[0] ?? null,
    before,
    after,
  });
  return after;
}

/**
 * Moves the meeting along its lifecycle. Marked held, it took place when it was scheduled: its
 * validations become the stages' gates and the state at its time is kept as its snapshot.
 * Cancelled, it validated nothing, and its members' calendars drop it. Its minutes approved, they
 * are frozen and mailed to its members.
 */
export async function setMeetingStatus(
  w: Write,
  scope: Scope,
  input: z.infer<typeof meetingSetStatusInput>,
): Promise<Meeting> {
  const before = await findMeetingWithTerritory(w.trx, input.id);
  if (!before) throw notFound('meeting', input.id);
  if (before.version !== input.version) throw conflict('meeting', input.id);
  if (!canMoveMeeting(before.status, input.status)) {
    throw badRequest(`Meeting ${input.id} cannot go from ${before.status} to ${input.status}`);
  }
  const held = input.status === 'held';
  if (held) {
    const started = checkMarkHeld(before, w.now);
    if (!started.ok) {
      throw ruleBroken(
        started.reason,
        `Meeting ${input.id} is scheduled at ${before.scheduledAt}; it has not started yet`,
      );
    }
  }
  const cancelled = input.status === 'cancelled';
  const after = await updateMeetingAtVersion(w.trx, input.id, input.version, {
    status: input.status,
    ...(held ? { heldAt: before.scheduledAt } : {}),
    ...(cancelled ? { icsSequence: before.icsSequence + 1 } : {}),
  });
  if (!after) throw conflict('meeting', input.id);
  if (held) {
    await applyMeetingStageGates(w, before);
    // The state at the meeting's time, so the committee can later compare with what it saw.
    const snapshot = await buildMeetingSnapshotAt(w.trx, before, w.now);
    await insertMeetingSnapshot(w.trx, input.id, w.now.toISOString(), snapshot);
  }
  if (cancelled) {
    await withdrawMeetingStageGates(w, input.id);
    // Only a planned meeting was on the members' calendars.
    if (before.status === 'planned') {
      await mailConvocation(w.trx, w, input.id, { change: 'cancelled', previousAt: null });
    }
  }
  if (input.status === 'minutes_approved') await mailMinutes(w.trx, w, input.id);
  await audit(w, {
    entityType: 'meeting',
    entityId: input.id,
    operation: 'status',
    territoryId: scope.territoryIds[0] ?? null,
    before,
    after,
  });
  return after;
}

/**
 * The minutes' text (compte rendu), drafted by the coordinator before or after the meeting.
 * Optimistic like every meeting change; frozen once approved (read-only meeting).
 */
export async function setMeetingMinutes(
  w: Write,
  scope: Scope,
  input: z.infer<typeof meetingMinutesInput>,
): Promise<Meeting> {
  const before = await editableMeetingAt(w, input.id, input.version);
  const after = await updateMeetingAtVersion(w.trx, input.id, input.version, {
    minutes: input.minutes,
  });
  if (!after) throw conflict('meeting', input.id);
  await audit(w, {
    entityType: 'meeting',
    entityId: input.id,
    operation: 'update',
    territoryId: scope.territoryIds[0] ?? null,
    before: { minutes: before.minutes },
    after: { minutes: after.minutes },
  });
  return after;
}
