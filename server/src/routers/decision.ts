import { TRPCError } from '@trpc/server';
import {
  checkLinksInTerritory,
  findDecision,
  findMeetingWithTerritory,
  insertDecision,
  listDecisions,
  nextDecisionNumber,
  recordAudit,
  recordChanges,
  updateDecision,
  type DecisionRow,
} from '@jalon/db';
import { decisionCreateInput, decisionListInput, decisionUpdateInput } from '@jalon/shared';
import { authedProcedure, authorize, notFound, router } from '../trpc';
import { visibilityOf } from '../auth/permissions';
import { assertMeetingEditable, findEditableMeeting } from '../auth/guards';
import {
  assertValidationAllowed,
  assertWithdrawalAllowed,
  recordStageGate,
} from '../services/stageGates';

const auditedFields = (d: DecisionRow) => ({
  meetingId: d.meetingId,
  number: d.number,
  text: d.text,
  kind: d.kind,
  planId: d.planId,
  stageId: d.stageId,
  actionId: d.actionId,
  ownerName: d.ownerName,
  dueDate: d.dueDate,
  followUpStatus: d.followUpStatus,
});

export const decisionRouter = router({
  list: authedProcedure.input(decisionListInput).query(async ({ ctx, input }) => {
    const result = await listDecisions(ctx.db, visibilityOf(ctx.user), input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  create: authedProcedure.input(decisionCreateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'meeting', id: input.meetingId });
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const meeting = await findEditableMeeting(trx, input.meetingId);
      const links = await checkLinksInTerritory(trx, meeting.territoryId, input);
      if (!links.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: links.reason });
      if (input.kind === 'validation' && input.stageId !== null) {
        await assertValidationAllowed(trx, meeting, input.stageId, now);
      }
      const created = await insertDecision(trx, {
        ...input,
        planId: links.planId,
        number: await nextDecisionNumber(trx, meeting.committeeId),
        followUpStatus: 'todo',
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
      // A planned meeting's validations become gates when it is marked held.
      if (created.kind === 'validation' && created.stageId !== null && meeting.status === 'held') {
        await recordStageGate(trx, {
          userId: ctx.user.id,
          stageId: created.stageId,
          meeting,
          validated: true,
          occurredAt: now.toISOString(),
        });
      }
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'decision',
        entityId: created.id,
        operation: 'create',
        territoryId: meeting.territoryId,
        planId: created.planId,
        newValue: auditedFields(created),
        occurredAt: now.toISOString(),
      });
      return created;
    });
  }),

  /**
   * Follow-ups (status, owner, due date) go on after the meeting, even once its minutes are
   * approved; what was decided (text, kind) is then part of the record and no longer changes.
   * A cancelled meeting decided nothing, so its decisions have no follow-up either.
   */
  update: authedProcedure.input(decisionUpdateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'decision', id: input.id });
    const { id, ...patch } = input;
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findDecision(trx, id);
      if (!before) throw notFound('decision', id);
      const meeting = await findMeetingWithTerritory(trx, before.meetingId);
      if (!meeting) throw notFound('meeting', before.meetingId);
      const changesRecord =
        (patch.text !== undefined && patch.text !== before.text) ||
        (patch.kind !== undefined && patch.kind !== before.kind);
      if (changesRecord || meeting.status === 'cancelled') assertMeetingEditable(meeting);
      const validates = (patch.kind ?? before.kind) === 'validation';
      const gateChanges = before.stageId !== null && validates !== (before.kind === 'validation');
      if (gateChanges && before.stageId !== null) {
        if (validates) await assertValidationAllowed(trx, meeting, before.stageId, now, id);
        else await assertWithdrawalAllowed(trx, meeting.id, before.stageId, id);
      }
      const after = await updateDecision(trx, id, { ...patch, updatedAt: now.toISOString() });
      if (after.stageId !== null && gateChanges && meeting.status === 'held') {
        await recordStageGate(trx, {
          userId: ctx.user.id,
          stageId: after.stageId,
          meeting,
          validated: validates,
          occurredAt: now.toISOString(),
        });
      }
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'decision',
          entityId: id,
          operation: 'update',
          territoryId: meeting.territoryId,
          planId: after.planId,
          occurredAt: now.toISOString(),
        },
        auditedFields(before),
        auditedFields(after),
      );
      return after;
    });
  }),
});
