import type { Insertable, Selectable } from 'kysely';
import type { CommitteeKind, Locale, MeetingMode, MeetingStatus } from '@jalon/shared';
import type { Db, Trx } from '../connection';
import type { MailQueueTable, MailStatus } from '../schema';
import type { MailPreference } from './users';

// The mail queue: mails are written in the transaction of the change that causes them and sent
// later by the mailer (server/src/mail/mailer.ts), one claim at a time.

export type QueuedMail = Selectable<MailQueueTable>;
export type NewMail = Omit<
  Insertable<MailQueueTable>,
  'status' | 'attempts' | 'claimedUntil' | 'lastError' | 'sentAt' | 'nextAttemptAt'
>;

/** A person a mail goes to: an enabled user with their address and language. */
export interface MailRecipient {
  userId: number;
  email: string;
  name: string;
  locale: Locale;
}

/**
 * Queues `mails`, due at once. A mail whose dedupe key is already in the queue is left out (the
 * unique index decides, so two writers cannot both queue it). Returns how many were queued.
 */
export async function enqueueMails(trx: Db | Trx, mails: readonly NewMail[]): Promise<number> {
  let queued = 0;
  for (const mail of mails) {
    const result = await trx
      .insertInto('mailQueue')
      .values({ ...mail, status: 'queued', attempts: 0, nextAttemptAt: mail.createdAt })
      .onConflict((oc) => oc.column('dedupeKey').doNothing())
      .executeTakeFirst();
    queued += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return queued;
}

/**
 * Claims the next mail due at `nowIso` until `claimUntilIso`: no other mailer takes it meanwhile,
 * and a mailer that died with it leaves it to the next once the claim runs out. The claim is a
 * conditional update, so two mailers racing for a row cannot both win it. Null when none is due.
 */
export async function claimDueMail(
  db: Db,
  nowIso: string,
  claimUntilIso: string,
): Promise<QueuedMail | null> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const candidate = await db
      .selectFrom('mailQueue')
      .select('id')
      .where('status', '=', 'queued')
      .where('nextAttemptAt', '<=', nowIso)
      .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<=', nowIso)]))
      .orderBy('nextAttemptAt')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!candidate) return null;
    const claimed = await db
      .updateTable('mailQueue')
      .set({ claimedUntil: claimUntilIso })
      .where('id', '=', candidate.id)
      .where('status', '=', 'queued')
      .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<=', nowIso)]))
      .returningAll()
      .executeTakeFirst();
    if (claimed) return claimed;
  }
  return null;
}

