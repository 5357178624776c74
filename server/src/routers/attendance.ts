import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import {
  committeeMemberIdsIn,
  listAttendance,
  recordChanges,
  replaceAttendance,
  type AttendanceItem,
} from '@jalon/db';
import { attendanceSetInput, id } from '@jalon/shared';
import { authedProcedure, authorize, router } from '../trpc';
import { findEditableMeeting } from '../auth/guards';

const auditedEntries = (entries: AttendanceItem[]) => ({
  entries: entries.map((e) => ({
    committeeMemberId: e.committeeMemberId,
    personName: e.personName,
    organisationId: e.organisationId,
    status: e.status,
    representedBy: e.representedBy,
  })),
});

export const attendanceRouter = router({
  list: authedProcedure.input(z.object({ meetingId: id })).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'meeting', id: input.meetingId });
    return listAttendance(ctx.db, input.meetingId);
  }),

  /** Replaces the whole attendance list; its audit event (filed under the meeting's id) keeps both lists. */
  set: authedProcedure.input(attendanceSetInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'meeting', id: input.meetingId });
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const meeting = await findEditableMeeting(trx, input.meetingId);
      const memberIds = [
        ...new Set(
          input.entries.flatMap((e) => (e.committeeMemberId === null ? [] : [e.committeeMemberId])),
        ),
      ];
      const known = await committeeMemberIdsIn(trx, meeting.committeeId, memberIds);
      const strangers = memberIds.filter((m) => !known.includes(m));
      if (strangers.length > 0) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Committee member ${strangers.join(', ')} does not sit on this meeting's committee`,
        });
      }
      const before = await listAttendance(trx, meeting.id);
      await replaceAttendance(trx, meeting.id, input.entries);
      const after = await listAttendance(trx, meeting.id);
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'attendance',
          entityId: meeting.id,
          operation: 'update',
          territoryId: meeting.territoryId,
          occurredAt: now.toISOString(),
        },
        auditedEntries(before),
        auditedEntries(after),
      );
      return after;
    });
  }),
});
