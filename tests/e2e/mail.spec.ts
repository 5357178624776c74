import ICAL from 'ical.js';
import { expect, signIn, signOut, test, expectAccessible } from './support/fixtures';
import { caughtMails, type CaughtMail } from './support/mail';
import type { APIRequestContext, Page } from '@playwright/test';

// The committee's mail, end to end: Jalon sends to a real SMTP server run beside it
// (support/mailCatcher.ts); the mails are read as their recipients would, links followed in
// Chromium. Territory: Grand Nancy – Terres de Lorraine, which no other spec changes.

const TERRITORY = 'Grand Nancy – Terres de Lorraine';
const COORDINATOR = 'coordination.meurthe-et-moselle@jalon.test';
const LEAD = 'stephane.didier@jalon.test';
const OTHER_MEMBER = 'laetitia.mangin@jalon.test';
const COTECH = `COTECH ${TERRITORY}`;

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const MEETING_DAY = isoDay(21);
const DUE_DAY = isoDay(7);

/** Waits, as the recipient does, for the mail that `match` recognises; returns it. */
async function mailTo(
  request: APIRequestContext,
  to: string,
  match: (mail: CaughtMail) => boolean,
): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(async () => {
      found = (await caughtMails(request)).find((m) => m.to.includes(to) && match(m));
      return found !== undefined;
    })
    .toBe(true);
  return found!;
}

/** The lines of a mail's list ("- FA-2 – Title (Status, 40 %)"), as titles. */
const listedActions = (mail: CaughtMail) =>
  [...mail.text.matchAll(/^- [^–\n]+ – (.+) \([^()]+\)$/gm)].map((m) => m[1]!);

async function openTerritory(page: Page) {
  await page.getByRole('link', { name: TERRITORY }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: TERRITORY })).toBeVisible();
}

