import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';

// A meeting as a calendar invitation (RFC 5545 with the iTIP methods of RFC 5546), as Outlook and
// Thunderbird expect it: one stable UID per meeting, a SEQUENCE that grows with each change,
// METHOD:REQUEST while it stands and METHOD:CANCEL once cancelled, times in Europe/Paris with its
// VTIMEZONE, the recipient as the one attendee asked to answer.

/** Meetings have no end time in Jalon: the invitation books two hours. */
export const MEETING_HOURS = 2;
const ZONE = 'Europe/Paris';

export interface MeetingInvitation {
  meetingId: number;
  sequence: number;
  cancelled: boolean;
  scheduledAt: string;
  summary: string;
  location: string;
  description: string;
  url: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** When the invitation is issued (DTSTAMP). */
  stamp: Date;
}

/** The UID every invitation of the meeting shares, so calendars update instead of adding. */
export function meetingUid(meetingId: number, publicUrl: string): string {
  return `jalon-meeting-${meetingId}@${new URL(publicUrl).hostname}`;
}

export function meetingIcs(invitation: MeetingInvitation, uid: string): string {
  const calendar = ical({
    prodId: { company: 'Jalon', product: 'Jalon', language: 'FR' },
    method: invitation.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  const start = DateTime.fromISO(invitation.scheduledAt, { zone: 'utc' }).setZone(ZONE);
  calendar.createEvent({
    id: uid,
    sequence: invitation.sequence,
    stamp: invitation.stamp,
    timezone: ZONE,
    start,
    end: start.plus({ hours: MEETING_HOURS }),
    summary: invitation.summary,
    location: invitation.location,
    description: invitation.description,
    url: invitation.url,
    organizer: invitation.organizer,
    attendees: [
      {
        ...invitation.attendee,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: !invitation.cancelled,
      },
    ],
    status: invitation.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
