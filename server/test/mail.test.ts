import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueMails, loadPrincipal, migrateToLatest, openDb, type Db } from '@jalon/db';
import { createCallerFactory } from '../src/trpc';
import { appRouter } from '../src/routers/_app';
import { createInnerContext } from '../src/context';
import type { Site } from '../src/site';
import { deliverDueMails, RETRY_DELAYS_MS, smtpTransport } from '../src/mail/mailer';
import { queueDueReminders } from '../src/mail/notify';
import { loadMeetingSummary } from '../src/exports/meetingSummary';
import { buildWorld, type World, type WorldUser } from './support/world';
import { startSmtpCapture, type SmtpCapture } from './support/smtpCapture';
import { runJalon } from './support/demoApp';

// Every mail Jalon sends, captured by a real SMTP server run by the test and parsed back as a mail
// client would: recipients, language, links to the right screen, the calendar invitation.

const SITE: Site = {
  publicUrl: 'https://jalon.example.gouv.fr',
  mailFrom: { name: 'Jalon', email: 'jalon@example.gouv.fr' },
  oidcEnabled: false,
};
const log = pino({ level: 'silent' });
const createCaller = createCallerFactory(appRouter);

let smtp: SmtpCapture;
let world: World;

beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(() => smtp.close());
beforeEach(async () => {
  smtp.messages.length = 0;
  smtp.envelopes.length = 0;
  smtp.failing = false;
  world = await buildWorld();
});
afterEach(() => world.db.destroy());

const at = (iso: string) => () => new Date(iso);

async function callerAs(user: WorldUser, now = '2025-06-15T12:00:00.000Z') {
  return createCaller(
    createInnerContext({
      db: world.db,
      log,
      user: await loadPrincipal(world.db, world.users[user]),
      now: at(now),
      site: SITE,
    }),
  );
}

/** Sends what is due to the capture and returns the messages that arrived in this round. */
async function deliver(db: Db = world.db, now = '2025-06-15T12:00:05.000Z'): Promise<ParsedMail[]> {
  const before = smtp.messages.length;
  await deliverDueMails(db, smtpTransport(smtp.url, SITE), log, at(now));
  return smtp.messages.slice(before);
}

