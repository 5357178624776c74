import { TRPCError } from '@trpc/server';
import {
  findMeetingWithTerritory,
  insertUpdateRequest,
  listOpenUpdateRequestsFor,
  meetingUpdateStatus,
  recordAudit,
} from '@jalon/db';
import { isoToday, updateRequestCreateInput, updateRequestStatusInput } from '@jalon/shared';
import { authedProcedure, authorize, notFound, router } from '../trpc';

export const updateRequestRouter = router({
  /** Asks the leads of the meeting's territory to bring their actions up to date before it. */
  create: authedProcedure.input(updateRequestCreateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'meeting', id: input.meetingId });
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const meeting = await findMeetingWithTerritory(trx, input.meetingId);
      if (!meeting) throw notFound('meeting', input.meetingId);
      if (meeting.status !== 'planned') {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Meeting ${meeting.id} is ${meeting.status}; updates are requested before a planned meeting`,
        });
      }
      const created = await insertUpdateRequest(trx, {
        meetingId: meeting.id,
        requestedByUserId: ctx.user.id,
        requestedAt: now.toISOString(),
        message: input.message,
        dueDate: input.dueDate,
      });
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'update_request',
        entityId: created.id,
        operation: 'create',
        territoryId: meeting.territoryId,
        newValue: {
          meetingId: created.meetingId,
          message: created.message,
          dueDate: created.dueDate,
        },
        occurredAt: created.requestedAt,
      });
      return created;
    });
  }),

  /** The requests sent for a meeting and, per lead, what was updated and what is stale. */
  status: authedProcedure.input(updateRequestStatusInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'meeting', id: input.meetingId });
    const meeting = await findMeetingWithTerritory(ctx.db, input.meetingId);
    if (!meeting) throw notFound('meeting', input.meetingId);
    return meetingUpdateStatus(ctx.db, meeting);
  }),

  /** The open requests addressed to the caller as owner of actions. */
  mine: authedProcedure.query(({ ctx }) =>
    listOpenUpdateRequestsFor(ctx.db, ctx.user.id, isoToday(ctx.now())),
  ),
});
