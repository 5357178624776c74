import {
  diffSnapshots,
  HELD_MEETING_STATUSES,
  type CommitteeKind,
  type MeetingChanges,
  type MeetingMode,
  type MeetingSnapshot,
  type MeetingStatus,
} from '@jalon/shared';
import type { Db, Trx } from '../connection';
import { buildMeetingSnapshot, findMeetingSnapshot, findPreviousHeldMeeting } from './meetings';

// "Since last meeting": a meeting's state (frozen when it was held, live before) compared with the
// state frozen at the previous meeting of the same committee.

export interface MeetingReview {
  meeting: {
    id: number;
    committeeId: number;
    committeeKind: CommitteeKind;
    committeeName: string;
    territoryId: number;
    territoryName: string;
    scheduledAt: string;
    place: string;
    mode: MeetingMode;
    status: MeetingStatus;
    heldAt: string | null;
    version: number;
  };
  /** The latest held (or approved) meeting of the same committee scheduled before this one. */
  previous: { id: number; scheduledAt: string; heldAt: string | null } | null;
  /** True: `state` is this meeting's snapshot, which never changes any more. */
  frozen: boolean;
  state: MeetingSnapshot;
  /** Null when there is no previous meeting, or it has no snapshot to compare with. */
  changes: MeetingChanges | null;
}

/**
 * The "since last meeting" review of a meeting. A held meeting's review is built only from its
 * row and the two frozen snapshots, so later work on actions, measurements or decisions never
 * changes it; a planned one compares today's live state (judged against `today`).
 */
export async function loadMeetingReview(
  db: Db | Trx,
  meetingId: number,
  today: string,
): Promise<MeetingReview | undefined> {
  const meeting = await db
    .selectFrom('meetings as m')
    .innerJoin('committees as c', 'c.id', 'm.committeeId')
    .innerJoin('territories as t', 't.id', 'c.territoryId')
    .select([
      'm.id',
      'm.committeeId',
      'c.kind as committeeKind',
      'c.name as committeeName',
      'c.territoryId',
      't.name as territoryName',
      'm.scheduledAt',
      'm.place',
      'm.mode',
      'm.status',
      'm.heldAt',
      'm.version',
    ])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) return undefined;

  const previous = await findPreviousHeldMeeting(db, meeting);

  const [own, previousSnapshot] = await Promise.all([
    (HELD_MEETING_STATUSES as readonly MeetingStatus[]).includes(meeting.status)
      ? findMeetingSnapshot(db, meeting.id)
      : null,
    previous ? findMeetingSnapshot(db, previous.id) : null,
  ]);
  const state =
    own?.snapshot ??
    (await buildMeetingSnapshot(
      db,
      { territoryId: meeting.territoryId, committeeId: meeting.committeeId },
      today,
    ));
  return {
    meeting,
    previous,
    frozen: own !== null,
    state,
    changes: previousSnapshot ? diffSnapshots(previousSnapshot.snapshot, state) : null,
  };
}
