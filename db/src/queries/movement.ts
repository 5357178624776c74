import {
  HELD_MEETING_STATUSES,
  summariseMovement,
  type CommitteeKind,
  type Movement,
} from '@jalon/shared';
import type { Db, Trx } from '../connection';
import { buildMeetingSnapshot, findMeetingSnapshot } from './meetings';
import { territorySnapshotAt } from './snapshotRewind';

// "What moved since the last meeting" on a territory's first screen: the state frozen by the last
// held COPIL (or COTECH) of the territory compared with the live state.

export interface ReferenceMeeting {
  id: number;
  committeeId: number;
  committeeKind: CommitteeKind;
  committeeName: string;
  scheduledAt: string;
  heldAt: string | null;
}

export interface TerritoryMovement {
  /** The meeting the comparison starts from; null when the committee has never met. */
  reference: ReferenceMeeting | null;
  /** The day the comparison starts from, when a day was chosen instead of a meeting. */
  since: string | null;
  /** The last held meeting of each kind of committee, offered as starting points. */
  lastMeetings: Record<CommitteeKind, ReferenceMeeting | null>;
  /** Null without a reference meeting (or one held before snapshots were kept). */
  movement: Movement | null;
}

/** The latest meeting of each kind of committee of the territory that took place by `nowIso`. */
export async function findLastHeldMeetings(
  db: Db | Trx,
  territoryId: number,
  nowIso: string,
): Promise<Record<CommitteeKind, ReferenceMeeting | null>> {
  const rows = await db
    .selectFrom('meetings as m')
    .innerJoin('committees as c', 'c.id', 'm.committeeId')
    .select([
      'm.id',
      'm.committeeId',
      'c.kind as committeeKind',
      'c.name as committeeName',
      'm.scheduledAt',
      'm.heldAt',
    ])
    .where('c.territoryId', '=', territoryId)
    .where('c.archivedAt', 'is', null)
    .where('m.status', 'in', HELD_MEETING_STATUSES)
    .where('m.scheduledAt', '<=', nowIso)
    .orderBy('m.scheduledAt', 'desc')
    .orderBy('m.id', 'desc')
    .execute();
  return {
    copil: rows.find((row) => row.committeeKind === 'copil') ?? null,
    cotech: rows.find((row) => row.committeeKind === 'cotech') ?? null,
  };
}

/**
 * What moved in the territory since the last held meeting of a kind of committee: its frozen
 * snapshot against today's live state (built with the same queries, for the same committee's
 * decisions).
 */
export async function loadTerritoryMovement(
  db: Db | Trx,
  options: {
    territoryId: number;
    committeeKind: CommitteeKind;
    /** A day to compare with instead of the last meeting. */
    since?: string | undefined;
    today: string;
    nowIso: string;
  },
): Promise<TerritoryMovement> {
  const lastMeetings = await findLastHeldMeetings(db, options.territoryId, options.nowIso);
  if (options.since !== undefined) {
    const since = options.since > options.today ? options.today : options.since;
    // Decisions are those of the chosen kind of committee (the territory's first such one).
    const committee = await db
      .selectFrom('committees')
      .select('id')
      .where('territoryId', '=', options.territoryId)
      .where('kind', '=', options.committeeKind)
      .orderBy('id')
      .executeTakeFirst();
    const scope = { territoryId: options.territoryId, committeeId: committee?.id ?? 0 };
    const [before, live] = await Promise.all([
      territorySnapshotAt(
        db,
        scope,
        { at: `${since}T00:00:00.000Z`, meetingId: null },
        options.today,
      ),
      buildMeetingSnapshot(db, scope, options.today),
    ]);
    return { reference: null, since, lastMeetings, movement: summariseMovement(before, live) };
  }
  const reference = lastMeetings[options.committeeKind];
  if (!reference) return { reference, since: null, lastMeetings, movement: null };
  const [frozen, live] = await Promise.all([
    findMeetingSnapshot(db, reference.id),
    buildMeetingSnapshot(
      db,
      { territoryId: options.territoryId, committeeId: reference.committeeId },
      options.today,
    ),
  ]);
  return {
    reference,
    since: null,
    lastMeetings,
    movement: frozen ? summariseMovement(frozen.snapshot, live) : null,
  };
}
