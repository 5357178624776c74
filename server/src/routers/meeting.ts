import {
  findCommittee,
  findMeetingSnapshot,
  findMeetingWithTerritory,
  listAgendaItems,
  listAttendance,
  listMeetingDecisions,
  listMeetings,
  loadMeetingReview,
} from '@jalon/db';
import {
  byIdInput,
  isoToday,
  meetingCreateInput,
  meetingListInput,
  meetingMinutesInput,
  meetingSetStatusInput,
  meetingUpdateInput,
} from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize } from '../auth/guards';
import { notFound } from '../errors';
import { visibilityOf } from '../auth/permissions';
import {
  createMeeting,
  setMeetingMinutes,
  setMeetingStatus,
  updateMeeting,
  write,
} from '../services';

export const meetingRouter = router({
  list: authedProcedure.input(meetingListInput).query(async ({ ctx, input }) => {
    const result = await listMeetings(ctx.db, visibilityOf(ctx.user), input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  byId: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'meeting', id: input.id });
    const meeting = await findMeetingWithTerritory(ctx.db, input.id);
    if (!meeting) throw notFound('meeting', input.id);
    const [committee, attendance, agenda, decisions] = await Promise.all([
      findCommittee(ctx.db, meeting.committeeId),
      listAttendance(ctx.db, meeting.id),
      listAgendaItems(ctx.db, meeting.id),
      listMeetingDecisions(ctx.db, meeting.id),
    ]);
    if (!committee) throw notFound('committee', meeting.committeeId);
    return { ...meeting, committee, attendance, agenda, decisions };
  }),

  snapshot: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'meeting', id: input.id });
    return findMeetingSnapshot(ctx.db, input.id);
  }),

  /** What changed since the previous meeting of the committee; frozen once the meeting is held. */
  review: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'meeting', id: input.id });
    const review = await loadMeetingReview(ctx.db, input.id, isoToday(ctx.now()));
    if (!review) throw notFound('meeting', input.id);
    return review;
  }),

  create: authedProcedure.input(meetingCreateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'committee', id: input.committeeId });
    return write(ctx, (w) => createMeeting(w, scope, input));
  }),

  update: authedProcedure.input(meetingUpdateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'meeting', id: input.id });
    return write(ctx, (w) => updateMeeting(w, scope, input));
  }),

  /** The minutes' draft, by whoever manages the meeting; frozen once approved. */
  setMinutes: authedProcedure.input(meetingMinutesInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'meeting', id: input.id });
    return write(ctx, (w) => setMeetingMinutes(w, scope, input));
  }),

  setStatus: authedProcedure.input(meetingSetStatusInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'meeting', id: input.id });
    return write(ctx, (w) => setMeetingStatus(w, scope, input));
  }),
});
