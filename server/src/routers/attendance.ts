import { z } from 'zod';
import { listAttendance } from '@jalon/db';
import { attendanceSetInput, id } from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize } from '../auth/guards';
import { setAttendance, write } from '../services';

export const attendanceRouter = router({
  list: authedProcedure.input(z.object({ meetingId: id })).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'meeting', id: input.meetingId });
    return listAttendance(ctx.db, input.meetingId);
  }),

  /** Replaces the whole attendance list; its audit event (filed under the meeting's id) keeps both lists. */
  set: authedProcedure.input(attendanceSetInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'meeting', id: input.meetingId });
    return write(ctx, (w) => setAttendance(w, input));
  }),
});
