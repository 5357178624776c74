import { HELD_MEETING_STATUSES, type MeetingSnapshot } from '@jalon/shared';
import {
  buildMeetingSnapshot,
  insertMeetingSnapshot,
  listSnapshotDecisions,
} from '../queries/meetings';
import { readSnapshotHistory, rewindSnapshot } from '../queries/snapshotRewind';
import type { Seeding } from './demoState';

// The snapshots of the demo's past meetings: today's state rewound to the end of each held
// meeting's day, by the same rewind as a meeting marked held late, estimating the progress the
// seed does not record along the way.

const dayOf = (timestamp: string) => timestamp.slice(0, 10);

/** Gives every held meeting of the demo the snapshot of the state on its day. */
export async function insertMeetingSnapshots(s: Seeding): Promise<void> {
  const history = await readSnapshotHistory(s.trx, { today: s.today, estimateUnrecorded: true });
  const meetings = await s.trx
    .selectFrom('meetings as m')
    .innerJoin('committees as c', 'c.id', 'm.committeeId')
    .select(['m.id', 'm.committeeId', 'c.territoryId', 'm.scheduledAt', 'm.heldAt'])
    .where('m.status', 'in', HELD_MEETING_STATUSES)
    .orderBy('m.committeeId')
    .orderBy('m.scheduledAt')
    .execute();
  // Today's state, read once per territory (with each committee's decisions) and rewound to
  // each meeting's day.
  const live = new Map<number, MeetingSnapshot>();
  for (const meeting of meetings) {
    const territoryState =
      live.get(meeting.territoryId) ?? (await buildMeetingSnapshot(s.trx, meeting, s.today));
    live.set(meeting.territoryId, territoryState);
    const current = {
      ...territoryState,
      decisions: await listSnapshotDecisions(s.trx, meeting.committeeId),
    };
    const heldAt = meeting.heldAt ?? meeting.scheduledAt;
    const endOfDay = `${dayOf(heldAt)}T23:59:59.999Z`;
    const snapshot = rewindSnapshot(current, { at: endOfDay, meetingId: meeting.id }, history);
    await insertMeetingSnapshot(s.trx, meeting.id, heldAt, snapshot);
  }
}