/** The mail left the mailer: sent to the SMTP server, or kept in the outbox when there is none. */
export async function markMailDone(
  db: Db,
  id: number,
  status: Extract<MailStatus, 'sent' | 'kept'>,
  nowIso: string,
): Promise<void> {
  await db
    .updateTable('mailQueue')
    .set((eb) => ({
      status,
      sentAt: nowIso,
      claimedUntil: null,
      lastError: null,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: retried at `retryAtIso`, or given up (`failed`) when it is null. */
export async function markMailAttemptFailed(
  db: Db,
  id: number,
  error: string,
  retryAtIso: string | null,
): Promise<void> {
  await db
    .updateTable('mailQueue')
    .set((eb) => ({
      status: retryAtIso === null ? 'failed' : 'queued',
      ...(retryAtIso === null ? {} : { nextAttemptAt: retryAtIso }),
      claimedUntil: null,
      lastError: error.slice(0, 500),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

/** Sends a failed mail again at once (an administrator's choice, once the server is fixed). */
export async function requeueMail(db: Db | Trx, id: number, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('mailQueue')
    .set({ status: 'queued', nextAttemptAt: nowIso, claimedUntil: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface MailListFilter {
  status?: MailStatus | undefined;
  /** Only the mails to this address (exact, case-insensitive). */
  to?: string | undefined;
  limit: number;
  offset: number;
}

export type MailListItem = Omit<QueuedMail, 'textBody' | 'htmlBody' | 'ics'> & {
  hasIcs: boolean;
};

/** The outbox: newest first, paginated in SQL, without the bodies. */
export async function listMails(
  db: Db | Trx,
  filter: MailListFilter,
): Promise<{ items: MailListItem[]; total: number }> {
  const base = db
    .selectFrom('mailQueue')
    .$if(filter.status !== undefined, (qb) => qb.where('status', '=', filter.status!))
    .$if(filter.to !== undefined, (qb) =>
      qb.where('toAddress', '=', filter.to!.trim().toLowerCase()),
    );
  const [rows, count] = await Promise.all([
    base
      .select([
        'id',
        'kind',
        'userId',
        'toAddress',
        'locale',
        'subject',
        'territoryId',
        'dedupeKey',
        'status',
        'attempts',
        'nextAttemptAt',
        'claimedUntil',
        'lastError',
        'createdAt',
        'sentAt',
      ])
      .select((eb) => eb('ics', 'is not', null).as('hasIcs'))
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ ...r, hasIcs: Boolean(r.hasIcs) })),
    total: Number(count.n),
  };
}

export async function findMail(db: Db | Trx, id: number): Promise<QueuedMail | undefined> {
  return db.selectFrom('mailQueue').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many mails are in each status, for the outbox's header and the CLI. */
export async function countMailsByStatus(db: Db | Trx): Promise<Record<MailStatus, number>> {
  const rows = await db
    .selectFrom('mailQueue')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<MailStatus, number> = { queued: 0, sent: 0, kept: 0, failed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

// ---- Recipients --------------------------------------------------------------------------------

const enabledUsers = (db: Db | Trx) =>
  db
    .selectFrom('users as u')
    .select(['u.id as userId', 'u.email', 'u.name', 'u.locale'])
    .where('u.disabledAt', 'is', null);

/** The enabled users among `userIds`, as recipients. */
export async function findMailRecipients(
  db: Db | Trx,
  userIds: readonly number[],
): Promise<MailRecipient[]> {
  if (userIds.length === 0) return [];
  return enabledUsers(db).where('u.id', 'in', userIds).orderBy('u.id').execute();
}

/** What mails say about a meeting, and whom they concern. */
export interface MeetingMailFacts {
  id: number;
  committeeId: number;
  committeeName: string;
  committeeKind: CommitteeKind;
  territoryId: number;
  territoryName: string;
  scheduledAt: string;
  place: string;
  mode: MeetingMode;
  status: MeetingStatus;
  icsSequence: number;
  minutes: string;
}

export async function findMeetingMailFacts(
  db: Db | Trx,
  meetingId: number,
): Promise<MeetingMailFacts | undefined> {
  return db
    .selectFrom('meetings as m')
    .innerJoin('committees as c', 'c.id', 'm.committeeId')
    .innerJoin('territories as t', 't.id', 'c.territoryId')
    .select([
      'm.id',
      'm.committeeId',
      'c.name as committeeName',
      'c.kind as committeeKind',
      'c.territoryId',
      't.name as territoryName',
      'm.scheduledAt',
      'm.place',
      'm.mode',
      'm.status',
      'm.icsSequence',
      'm.minutes',
    ])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
}

/** The enabled users who sit on the committee, each once, by name. */
export async function committeeRecipients(
  db: Db | Trx,
  committeeId: number,
): Promise<MailRecipient[]> {
  return enabledUsers(db)
    .where('u.id', 'in', (eb) =>
      eb
        .selectFrom('committeeMembers')
        .select('userId')
        .where('committeeId', '=', committeeId)
        .where('userId', 'is not', null)
        .$narrowType<{ userId: number }>(),
    )
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}

// ---- Preferences -------------------------------------------------------------------------------

export type MailPreferences = Record<MailPreference, boolean>;

export async function getMailPreferences(
  db: Db | Trx,
  userId: number,
): Promise<MailPreferences | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['mailUpdateRequests', 'mailReminders'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return (
    row && {
      mailUpdateRequests: row.mailUpdateRequests === 1,
      mailReminders: row.mailReminders === 1,
    }
  );
}

export async function setMailPreferences(
  db: Db | Trx,
  userId: number,
  preferences: MailPreferences,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      mailUpdateRequests: preferences.mailUpdateRequests ? 1 : 0,
      mailReminders: preferences.mailReminders ? 1 : 0,
    })
    .where('id', '=', userId)
    .execute();
}

/** The ids among `userIds` who turned `preference` off. */
export async function usersWithout(
  db: Db | Trx,
  userIds: readonly number[],
  preference: MailPreference,
): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', userIds)
    .where(preference, '=', 0)
    .execute();
  return new Set(rows.map((r) => r.id));
}
