import { findMeetingWithTerritory, insertUpdateRequest } from '@jalon/db';
import type { updateRequestCreateInput } from '@jalon/shared';
import type { z } from 'zod';
import { badRequest, notFound } from '../errors';
import { mailUpdateRequest } from '../mail/notify';
import { audit } from './audit';
import type { Write } from './write';

/**
 * Asks the leads of the meeting's territory to bring their actions up to date before it: each lead
 * with actions to update is mailed the list (unless they turned these mails off).
 */
export async function requestUpdates(w: Write, input: z.infer<typeof updateRequestCreateInput>) {
  const meeting = await findMeetingWithTerritory(w.trx, input.meetingId);
  if (!meeting) throw notFound('meeting', input.meetingId);
  if (meeting.status !== 'planned') {
    throw badRequest(
      `Meeting ${meeting.id} is ${meeting.status}; updates are requested before a planned meeting`,
    );
  }
  const created = await insertUpdateRequest(w.trx, {
    meetingId: meeting.id,
    requestedByUserId: w.actor.id,
    requestedAt: w.now.toISOString(),
    message: input.message,
    dueDate: input.dueDate,
  });
  await audit(w, {
    entityType: 'update_request',
    entityId: created.id,
    operation: 'create',
    territoryId: meeting.territoryId,
    after: created,
  });
  await mailUpdateRequest(w.trx, w, {
    ...created,
    requestedBy: w.actor.name,
    dueDate: created.dueDate,
  });
  return created;
}
