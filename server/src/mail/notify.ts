import {
  inTransaction,
  committeeRecipients,
  findMailRecipients,
  findMeetingMailFacts,
  listReminderCandidates,
  markUpdateRequestReminded,
  meetingUpdateStatus,
  usersWithout,
  type Db,
  type LeadUpdateStatus,
  type MeetingMailFacts,
  type Trx,
} from '@jalon/db';
import { isReminderDue, isoToday } from '@jalon/shared';
import type { Site } from '../site';
import { meetingIcs, meetingUid } from './ics';
import type { MeetingRef } from './messages';
import { queueMails, type Outgoing } from './queue';

// What sends mail. Each function runs inside the transaction of the change that causes the mail
// (or of the reminder it marks), so a mail exists if and only if its cause was committed.

/** When the change happens and where Jalon is reached: what every mail is written with. */
export interface MailChange {
  now: Date;
  site: Site;
}

/** An update request as its mails tell it. */
export interface RequestFacts {
  id: number;
  meetingId: number;
  requestedBy: string;
  message: string;
  dueDate: string | null;
}

const link = (site: Site, path: string) => `${site.publicUrl}${path}`;
export const MY_ACTIONS_PATH = '/my-actions';
export const PREFERENCES_PATH = '/account#mail';
export const meetingPath = (meetingId: number) => `/meetings/${meetingId}`;
export const OIDC_LOGIN_PATH = '/auth/oidc/login';

const meetingRef = (m: MeetingMailFacts): MeetingRef => ({
  committeeName: m.committeeName,
  committeeKind: m.committeeKind,
  territoryName: m.territoryName,
  scheduledAt: m.scheduledAt,
  place: m.place,
  mode: m.mode,
});

/** An invitation or a reset: the one-time link, to the user it was issued for. */
export async function mailPasswordLink(
  trx: Trx,
  change: MailChange & { actorName: string },
  issued: { userId: number; purpose: 'invitation' | 'reset'; path: string; days: number },
): Promise<number> {
  const [to] = await findMailRecipients(trx, [issued.userId]);
  if (!to) return 0;
  const url = link(change.site, issued.path);
  return queueMails(trx, change.now, [
    issued.purpose === 'invitation'
      ? {
          to,
          content: {
            kind: 'invitation',
            name: to.name,
            invitedBy: change.actorName,
            url,
            days: issued.days,
            oidcUrl: change.site.oidcEnabled ? link(change.site, OIDC_LOGIN_PATH) : null,
          },
        }
      : { to, content: { kind: 'password_reset', name: to.name, url, days: issued.days } },
  ]);
}

/** The leads who still have open actions to update for the meeting, with those actions. */
async function leadsToUpdate(
  trx: Db | Trx,
  meeting: MeetingMailFacts,
): Promise<LeadUpdateStatus[]> {
  const status = await meetingUpdateStatus(trx, meeting);
  return status.leads.filter((lead) => lead.stale.length > 0);
}

/**
 * The update request, to each lead with actions to update who wants these mails, listing them;
 * or the reminder of it (`reminder`), to those who still have not updated.
 */
async function mailLeads(
  trx: Trx,
  change: MailChange,
  request: RequestFacts,
  reminder: boolean,
): Promise<number> {
  const meeting = await findMeetingMailFacts(trx, request.meetingId);
  if (!meeting) return 0;
  const leads = await leadsToUpdate(trx, meeting);
  const ids = leads.map((lead) => lead.userId);
  const [recipients, declined] = await Promise.all([
    findMailRecipients(trx, ids),
    usersWithout(trx, ids, reminder ? 'mailReminders' : 'mailUpdateRequests'),
  ]);
  const staleOf = new Map(leads.map((lead) => [lead.userId, lead.stale]));
  const outgoing: Outgoing[] = recipients
    .filter((to) => !declined.has(to.userId))
    .map((to) => ({
      to,
      territoryId: meeting.territoryId,
      ...(reminder ? { dedupeKey: `update_reminder:${request.id}:${to.userId}` } : {}),
      content: {
        kind: reminder ? 'update_reminder' : 'update_request',
        name: to.name,
        requestedBy: request.requestedBy,
        meeting: meetingRef(meeting),
        dueDate: request.dueDate,
        message: request.message,
        actions: (staleOf.get(to.userId) ?? []).map((a) => ({
          planCode: a.planCode,
          title: a.title,
          status: a.status,
          progress: a.progress,
        })),
        url: link(change.site, MY_ACTIONS_PATH),
        preferencesUrl: link(change.site, PREFERENCES_PATH),
      },
    }));
  return queueMails(trx, change.now, outgoing);
}