const addressOf = (mail: ParsedMail): string[] =>
  (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap(
    (t) => t?.value.flatMap((v) => (v.address ? [v.address] : [])) ?? [],
  );

/** The calendar invitation carried by the mail, parsed by ical.js (the parser of Thunderbird). */
function invitationOf(mail: ParsedMail) {
  const part = mail.attachments.find((a) => a.contentType === 'text/calendar');
  if (!part) throw new Error('no text/calendar part');
  const calendar = ICAL.Component.fromString(part.content.toString('utf8'));
  const timezone = calendar.getFirstSubcomponent('vtimezone');
  if (timezone) ICAL.TimezoneService.register(timezone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    attendees: vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
    partContentType: part.contentType,
  };
}

/** Seats the users on the Nord Lorraine COPIL (and one person without an account). */
async function seatMembers(users: WorldUser[]) {
  await world.db
    .insertInto('committeeMembers')
    .values([
      ...users.map((user) => ({
        committeeId: world.committees.copilNL,
        userId: world.users[user],
        personName: user,
        organisationId: null,
        role: 'member' as const,
      })),
      {
        committeeId: world.committees.copilNL,
        userId: null,
        personName: 'Représentant sans compte',
        organisationId: null,
        role: 'guest' as const,
      },
    ])
    .execute();
}

const emailOf = async (user: WorldUser) =>
  (
    await world.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', world.users[user])
      .executeTakeFirstOrThrow()
  ).email;

describe('convocations', () => {
  it('convenes the members with an invitation that follows the meeting as it moves and is cancelled', async () => {
    await seatMembers(['memberNL', 'lead', 'coordinatorNL']);
    await world.db
      .updateTable('users')
      .set({ locale: 'de' })
      .where('id', '=', world.users.memberNL)
      .execute();
    const coordinator = await callerAs('coordinatorNL');
    const meeting = await coordinator.meeting.create({
      committeeId: world.committees.copilNL,
      scheduledAt: '2025-09-16T12:30:00.000Z',
      place: 'Hôtel de ville; salle 2',
      mode: 'hybrid',
    });

    const planned = await deliver();
    const recipients = planned.flatMap(addressOf).sort();
    expect(recipients).toEqual(
      [await emailOf('coordinatorNL'), await emailOf('lead'), await emailOf('memberNL')].sort(),
    );
    const german = planned.find(
      (m) => addressOf(m)[0] === recipients.find((r) => r.startsWith('member')),
    )!;
    const french = planned.find((m) => m !== german)!;
    expect(german.subject).toMatch(/^Einladung: COPIL Nord Lorraine/);
    expect(german.text).toContain('16. September 2025 um 14:30');
    expect(french.subject).toBe('Convocation : COPIL Nord Lorraine du 16 septembre 2025');
    expect(french.text).toContain('mardi 16 septembre 2025 à 14:30 (heure de Paris)');
    expect(french.text).toContain(`https://jalon.example.gouv.fr/meetings/${meeting.id}`);
    expect(french.html).toContain(`href="https://jalon.example.gouv.fr/meetings/${meeting.id}"`);
    expect(french.html).toContain('Hôtel de ville; salle 2');

    const invitation = invitationOf(french);
    expect(invitation).toMatchObject({
      method: 'REQUEST',
      uid: `jalon-meeting-${meeting.id}@jalon.example.gouv.fr`,
      sequence: 0,
      status: 'CONFIRMED',
      tzid: 'Europe/Paris',
      start: '2025-09-16T12:30:00.000Z',
      end: '2025-09-16T14:30:00.000Z',
    });
    expect(invitation.attendees.map((a) => a.toLowerCase())).toEqual([
      `mailto:${addressOf(french)[0]}`,
    ]);

    // Moved into winter time: same UID, SEQUENCE 1, the previous date recalled.
    const moved = await coordinator.meeting.update({
      id: meeting.id,
      version: meeting.version,
      scheduledAt: '2025-11-04T09:00:00.000Z',
    });
    const movedMails = await deliver();
    expect(movedMails).toHaveLength(3);
    const movedFrench = movedMails.find((m) => m.subject?.startsWith('Modification'))!;
    expect(movedFrench.text).toContain('mardi 4 novembre 2025 à 10:00');
    expect(movedFrench.text).toContain('Date précédente : mardi 16 septembre 2025 à 14:30');
    expect(invitationOf(movedFrench)).toMatchObject({
      method: 'REQUEST',
      uid: invitation.uid,
      sequence: 1,
      start: '2025-11-04T09:00:00.000Z',
    });

    // A change of nothing that matters to a calendar sends nothing.
    const same = await coordinator.meeting.update({
      id: meeting.id,
      version: moved.version,
      place: 'Hôtel de ville; salle 2',
    });
    expect(await deliver()).toHaveLength(0);

    await coordinator.meeting.setStatus({
      id: meeting.id,
      version: same.version,
      status: 'cancelled',
    });
    const cancelled = await deliver();
    expect(cancelled).toHaveLength(3);
    const cancelledFrench = cancelled.find((m) => m.subject?.startsWith('Annulation'))!;
    expect(invitationOf(cancelledFrench)).toMatchObject({
      method: 'CANCEL',
      uid: invitation.uid,
      sequence: 2,
      status: 'CANCELLED',
    });
  });

  it('mails the approved minutes to the members, and the minutes are frozen then', async () => {
    await seatMembers(['memberNL']);
    const coordinator = await callerAs('coordinatorNL', '2025-07-02T12:00:00.000Z');
    const drafted = await coordinator.meeting.setMinutes({
      id: world.meetings.NL,
      version: 1,
      minutes: 'Relevé de décisions\r\n- Le diagnostic est validé.\r\n- Prochain COPIL en octobre.',
    });
    expect(drafted.minutes).toBe(
      'Relevé de décisions\n- Le diagnostic est validé.\n- Prochain COPIL en octobre.',
    );
    const held = await coordinator.meeting.setStatus({
      id: world.meetings.NL,
      version: drafted.version,
      status: 'held',
    });
    const approved = await coordinator.meeting.setStatus({
      id: world.meetings.NL,
      version: held.version,
      status: 'minutes_approved',
    });
    const [mail, ...others] = await deliver(world.db, '2025-07-02T12:00:05.000Z');
    expect(others).toHaveLength(0);
    expect(addressOf(mail!)).toEqual([await emailOf('memberNL')]);
    expect(mail!.subject).toBe('Compte rendu approuvé : COPIL Nord Lorraine du 1 juillet 2025');
    expect(mail!.text).toContain('> - Le diagnostic est validé.');
    expect(mail!.html).toContain('- Prochain COPIL en octobre.');
    await expect(
      coordinator.meeting.setMinutes({
        id: world.meetings.NL,
        version: approved.version,
        minutes: 'x',
      }),
    ).rejects.toThrow(/read-only/);
    // The printable summary's CSV carries them in their own section.
    const summary = await loadMeetingSummary(world.db, world.meetings.NL, 'fr', new Date());
    expect([...summary!].filter((r) => r.section === 'Compte rendu').map((r) => r.minutes)).toEqual(
      [drafted.minutes],
    );
  });
});

describe('update requests and reminders', () => {
  /** The other lead leads FA-2 and owns its action. */
  async function ownNL2ByOtherLead() {
    await world.db
      .insertInto('planLeads')
      .values({ planId: world.plans.NL2, userId: world.users.otherLead })
      .execute();
    await world.db
      .updateTable('actions')
      .set({ ownerUserId: world.users.otherLead })
      .where('id', '=', world.actions.NL2a)
      .execute();
  }

  it('mails each lead their actions to update, then reminds only those who have not updated', async () => {
    await ownNL2ByOtherLead();
    await world.db
      .updateTable('territories')
      .set({ reminderDays: 2 })
      .where('id', '=', world.territories.NL)
      .execute();
    const coordinator = await callerAs('coordinatorNL');
    await coordinator.updateRequest.create({
      meetingId: world.meetings.NL,
      message: 'Merci de mettre à jour avant le COPIL.\n<b>Important</b>',
      dueDate: '2025-06-25',
    });
    const requests = await deliver();
    expect(requests.flatMap(addressOf).sort()).toEqual(
      [await emailOf('lead'), await emailOf('otherLead')].sort(),
    );
    const toLead = requests.find(
      (m) => addressOf(m)[0] === requests.flatMap(addressOf).find((a) => a.startsWith('lead')),
    )!;
    expect(toLead.subject).toBe(
      'Mise à jour demandée avant le COPIL Nord Lorraine du 1 juillet 2025',
    );
    // Percentages as French writes them (a no-break space before %).
    expect(toLead.text).toMatch(/- FA-1 – Diagnostic des compétences \(En cours, 40\s%\)/);
    expect(toLead.text).toMatch(/- FA-1 – Adapter l’offre de formation \(À venir, 0\s%\)/);
    expect(toLead.text).not.toContain('Cartographie du foncier');
    expect(toLead.text).toContain('https://jalon.example.gouv.fr/my-actions');
    expect(toLead.html).toContain('&lt;b&gt;Important&lt;/b&gt;');
    expect(toLead.html).not.toContain('<b>Important</b>');

    // Three days before the due date: not yet.
    expect(await queueDueReminders(world.db, SITE, new Date('2025-06-22T06:00:00.000Z'))).toBe(0);

    // The other lead updates their action; the lead updates one of two.
    const otherLead = await callerAs('otherLead', '2025-06-20T09:00:00.000Z');
    const nl2 = await otherLead.action.byId({ id: world.actions.NL2a });
    await otherLead.action.setStatus({
      id: nl2.id,
      version: nl2.version,
      status: 'in_progress',
      progress: 20,
    });
    const lead = await callerAs('lead', '2025-06-20T09:00:00.000Z');
    const nl1a = await lead.action.byId({ id: world.actions.NL1a });
    await lead.action.setStatus({
      id: nl1a.id,
      version: nl1a.version,
      status: 'in_progress',
      progress: 60,
    });

    expect(await queueDueReminders(world.db, SITE, new Date('2025-06-23T06:00:00.000Z'))).toBe(1);
    const [reminder, ...more] = await deliver(world.db, '2025-06-23T06:00:05.000Z');
    expect(more).toHaveLength(0);
    expect(addressOf(reminder!)).toEqual([await emailOf('lead')]);
    expect(reminder!.subject).toMatch(/^Rappel : mise à jour attendue pour le 25 juin 2025/);
    expect(reminder!.text).toContain('Adapter l’offre de formation');
    expect(reminder!.text).not.toContain('Diagnostic des compétences');
    // Once per request, however often the mailer looks.
    expect(await queueDueReminders(world.db, SITE, new Date('2025-06-24T06:00:00.000Z'))).toBe(0);
  });

  it('leaves out the leads who turned these mails off, and says so nowhere else', async () => {
    const lead = await callerAs('lead');
    expect(await lead.mail.preferences()).toEqual({
      mailUpdateRequests: true,
      mailReminders: true,
    });
    await lead.mail.setPreferences({ mailUpdateRequests: false, mailReminders: true });
    const coordinator = await callerAs('coordinatorNL');
    await coordinator.updateRequest.create({
      meetingId: world.meetings.NL,
      message: 'Avant le COPIL, merci.',
      dueDate: '2025-06-16',
    });
    expect(await deliver()).toHaveLength(0);
    // Reminders are a separate choice: still wanted, so the reminder goes.
    expect(await queueDueReminders(world.db, SITE, new Date('2025-06-15T13:00:00.000Z'))).toBe(1);
    expect((await deliver(world.db, '2025-06-15T13:00:05.000Z')).flatMap(addressOf)).toEqual([
      await emailOf('lead'),
    ]);
  });
});

describe('invitations and resets', () => {
  it('mails the one-time link in the invited user’s language', async () => {
    const admin = await callerAs('admin');
    const created = await admin.user.create({
      email: 'Nouvelle.Agente@Example.org',
      name: 'Nouvelle Agente',
      locale: 'en',
    });
    const { path } = await admin.user.issuePasswordLink({ id: created.id, purpose: 'invitation' });
    const [mail, ...others] = await deliver();
    expect(others).toHaveLength(0);
    expect(addressOf(mail!)).toEqual(['nouvelle.agente@example.org']);
    expect(mail!.subject).toBe('Your access to Jalon');
    expect(mail!.text).toContain(`https://jalon.example.gouv.fr${path}`);
    expect(mail!.text).toContain('for 7 days');
    // The one-time token is in the mail, never in the queue's error or the logs' fields.
    const reset = await admin.user.issuePasswordLink({ id: world.users.lead, purpose: 'reset' });
    const [resetMail] = await deliver();
    expect(resetMail!.subject).toBe('Réinitialisation de votre mot de passe Jalon');
    expect(resetMail!.text).toContain(`https://jalon.example.gouv.fr${reset.path}`);
  });
});

describe('invitations by coordinators', () => {
  it('creates the account, adds it to the territory and mails the invitation; an existing account is only added', async () => {
    const coordinator = await callerAs('coordinatorNL');
    const invited = await coordinator.membership.invite({
      territoryId: world.territories.NL,
      email: 'Chargee.Mission@Example.org',
      name: 'Chargée de mission',
      locale: 'de',
      role: 'lead',
    });
    expect(invited.invited).toBe(true);
    const [mail, ...others] = await deliver();
    expect(others).toHaveLength(0);
    expect(addressOf(mail!)).toEqual(['chargee.mission@example.org']);
    expect(mail!.subject).toBe('Ihr Zugang zu Jalon');
    expect(mail!.text).toContain('coordinatorNL lädt Sie ein');
    const token = /\/set-password#([\w-]{43})/.exec(mail!.text ?? '')?.[1];
    const anonymous = createCaller(
      createInnerContext({ db: world.db, log, now: at('2025-06-15T12:00:00.000Z'), site: SITE }),
    );
    expect(await anonymous.auth.passwordLink({ token: token! })).toMatchObject({
      name: 'Chargée de mission',
      purpose: 'invitation',
    });
    const members = await coordinator.membership.list({ territoryId: world.territories.NL });
    expect(members.items.find((m) => m.userId === invited.userId)?.role).toBe('lead');

    // Someone who has an account already (here, of another territory) is added, not mailed.
    const existing = await coordinator.membership.invite({
      territoryId: world.territories.NL,
      email: 'coordinatorch@world.test',
      name: 'ignored',
      role: 'observer',
    });
    expect(existing).toEqual({ userId: world.users.coordinatorCH, invited: false });
    expect(await deliver()).toHaveLength(0);
    await expect(
      coordinator.membership.invite({
        territoryId: world.territories.NL,
        email: 'chargee.mission@example.org',
        name: 'Encore',
        role: 'lead',
      }),
    ).rejects.toThrow(/already a member/);
  });
});

describe('the queue', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'jalon-mail-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps mails through an SMTP outage and a restart, then sends each once', async () => {
    const file = join(folder, 'jalon.sqlite');
    let db = openDb(file);
    await migrateToLatest(db);
    const base = {
      kind: 'convocation',
      userId: null,
      locale: 'fr' as const,
      subject: 'Convocation',
      textBody: 'Bonjour',
      htmlBody: '<p>Bonjour</p>',
      ics: null,
      territoryId: null,
      dedupeKey: null,
      createdAt: '2025-06-15T12:00:00.000Z',
    };
    await enqueueMails(db, [
      { ...base, toAddress: 'une@example.org' },
      { ...base, toAddress: 'deux@example.org' },
    ]);

    smtp.failing = true;
    const first = await deliverDueMails(
      db,
      smtpTransport(smtp.url, SITE),
      log,
      at('2025-06-15T12:00:01.000Z'),
    );
    expect(first).toEqual({ sent: 0, kept: 0, retried: 2, failed: 0 });
    const waiting = await db.selectFrom('mailQueue').selectAll().execute();
    expect(waiting.map((m) => [m.status, m.attempts, m.nextAttemptAt])).toEqual([
      [
        'queued',
        1,
        new Date(Date.parse('2025-06-15T12:00:01.000Z') + RETRY_DELAYS_MS[0]!).toISOString(),
      ],
      [
        'queued',
        1,
        new Date(Date.parse('2025-06-15T12:00:01.000Z') + RETRY_DELAYS_MS[0]!).toISOString(),
      ],
    ]);
    expect(waiting[0]!.lastError).toMatch(/451/);

    // The server restarts while the SMTP server is still down: nothing is due yet.
    await db.destroy();
    db = openDb(file);
    smtp.failing = false;
    expect(
      await deliverDueMails(db, smtpTransport(smtp.url, SITE), log, at('2025-06-15T12:00:30.000Z')),
    ).toEqual({ sent: 0, kept: 0, retried: 0, failed: 0 });
    const sent = await deliver(db, '2025-06-15T12:01:02.000Z');
    expect(sent.flatMap(addressOf).sort()).toEqual(['deux@example.org', 'une@example.org']);
    expect(await deliver(db, '2025-06-15T13:00:00.000Z')).toHaveLength(0);
    expect(
      (await db.selectFrom('mailQueue').select(['status', 'attempts']).execute()).map((m) => [
        m.status,
        m.attempts,
      ]),
    ).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
    await db.destroy();
  });

  it('gives a mail up after its retries, and an administrator sends it again', async () => {
    await seatMembers(['memberNL']);
    const coordinator = await callerAs('coordinatorNL');
    await coordinator.meeting.update({ id: world.meetings.NL, version: 1, place: 'Thionville' });
    smtp.failing = true;
    let now = Date.parse('2025-06-15T12:00:00.000Z');
    for (const delay of [0, ...RETRY_DELAYS_MS]) {
      now += delay;
      await deliverDueMails(world.db, smtpTransport(smtp.url, SITE), log, () => new Date(now));
    }
    const admin = await callerAs('admin');
    const outbox = await admin.mail.list({ status: 'failed' });
    expect(outbox.items.map((m) => [m.kind, m.attempts, m.hasIcs])).toEqual([
      ['convocation', RETRY_DELAYS_MS.length + 1, true],
    ]);
    expect(outbox.counts).toMatchObject({ failed: 1, queued: 0 });
    smtp.failing = false;
    await admin.mail.retry({ id: outbox.items[0]!.id });
    expect((await deliver(world.db, '2025-06-15T12:00:01.000Z')).flatMap(addressOf)).toEqual([
      await emailOf('memberNL'),
    ]);
  });

  it('keeps the mails in the outbox when no SMTP server is configured', async () => {
    await seatMembers(['memberNL', 'lead']);
    const coordinator = await callerAs('coordinatorNL');
    await coordinator.meeting.update({ id: world.meetings.NL, version: 1, mode: 'video' });
    expect(await deliverDueMails(world.db, null, log, at('2025-06-15T12:00:01.000Z'))).toEqual({
      sent: 0,
      kept: 2,
      retried: 0,
      failed: 0,
    });
    const admin = await callerAs('admin');
    const outbox = await admin.mail.list({});
    expect(outbox.items.map((m) => m.status)).toEqual(['kept', 'kept']);
    const mail = await admin.mail.byId({ id: outbox.items[0]!.id });
    expect(mail.textBody).toContain('Visioconférence');
    expect(mail.ics).toContain('METHOD:REQUEST');
    expect(smtp.messages).toHaveLength(0);
  });

  it('prints the outbox and a mail with its invitation from the CLI', async () => {
    const file = join(folder, 'cli.sqlite');
    const db = openDb(file);
    await migrateToLatest(db);
    await enqueueMails(db, [
      {
        kind: 'convocation',
        userId: null,
        toAddress: 'membre@example.org',
        locale: 'fr',
        subject: 'Convocation : COPIL',
        textBody: 'Bonjour,\n\nVous êtes convoqué(e).\n',
        htmlBody: '<p>Bonjour</p>',
        ics: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n',
        territoryId: null,
        dedupeKey: null,
        createdAt: '2025-06-15T12:00:00.000Z',
      },
    ]);
    await deliverDueMails(db, null, log, at('2025-06-15T12:00:01.000Z'));
    await db.destroy();
    const outbox = await runJalon(file, ['mail', 'outbox']);
    expect(outbox.code).toBe(0);
    expect(outbox.stdout).toContain('kept  membre@example.org  Convocation : COPIL');
    expect(outbox.stdout).toContain('1 of 1 mails.');
    const shown = await runJalon(file, ['mail', 'show', '1', '--ics']);
    expect(shown.stdout).toContain('Vous êtes convoqué(e).');
    expect(shown.stdout).toContain('METHOD:REQUEST');
    expect((await runJalon(file, ['mail', 'show', '2'])).stderr).toContain('No mail #2');
  });
});
