import { refreshStageRollups, type NewAction } from '@jalon/db';
import type { MeetingStatus } from '@jalon/shared';
import { WORLD_CREATED_AT, type World } from './world';

/**
 * Rows written straight into the world's database, past the API (no snapshot, no audit, no
 * permission check): for states the API would not let a test reach in one step.
 */

export interface MeetingRow {
  committeeId: number;
  scheduledAt: string;
  status: MeetingStatus;
  heldAt?: string | null;
}

/** A video meeting with no place, created with the world; `heldAt` null unless given. */
export async function insertMeeting(world: World, meeting: MeetingRow): Promise<number> {
  const row = await world.db
    .insertInto('meetings')
    .values({
      createdAt: WORLD_CREATED_AT,
      committeeId: meeting.committeeId,
      scheduledAt: meeting.scheduledAt,
      place: '',
      mode: 'video',
      status: meeting.status,
      heldAt: meeting.heldAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type ActionRow = Pick<NewAction, 'planId' | 'stageId' | 'status'> & Partial<NewAction>;

/**
 * An action's values: titled `Action <status>`, no owner, no dates, progress 100 when done else 0,
 * created and updated with the world; any field given wins.
 */
export function actionRow(fields: ActionRow): NewAction {
  return {
    createdAt: WORLD_CREATED_AT,
    updatedAt: WORLD_CREATED_AT,
    title: `Action ${fields.status}`,
    description: '',
    ownerUserId: null,
    progress: fields.status === 'done' ? 100 : 0,
    statusComment: null,
    startDate: null,
    dueDate: null,
    completedOn: null,
    archivedAt: null,
    ...fields,
  };
}

/** Inserts {@link actionRow}`(fields)`; its id. */
export async function insertAction(world: World, fields: ActionRow): Promise<number> {
  const row = await world.db
    .insertInto('actions')
    .values(actionRow(fields))
    .returning(['id', 'planId', 'stageId'])
    .executeTakeFirstOrThrow();
  // Inserted directly: the portfolio's maintained aggregates follow, as the write path keeps them.
  await refreshStageRollups(world.db, [row]);
  return row.id;
}
