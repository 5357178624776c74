import {
  committeeMemberIdsIn,
  listAttendance,
  replaceAttendance,
  type AttendanceItem,
} from '@jalon/db';
import type { attendanceSetInput } from '@jalon/shared';
import type { z } from 'zod';
import { findEditableMeeting } from '../auth/guards';
import { badRequest } from '../errors';
import { audit } from './audit';
import type { Write } from './write';

const auditedEntries = (entries: AttendanceItem[]) => ({
  entries: entries.map((e) => ({
    committeeMemberId: e.committeeMemberId,
    personName: e.personName,
    organisationId: e.organisationId,
    status: e.status,
    representedBy: e.representedBy,
  })),
});

/** Replaces the whole attendance list; its audit event (filed under the meeting's id) keeps both lists. */
export async function setAttendance(w: Write, input: z.infer<typeof attendanceSetInput>) {
  const meeting = await findEditableMeeting(w.trx, input.meetingId);
  const memberIds = [
    ...new Set(
      input.entries.flatMap((e) => (e.committeeMemberId === null ? [] : [e.committeeMemberId])),
    ),
  ];
  const known = await committeeMemberIdsIn(w.trx, meeting.committeeId, memberIds);
  const strangers = memberIds.filter((m) => !known.includes(m));
  if (strangers.length > 0) {
    throw badRequest(
      `Committee member ${strangers.join(', ')} does not sit on this meeting's committee`,
    );
  }
  const before = await listAttendance(w.trx, meeting.id);
  await replaceAttendance(w.trx, meeting.id, input.entries);
  const after = await listAttendance(w.trx, meeting.id);
  await audit(w, {
    entityType: 'attendance',
    entityId: meeting.id,
    operation: 'update',
    territoryId: meeting.territoryId,
    before: auditedEntries(before),
    after: auditedEntries(after),
  });
  return after;
}