test.describe.serial('the committee’s mail', () => {
  test.describe.configure({ timeout: 120_000 });
  let meetingUrl = '';

  test('a planned meeting convenes its members with a calendar invitation', async ({
    page,
    request,
  }) => {
    await signIn(page, COORDINATOR);
    await openTerritory(page);
    await page.getByRole('link', { name: 'Comités et séances' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Comités' })).toBeVisible();
    await page.getByRole('link', { name: `Nouvelle séance de ${COTECH}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Date', exact: true }).fill(MEETING_DAY);
    await page.getByRole('textbox', { name: 'Heure', exact: true }).fill('14:30');
    await page.getByRole('textbox', { name: 'Lieu', exact: true }).fill('Nancy, salle Prouvé');
    await page.getByRole('radio', { name: 'Présentiel' }).check();
    await page.getByRole('button', { name: 'Créer la séance' }).click();
    await expect(page).toHaveURL(/\/meetings\/\d+$/);
    meetingUrl = page.url();

    // The members with an account are convened: the coordinator and the two leads.
    for (const member of [COORDINATOR, LEAD, OTHER_MEMBER]) {
      const mail = await mailTo(request, member, (m) => m.subject.startsWith('Convocation'));
      expect(mail.subject).toContain(COTECH);
      expect(mail.text).toContain(meetingUrl);
      expect(mail.text).toContain('Nancy, salle Prouvé');
      const calendar = ICAL.Component.fromString(mail.ics ?? '');
      expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
      const event = calendar.getFirstSubcomponent('vevent')!;
      const start = event.getFirstProperty('dtstart')!;
      expect(start.getParameter('tzid')).toBe('Europe/Paris');
      // The time the coordinator typed, in Paris: what Outlook and Thunderbird will show.
      expect(String(start.getFirstValue())).toBe(`${MEETING_DAY}T14:30:00`);
      expect(event.getFirstPropertyValue('sequence')).toBe(0);
      expect(String(event.getFirstPropertyValue('attendee')).toLowerCase()).toBe(
        `mailto:${member}`,
      );
    }
  });

  test('an update request reaches the leads; one follows the link and updates; the reminder goes only to the other', async ({
    page,
    request,
  }) => {
    await signIn(page, COORDINATOR);
    await page.goto(meetingUrl);
    const updates = page.getByRole('region', { name: 'Mises à jour des pilotes' });
    await updates.getByLabel('Message').fill('Merci de mettre à jour vos actions avant le COTECH.');
    await updates.getByLabel('À faire avant le (facultatif)').fill(DUE_DAY);
    await updates.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect(updates.getByRole('status').filter({ hasText: 'Demande envoyée' })).toBeVisible();

    const request_ = await mailTo(request, LEAD, (m) =>
      m.subject.startsWith('Mise à jour demandée'),
    );
    const toUpdate = listedActions(request_);
    expect(toUpdate.length).toBeGreaterThan(0);
    const link = /^(http:\/\/\S+\/my-actions)$/m.exec(request_.text)?.[1];
    expect(link).toBeDefined();
    // The coordinator owns actions too: they are asked as well.
    await mailTo(request, COORDINATOR, (m) => m.subject.startsWith('Mise à jour demandée'));
    await signOut(page);

    // The lead follows the mail's link, signs in there, and updates every action it lists.
    await page.goto(link!);
    await page.getByLabel('Adresse e-mail').fill(LEAD);
    await page.getByLabel('Mot de passe').fill('jalon-demo');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes actions' })).toBeVisible();
    for (const title of toUpdate) {
      const comment = page.getByLabel(`Commentaire sur « ${title} »`);
      await comment.fill(`Point fait avant le COTECH du ${MEETING_DAY}.`);
      await comment.press('Enter');
      await expect(
        page
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: title }) })
          .getByRole('status'),
      ).toHaveText(/Enregistré/);
    }
    await signOut(page);

    // The coordinator brings the reminder forward: it is due at once, for those who did not.
    await signIn(page, COORDINATOR);
    await openTerritory(page);
    await page
      .getByRole('region', { name: 'Le territoire' })
      .getByRole('link', { name: 'Modifier' })
      .click();
    await page.getByLabel('Rappel aux pilotes (jours avant l’échéance)').fill('10');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: TERRITORY })).toBeVisible();

    const reminder = await mailTo(request, COORDINATOR, (m) => m.subject.startsWith('Rappel'));
    expect(listedActions(reminder).length).toBeGreaterThan(0);

    // The meeting moves an hour later: the members get the change, one SEQUENCE further. Mails
    // leave in the order they were queued, so once the lead has this one, any reminder queued
    // for them would have arrived before it.
    await page.goto(meetingUrl);
    await page.getByRole('button', { name: 'Modifier date, lieu et modalité' }).click();
    await page.getByLabel('Date et heure').fill(`${MEETING_DAY}T15:30`);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const moved = await mailTo(request, LEAD, (m) => m.subject.startsWith('Modification'));
    const event = ICAL.Component.fromString(moved.ics ?? '').getFirstSubcomponent('vevent')!;
    expect(String(event.getFirstProperty('dtstart')!.getFirstValue())).toBe(
      `${MEETING_DAY}T15:30:00`,
    );
    expect(event.getFirstPropertyValue('sequence')).toBe(1);
    // The lead updated everything: no reminder for them.
    const toLead = (await caughtMails(request)).filter((m) => m.to.includes(LEAD));
    expect(toLead.map((m) => m.subject.split(' ')[0])).toEqual([
      'Convocation',
      'Mise',
      'Modification',
    ]);
  });

  test('the administrator reads every mail in the outbox', async ({ page }) => {
    await signIn(page, 'admin@jalon.test');
    await page.goto('/admin/mail');
    await expect(page.getByRole('heading', { level: 1, name: 'Courriels' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: LEAD }).filter({ hasText: 'Convocation' });
    await expect(row.getByText('Envoyé')).toBeVisible();
    await row.getByRole('button', { name: 'Lire' }).click();
    await expect(row.getByText('Invitation de calendrier jointe (.ics).')).toBeVisible();
    await expectAccessible(page);
  });
});
