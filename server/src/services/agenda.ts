import {
  appendAgendaItem,
  checkLinksInTerritory,
  deleteAgendaItem,
  findAgendaItem,
  listAgendaItems,
  setAgendaOrder,
  updateAgendaItem,
} from '@jalon/db';
import type {
  agendaAddManyInput,
  agendaItemCreateInput,
  agendaItemUpdateInput,
  agendaReorderInput,
} from '@jalon/shared';
import type { z } from 'zod';
import { findEditableMeeting } from '../auth/guards';
import { badRequest, notFound } from '../errors';
import { audit } from './audit';
import type { Write } from './write';

export async function addAgendaItem(w: Write, input: z.infer<typeof agendaItemCreateInput>) {
  const meeting = await findEditableMeeting(w.trx, input.meetingId);
  const links = await checkLinksInTerritory(w.trx, meeting.territoryId, input);
  if (!links.ok) throw badRequest(links.reason);
  const created = await appendAgendaItem(w.trx, { ...input, planId: links.planId });
  await audit(w, {
    entityType: 'agenda_item',
    entityId: created.id,
    operation: 'create',
    territoryId: meeting.territoryId,
    planId: created.planId,
    after: created,
  });
  return created;
}

/** Appends the items kept from the proposals, in order, all or none. */
export async function addAgendaItems(w: Write, input: z.infer<typeof agendaAddManyInput>) {
  const meeting = await findEditableMeeting(w.trx, input.meetingId);
  for (const [index, item] of input.items.entries()) {
    const links = await checkLinksInTerritory(w.trx, meeting.territoryId, item);
    if (!links.ok) throw badRequest(`Item ${index + 1}: ${links.reason}`);
    const created = await appendAgendaItem(w.trx, {
      ...item,
      meetingId: meeting.id,
      planId: links.planId,
    });
    await audit(w, {
      entityType: 'agenda_item',
      entityId: created.id,
      operation: 'create',
      territoryId: meeting.territoryId,
      planId: created.planId,
      after: created,
    });
  }
  return listAgendaItems(w.trx, meeting.id);
}

export async function updateAgendaItemOf(w: Write, input: z.infer<typeof agendaItemUpdateInput>) {
  const { id: itemId, ...patch } = input;
  const before = await findAgendaItem(w.trx, itemId);
  if (!before) throw notFound('agenda_item', itemId);
  const meeting = await findEditableMeeting(w.trx, before.meetingId);
  const after = await updateAgendaItem(w.trx, itemId, patch);
  await audit(w, {
    entityType: 'agenda_item',
    entityId: itemId,
    operation: 'update',
    territoryId: meeting.territoryId,
    planId: after.planId,
    before,
    after,
  });
  return after;
}

export async function removeAgendaItem(w: Write, id: number) {
  const before = await findAgendaItem(w.trx, id);
  if (!before) throw notFound('agenda_item', id);
  const meeting = await findEditableMeeting(w.trx, before.meetingId);
  await deleteAgendaItem(w.trx, before);
  await audit(w, {
    entityType: 'agenda_item',
    entityId: id,
    operation: 'delete',
    territoryId: meeting.territoryId,
    planId: before.planId,
    before,
  });
  return { id };
}

/** Puts the meeting's items in the order of `itemIds`, which must list each of them once. */
export async function reorderAgenda(w: Write, input: z.infer<typeof agendaReorderInput>) {
  const meeting = await findEditableMeeting(w.trx, input.meetingId);
  const before = await listAgendaItems(w.trx, meeting.id);
  const current = before.map((item) => item.id);
  const sameItems =
    new Set(input.itemIds).size === input.itemIds.length &&
    input.itemIds.length === current.length &&
    input.itemIds.every((itemId) => current.includes(itemId));
  if (!sameItems) {
    throw badRequest(
      `The new order must list each item of meeting ${meeting.id}'s agenda exactly once`,
    );
  }
  await setAgendaOrder(w.trx, meeting.id, input.itemIds);
  const after = await listAgendaItems(w.trx, meeting.id);
  // One event for the whole new order, filed under the meeting: a reordering is one change,
  // not one per item, so it never crowds real changes out of a history. An unchanged order
  // records nothing.
  const order = (items: typeof after) => items.map((item) => item.title);
  if (after.some((item, i) => item.id !== before[i]?.id)) {
    await audit(w, {
      entityType: 'meeting',
      entityId: meeting.id,
      operation: 'update',
      territoryId: meeting.territoryId,
      before: { agendaOrder: order(before) },
      after: { agendaOrder: order(after) },
    });
  }
  return after;
}
