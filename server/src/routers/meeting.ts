import { TRPCError } from '@trpc/server';
import {
  buildMeetingSnapshotAt,
  clearStageValidationsOf,
  diffFields,
  findCommittee,
  findMeetingSnapshot,
  findMeetingWithTerritory,
  insertMeeting,
  insertMeetingSnapshot,
  listAgendaItems,
  listAttendance,
  listMeetingDecisions,
  listMeetings,
  loadMeetingReview,
  recordAudit,
  recordChanges,
  updateMeetingAtVersion,
  type Meeting,
} from '@jalon/db';
import {
  byIdInput,
  canMoveMeeting,
  checkMarkHeld,
  checkReschedule,
  isoToday,
  meetingCreateInput,
  meetingListInput,
  meetingSetStatusInput,
  meetingUpdateInput,
} from '@jalon/shared';
import { authedProcedure, authorize, conflict, notFound, router, ruleBroken } from '../trpc';
import { visibilityOf } from '../auth/permissions';
import { applyMeetingStageGates } from '../services/stageGates';
import { assertMeetingEditable } from '../auth/guards';

/** Meetings are stored in UTC so that dates compare as text in SQL. */
const toUtc = (dateTime: string) => new Date(dateTime).toISOString();

const auditedFields = (m: Meeting) => ({
  committeeId: m.committeeId,
  scheduledAt: m.scheduledAt,
  place: m.place,
  mode: m.mode,
  status: m.status,
  heldAt: m.heldAt,
});

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
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const committee = await findCommittee(trx, input.committeeId);
      if (!committee) throw notFound('committee', input.committeeId);
      if (committee.archivedAt !== null) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Committee ${committee.id} is archived`,
        });
      }
      const created = await insertMeeting(trx, {
        committeeId: input.committeeId,
        scheduledAt: toUtc(input.scheduledAt),
        place: input.place,
        mode: input.mode,
        status: 'planned',
        heldAt: null,
        createdAt: now.toISOString(),
      });
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'meeting',
        entityId: created.id,
        operation: 'create',
        territoryId: scope.territoryIds[0] ?? null,
        newValue: auditedFields(created),
        occurredAt: now.toISOString(),
      });
      return created;
    });
  }),

  update: authedProcedure.input(meetingUpdateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'meeting', id: input.id });
    const { id, version, scheduledAt, ...patch } = input;
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findMeetingWithTerritory(trx, id);
      if (!before) throw notFound('meeting', id);
      if (before.version !== version) throw conflict('meeting', id);
      assertMeetingEditable(before);
      if (scheduledAt !== undefined) {
        const moved = checkReschedule(before, toUtc(scheduledAt));
        if (!moved.ok) {
          throw ruleBroken(moved.reason, `Meeting ${id} was held at ${before.scheduledAt}`);
        }
      }
      const after = await updateMeetingAtVersion(trx, id, version, {
        ...patch,
        ...(scheduledAt === undefined ? {} : { scheduledAt: toUtc(scheduledAt) }),
      });
      if (!after) throw conflict('meeting', id);
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'meeting',
          entityId: id,
          operation: 'update',
          territoryId: scope.territoryIds[0] ?? null,
          occurredAt: now.toISOString(),
        },
        auditedFields(before),
        auditedFields(after),
      );
      return after;
    });
  }),

  setStatus: authedProcedure.input(meetingSetStatusInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'meeting', id: input.id });
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findMeetingWithTerritory(trx, input.id);
      if (!before) throw notFound('meeting', input.id);
      if (before.version !== input.version) throw conflict('meeting', input.id);
      if (!canMoveMeeting(before.status, input.status)) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Meeting ${input.id} cannot go from ${before.status} to ${input.status}`,
        });
      }
      const held = input.status === 'held';
      if (held) {
        const started = checkMarkHeld(before, now);
        if (!started.ok) {
          throw ruleBroken(
            started.reason,
            `Meeting ${input.id} is scheduled at ${before.scheduledAt}; it has not started yet`,
          );
        }
      }
      // A meeting took place when it was scheduled, whenever someone marks it held.
      const after = await updateMeetingAtVersion(trx, input.id, input.version, {
        status: input.status,
        ...(held ? { heldAt: before.scheduledAt } : {}),
      });
      if (!after) throw conflict('meeting', input.id);
      if (held) {
        await applyMeetingStageGates(trx, before, ctx.user.id, now.toISOString());
        // The state at the meeting's time, so the committee can later compare with what it saw.
        const snapshot = await buildMeetingSnapshotAt(trx, before, now);
        await insertMeetingSnapshot(trx, input.id, now.toISOString(), snapshot);
      }
      if (input.status === 'cancelled') {
        // A meeting that never took place validated nothing: the gates its decisions set go.
        for (const stage of await clearStageValidationsOf(trx, input.id)) {
          await recordAudit(trx, {
            userId: ctx.user.id,
            entityType: 'stage',
            entityId: stage.id,
            operation: 'update',
            planId: stage.planId,
            oldValue: {
              validatedMeetingId: stage.validatedMeetingId,
              validatedOn: stage.validatedOn,
            },
            newValue: { validatedMeetingId: null, validatedOn: null },
            occurredAt: now.toISOString(),
          });
        }
      }
      const diff = diffFields(auditedFields(before), auditedFields(after));
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'meeting',
        entityId: input.id,
        operation: 'status',
        territoryId: scope.territoryIds[0] ?? null,
        oldValue: diff?.oldValue ?? null,
        newValue: diff?.newValue ?? null,
        occurredAt: now.toISOString(),
      });
      return after;
    });
  }),
});
