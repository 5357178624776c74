import { z } from 'zod';
import { findMeetingWithTerritory, listAgendaItems, proposeAgendaItems } from '@jalon/db';
import {
  agendaAddManyInput,
  agendaItemCreateInput,
  agendaItemUpdateInput,
  agendaProposeInput,
  agendaReorderInput,
  byIdInput,
  id,
} from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize } from '../auth/guards';
import { notFound } from '../errors';
import {
  addAgendaItem,
  addAgendaItems,
  removeAgendaItem,
  reorderAgenda,
  updateAgendaItemOf,
  write,
} from '../services';

export const agendaRouter = router({
  list: authedProcedure.input(z.object({ meetingId: id })).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'meeting', id: input.meetingId });
    return listAgendaItems(ctx.db, input.meetingId);
  }),

  create: authedProcedure.input(agendaItemCreateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'meeting', id: input.meetingId });
    return write(ctx, (w) => addAgendaItem(w, input));
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
    return write(ctx, (w) => addAgendaItems(w, input));
  }),

  update: authedProcedure.input(agendaItemUpdateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'agenda_item', id: input.id });
    return write(ctx, (w) => updateAgendaItemOf(w, input));
  }),

  delete: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'agenda_item', id: input.id });
    return write(ctx, (w) => removeAgendaItem(w, input.id));
  }),

  /** Puts the meeting's items in the order of `itemIds`, which must list each of them once. */
  reorder: authedProcedure.input(agendaReorderInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'meeting', id: input.meetingId });
    return write(ctx, (w) => reorderAgenda(w, input));
  }),
});
