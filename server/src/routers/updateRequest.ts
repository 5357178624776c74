import {
  findMeetingWithTerritory,
  listOpenUpdateRequestsFor,
  meetingUpdateStatus,
} from '@jalon/db';
import { isoToday, updateRequestCreateInput, updateRequestStatusInput } from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize } from '../auth/guards';
import { notFound } from '../errors';
import { requestUpdates, write } from '../services';

export const updateRequestRouter = router({
  /** Asks the leads of the meeting's territory to bring their actions up to date before it. */
  create: authedProcedure.input(updateRequestCreateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'meeting', id: input.meetingId });
    return write(ctx, (w) => requestUpdates(w, input));
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
