import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import {
  appendAgendaItem,
  checkLinksInTerritory,
  deleteAgendaItem,
  findAgendaItem,
  findMeetingWithTerritory,
  listAgendaItems,
  proposeAgendaItems,
  recordAudit,
  recordChanges,
  setAgendaOrder,
  updateAgendaItem,
  type AgendaItemRow,
} from '@jalon/db';
import {
  agendaAddManyInput,
  agendaItemCreateInput,
  agendaItemUpdateInput,
  agendaProposeInput,
  agendaReorderInput,
  byIdInput,
  id,
} from '@jalon/shared';
import { authedProcedure, authorize, notFound, router } from '../trpc';
import { findEditableMeeting } from '../auth/guards';

const auditedFields = (item: AgendaItemRow) => ({
  meetingId: item.meetingId,
  position: item.position,
  title: item.title,
  notes: item.notes,
  planId: item.planId,
  stageId: item.stageId,
  actionId: item.actionId,
});

export const agendaRouter = router({
  list: authedProcedure.input(z.object({ meetingId: id })).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'meeting', id: input.meetingId });
    return listAgendaItems(ctx.db, input.meetingId);
  }),

  create: authedProcedure.input(agendaItemCreateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'meeting', id: input.meetingId });
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const meeting = await findEditableMeeting(trx, input.meetingId);
      const links = await checkLinksInTerritory(trx, meeting.territoryId, input);
      if (!links.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: links.reason });
      const created = await appendAgendaItem(trx, { ...input, planId: links.planId });
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'agenda_item',
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
   * "Prepare the agenda": blocked, late and overdue actions, off-track indicators, open decisions,
   * stages ready for validation and plans not updated since the previous meeting. Only for those
   * who prepare the agenda: the proposals name people whose work is behind.
   */
  propose: authedProcedure.input(agendaProposeInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'meeting', id: input.meetingId });
    const meeting = await findMeetingWithTerritory(ctx.db, input.meetingId);
    if (!meeting) throw notFound('meeting', input.meetingId);
    return proposeAgendaItems(ctx.db, meeting);
  }),

  /** Appends the items kept from the proposals, in order, all or none. */
  addMany: authedProcedure.input(agendaAddManyInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'meeting', id: input.meetingId });
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const meeting = await findEditableMeeting(trx, input.meetingId);
      for (const [index, item] of input.items.entries()) {
        const links = await checkLinksInTerritory(trx, meeting.territoryId, item);
        if (!links.ok) {
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `Item ${index + 1}: ${links.reason}`,
          });
        }
        const created = await appendAgendaItem(trx, {
          ...item,
          meetingId: meeting.id,
          planId: links.planId,
        });
        await recordAudit(trx, {
          userId: ctx.user.id,
          entityType: 'agenda_item',
          entityId: created.id,
          operation: 'create',
          territoryId: meeting.territoryId,
          planId: created.planId,
          newValue: auditedFields(created),
          occurredAt: now.toISOString(),
        });
      }
      return listAgendaItems(trx, meeting.id);
    });
  }),

  update: authedProcedure.input(agendaItemUpdateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'agenda_item', id: input.id });
    const { id: itemId, ...patch } = input;
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findAgendaItem(trx, itemId);
      if (!before) throw notFound('agenda_item', itemId);
      const meeting = await findEditableMeeting(trx, before.meetingId);
      const after = await updateAgendaItem(trx, itemId, patch);
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'agenda_item',
          entityId: itemId,
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

  delete: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'agenda_item', id: input.id });
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      const before = await findAgendaItem(trx, input.id);
      if (!before) throw notFound('agenda_item', input.id);
      const meeting = await findEditableMeeting(trx, before.meetingId);
      await deleteAgendaItem(trx, before);
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'agenda_item',
        entityId: input.id,
        operation: 'delete',
        territoryId: meeting.territoryId,
        planId: before.planId,
        oldValue: auditedFields(before),
        occurredAt: now.toISOString(),
      });
    });
    return { id: input.id };
  }),

  /** Puts the meeting's items in the order of `itemIds`, which must list each of them once. */
  reorder: authedProcedure.input(agendaReorderInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'meeting', id: input.meetingId });
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const meeting = await findEditableMeeting(trx, input.meetingId);
      const before = await listAgendaItems(trx, meeting.id);
      const current = before.map((item) => item.id);
      const sameItems =
        new Set(input.itemIds).size === input.itemIds.length &&
        input.itemIds.length === current.length &&
        input.itemIds.every((itemId) => current.includes(itemId));
      if (!sameItems) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `The new order must list each item of meeting ${meeting.id}'s agenda exactly once`,
        });
      }
      await setAgendaOrder(trx, meeting.id, input.itemIds);
      const after = await listAgendaItems(trx, meeting.id);
      // One event for the whole new order, filed under the meeting: a reordering is one change,
      // not one per item, so it never crowds real changes out of a history.
      const order = (items: typeof after) => items.map((item) => item.title);
      if (after.some((item, i) => item.id !== before[i]?.id)) {
        await recordAudit(trx, {
          userId: ctx.user.id,
          entityType: 'meeting',
          entityId: meeting.id,
          operation: 'update',
          territoryId: meeting.territoryId,
          oldValue: { agendaOrder: order(before) },
          newValue: { agendaOrder: order(after) },
          occurredAt: now.toISOString(),
        });
      }
      return after;
    });
  }),
});