export function mailUpdateRequest(
  trx: Trx,
  change: MailChange,
  request: RequestFacts,
): Promise<number> {
  return mailLeads(trx, change, request, false);
}

/**
 * Queues the reminders that are due on `now`'s day: for each update request whose
 * territory's reminder days before its due date have come, once, to the leads who have not
 * updated. Each request is marked reminded in the transaction that queues its mails, so two
 * mailers never remind twice. Returns how many mails were queued.
 */
export async function queueDueReminders(db: Db, site: Site, now: Date): Promise<number> {
  const today = isoToday(now);
  const candidates = await listReminderCandidates(db, today);
  let queued = 0;
  for (const request of candidates) {
    if (!isReminderDue(request.dueDate, request.reminderDays, today)) continue;
    queued += await inTransaction(db, async (trx) => {
      if (!(await markUpdateRequestReminded(trx, request.id, now.toISOString()))) return 0;
      return mailLeads(
        trx,
        { now, site },
        { ...request, requestedBy: request.requestedByName },
        true,
      );
    });
  }
  return queued;
}

/**
 * The convocation to the committee's members (its members with an account), with the calendar
 * invitation: when the meeting is planned, changed (time, place or mode) or cancelled.
 */
export async function mailConvocation(
  trx: Trx,
  change: MailChange,
  meetingId: number,
  what: { change: 'planned' | 'changed' | 'cancelled'; previousAt: string | null },
): Promise<number> {
  const meeting = await findMeetingMailFacts(trx, meetingId);
  if (!meeting) return 0;
  const recipients = await committeeRecipients(trx, meeting.committeeId);
  const url = link(change.site, meetingPath(meeting.id));
  const uid = meetingUid(meeting.id, change.site.publicUrl);
  const ref = meetingRef(meeting);
  return queueMails(
    trx,
    change.now,
    recipients.map((to) => ({
      to,
      territoryId: meeting.territoryId,
      content: {
        kind: 'convocation',
        change: what.change,
        name: to.name,
        meeting: ref,
        previousAt: what.previousAt,
        url,
      },
      ics: meetingIcs(
        {
          meetingId: meeting.id,
          sequence: meeting.icsSequence,
          cancelled: what.change === 'cancelled',
          scheduledAt: meeting.scheduledAt,
          summary: `${meeting.committeeName} – ${meeting.territoryName}`,
          location: meeting.place,
          description: url,
          url,
          organizer: change.site.mailFrom,
          attendee: { name: to.name, email: to.email },
          stamp: change.now,
        },
        uid,
      ),
    })),
  );
}

/** The approved minutes, to the committee's members. */
export async function mailMinutes(
  trx: Trx,
  change: MailChange,
  meetingId: number,
): Promise<number> {
  const meeting = await findMeetingMailFacts(trx, meetingId);
  if (!meeting) return 0;
  const recipients = await committeeRecipients(trx, meeting.committeeId);
  const url = link(change.site, meetingPath(meeting.id));
  return queueMails(
    trx,
    change.now,
    recipients.map((to) => ({
      to,
      territoryId: meeting.territoryId,
      content: {
        kind: 'minutes',
        name: to.name,
        meeting: meetingRef(meeting),
        minutes: meeting.minutes,
        url,
      },
    })),
  );
}
