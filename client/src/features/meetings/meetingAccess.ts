import { isMeetingEditable } from '@jalon/shared';
import type { RouterOutputs } from '../../lib/trpc';
import { useCan } from '../auth/currentUser';

export type MeetingDetail = RouterOutputs['meeting']['byId'];
export type AgendaItem = MeetingDetail['agenda'][number];
export type MeetingDecision = MeetingDetail['decisions'][number];

export interface MeetingAccess {
  /** The user coordinates the meeting's territory (or is an admin): the server's `manage`. */
  manage: boolean;
  /** Attendance, agenda, decisions and the meeting's own fields may change. */
  edit: boolean;
  /** Decision follow-ups go on after approval, not for a cancelled meeting. */
  followUp: boolean;
}

/** What the signed-in user may change on this meeting, by the rule the server applies. */
export function useMeetingAccess(
  meeting: Pick<MeetingDetail, 'territoryId' | 'status'>,
  regionId: number | null,
): MeetingAccess {
  const can = useCan();
  const manage = can('manage', {
    territoryIds: [meeting.territoryId],
    regionIds: regionId === null ? [] : [regionId],
    planId: null,
  });
  return {
    manage,
    edit: manage && isMeetingEditable(meeting.status),
    followUp: manage && meeting.status !== 'cancelled',
  };
}
