import { addDays } from '@jalon/shared';
import { DEMO_TERRITORIES } from './demoContent';
import { idOf, stamp, type Seeding } from './demoState';

/**
 * A few days ago, each territory's coordinator asked the leads to update their actions before the
 * upcoming COPIL, so the meeting page has requests to show and the leads have one waiting.
 */
export async function insertUpdateRequests(s: Seeding): Promise<void> {
  const requestedAt = stamp(addDays(s.today, -3), '09:15');
  for (const territory of DEMO_TERRITORIES) {
    const meeting = await s.trx
      .selectFrom('meetings as m')
      .innerJoin('committees as c', 'c.id', 'm.committeeId')
      .select(['m.id', 'm.scheduledAt'])
      .where('c.territoryId', '=', idOf(s.territoryIds, territory.code))
      .where('c.kind', '=', 'copil')
      .where('m.status', '=', 'planned')
      .where('m.scheduledAt', '>', stamp(s.today, '23:59'))
      .orderBy('m.scheduledAt', 'asc')
      .executeTakeFirst();
    if (!meeting) continue;
    const meetingDate = meeting.scheduledAt.slice(0, 10);
    await s.trx
      .insertInto('updateRequests')
      .values({
        meetingId: meeting.id,
        requestedByUserId: idOf(s.userIds, territory.coordinator.email),
        requestedAt,
        message:
          'Bonjour, merci de mettre à jour l’avancement et le statut de vos actions avant le ' +
          'prochain COPIL, en commentant les points bloqués ou en retard.',
        dueDate: addDays(meetingDate, -7),
      })
      .execute();
  }
}
