import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { DEMO, expect, expectAccessible, signIn, test } from './support/fixtures';
import { parse } from 'csv-parse/sync';
import { caughtMails } from './support/mail';

/*
 * A whole COPIL in the browser: the Nord Lorraine coordinator plans a new COPIL meeting, prepares
 * its agenda, asks the leads for updates, records attendance and decisions, marks it held, downloads
 * the summary CSV, approves the minutes and presents it; a committee member then reads it.
 *
 * Shared demo database: this spec creates its own meeting and changes nothing else. The meeting is
 * dated three days ago, after the demo's latest held COPIL (so "since the last meeting" compares
 * with that one's snapshot) and before today (so the update request never reaches a lead's "My
 * actions" banner, which lists requests for coming meetings only). Marking it held makes it the
 * COPIL's latest held meeting; no other spec asserts which meeting that is.
 */

/** `YYYY-MM-DD` in Paris, `days` from today. */
function parisDay(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

const MEETING_DAY = parisDay(-3);
const DUE_DAY = parisDay(30);
/** Unique to this spec's meeting: finds it in the lists. */
const PLACE = 'Thionville, salle « Fensch » — séance e2e';
const MINUTES =
  'Séance ouverte par le président.\n- Le COPIL valide la feuille de route.\n- Prochain COPIL en juin.';

/** Accents, the separator, quotes and a formula-like start: the CSV must keep it inert and intact. */
const ARBITRATION =
  '=SOMME(1;2) « Arbitrage » : l’enveloppe "FA-3" est réaffectée à l’été ; priorité aux PME';
const INFO_REQUEST = 'Le pilote présentera un bilan chiffré des recrutements de l’année';
const INFO_OWNER = 'Sophie Weber';
const REPRESENTATIVE = 'Élise N’Guyen-Schäfer';

/** The COPIL members whose attendance is recorded (the prefecture's member is found by organisation). */
const PRESENT = 'Bernard Kieffer';
const REPRESENTED = 'Isabelle Wagner';
const EXCUSED = 'Marc Hollender';
const ABSENT_ORGANISATION = 'Préfecture de la Moselle';

const CSV_HEADERS = [
  'Rubrique',
  'Comité',
  'Territoire',
  'Date et heure',
  'Lieu',
  'Modalité',
  'Statut',
  'Tenue le',
  'Personne',
  'Organisation',
  'Représenté par',
  'Rang',
  'Point',
  'N° de décision',
  'Décision',
  'Nature',
  'Fiche action',
  'Étape',
  'Action',
  'Responsable',
  'Échéance',
  'Statut avant',
  'Statut après',
  'Avancement avant (%)',
  'Avancement après (%)',
  'Écart (points)',
  'Indicateur',
  'Unité',
  'Valeur de référence',
  'Cible',
  'Dernière valeur',
  'Mesurée le',
  'Valeur attendue',
  'Trajectoire',
  'Nouvelle mesure depuis la séance précédente',
  'Texte du compte rendu',
];

/** A decimal-comma number as French Excel reads it. */
const FRENCH_NUMBER = /^-?\d+(,\d+)?$/;

/** Shared by the serial steps: the meeting this spec created. */
let meetingId = 0;
let agendaKept: string[] = [];

const meetingUrl = () => `/meetings/${meetingId}`;

/** The title of a proposal, which labels its checkbox (`aria-labelledby`). */
async function labelOf(page: Page, checkbox: Locator): Promise<string> {
  const id = await checkbox.getAttribute('aria-labelledby');
  expect(id).toBeTruthy();
  return ((await page.locator(`[id="${id}"]`).textContent()) ?? '').trim();
}

/** The agenda's item titles, in order. */
async function agendaTitles(page: Page): Promise<string[]> {
  const agenda = page.getByRole('region', { name: 'Ordre du jour', exact: true });
  return agenda.locator('.agenda-list .agenda-title').allTextContents();
}

test.describe.serial('a committee meeting, from agenda to summary', () => {
  // Long pages (the agenda proposals, the changes since the last meeting): axe takes its time.
  test.describe.configure({ timeout: 120_000 });

  test('the coordinator plans the meeting and prepares its agenda', async ({ page }) => {
    await signIn(page, DEMO.coordinator);
    await page.getByRole('link', { name: 'Nord Lorraine' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nord Lorraine' })).toBeVisible();
    await page.getByRole('link', { name: 'Comités et séances' }).click();
    await expect(page).toHaveURL(/\/territories\/\d+\/committees$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Comités' })).toBeVisible();
    const copil = page.getByRole('region', { name: 'COPIL Nord Lorraine' });
    await expect(
      copil.getByRole('table', { name: 'Membres de COPIL Nord Lorraine' }),
    ).toBeVisible();
    await expectAccessible(page);

    await copil.getByRole('link', { name: 'Nouvelle séance de COPIL Nord Lorraine' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle séance' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Date', exact: true }).fill(MEETING_DAY);
    await page.getByRole('textbox', { name: 'Heure', exact: true }).fill('09:30');
    await page.getByRole('textbox', { name: 'Lieu', exact: true }).fill(PLACE);
    await page.getByRole('radio', { name: 'Hybride' }).check();
    await page.getByRole('button', { name: 'Créer la séance' }).click();

    await expect(page).toHaveURL(/\/meetings\/\d+$/);
    meetingId = Number(/\/meetings\/(\d+)$/.exec(page.url())?.[1]);
    expect(meetingId).toBeGreaterThan(0);
    await expect(
      page.getByRole('heading', { level: 1, name: /^COPIL Nord Lorraine — séance du / }),
    ).toBeVisible();
    await expect(page.getByText(PLACE)).toBeVisible();
    await expect(page.getByText('Hybride', { exact: true })).toBeVisible();
    await expect(page.locator('.meeting-when')).toHaveText('Prévue');

    // "Prepare the agenda": keep three proposals, drop one that was ticked, add them.
    const prepareButton = page.getByRole('button', { name: /^Préparer l’ordre du jour/ });
    if ((await prepareButton.count()) > 0) await prepareButton.click();
    const prepare = page.getByRole('region', { name: 'Préparer l’ordre du jour' });
    const proposals = prepare.getByRole('checkbox', { disabled: false });
    await expect(proposals.nth(3)).toBeVisible();
    await expectAccessible(page);

    await prepare.getByRole('button', { name: 'Tout décocher' }).click();
    await expect(prepare.getByRole('button', { name: 'Aucun point coché' })).toBeDisabled();
    const picked = [0, 1, 2, 3].map((i) => proposals.nth(i));
    for (const box of picked) await box.check();
    const titles = await Promise.all(picked.map((box) => labelOf(page, box)));
    const dropped = titles[1] ?? '';
    await picked[1]?.uncheck();
    agendaKept = titles.filter((title) => title !== dropped);
    await prepare.getByRole('button', { name: 'Ajouter 3 points' }).click();
    await expect(prepare.getByRole('status')).toHaveText('3 points ajoutés à l’ordre du jour.');

    await expect.poll(() => agendaTitles(page)).toEqual(agendaKept);
    expect(await agendaTitles(page)).not.toContain(dropped);

    // Reorder with the keyboard: the first item goes down one place, the focus stays with it.
    const [first = '', second = ''] = agendaKept;
    const down = page.getByRole('button', { name: `Descendre « ${first} »`, exact: true });
    await down.focus();
    await page.keyboard.press('Enter');
    agendaKept = [second, first, ...agendaKept.slice(2)];
    await expect.poll(() => agendaTitles(page)).toEqual(agendaKept);
    await expect(down).toBeFocused();

    // Ask the leads to update their actions before the meeting.
    const updates = page.getByRole('region', { name: 'Mises à jour des pilotes' });
    await expect(updates.getByRole('table', { name: /par pilote/ })).toBeVisible();
    const message = updates.getByLabel('Message');
    await expect(message).toHaveValue(/COPIL Nord Lorraine/);
    await message.fill(
      'Merci de mettre à jour vos actions et vos indicateurs avant le COPIL, y compris les points bloqués.',
    );
    await updates.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect(updates.getByRole('status').filter({ hasText: 'Demande envoyée' })).toBeVisible();
    await expect(updates.getByText(/y compris les points bloqués/)).toBeVisible();
    await expectAccessible(page);
  });

  test('the coordinator records attendance and decisions, then marks the meeting held', async ({
    page,
  }) => {
    await signIn(page, DEMO.coordinator);
    await page.goto(meetingUrl());
    await expect(page.locator('.meeting-when')).toHaveText('Prévue');

    // Attendance: a present, a represented (by whom), an excused and an absent member.
    const attendance = page.getByRole('region', { name: 'Présences' });
    await attendance
      .getByRole('radiogroup', { name: `Présence de ${PRESENT}` })
      .getByRole('radio', { name: 'Présent', exact: true })
      .check();
    await attendance
      .getByRole('radiogroup', { name: `Présence de ${REPRESENTED}` })
      .getByRole('radio', { name: 'Représenté', exact: true })
      .check();
    await attendance.getByLabel(`Personne qui représente ${REPRESENTED}`).fill(REPRESENTATIVE);
    await attendance
      .getByRole('radiogroup', { name: `Présence de ${EXCUSED}` })
      .getByRole('radio', { name: 'Excusé' })
      .check();
    const absentRow = attendance.getByRole('row').filter({ hasText: ABSENT_ORGANISATION });
    await expect(absentRow).toHaveCount(1);
    await absentRow.getByRole('radio', { name: 'Absent' }).check();
    await attendance.getByRole('button', { name: 'Enregistrer les présences' }).click();
    await expect(attendance.getByRole('status')).toHaveText('Présences enregistrées.');

    // Two decisions: an arbitration with a dangerous text, a request for information.
    const record = page.getByRole('form', { name: 'Enregistrer une décision' });
    await record.getByLabel('Décision', { exact: true }).fill(ARBITRATION);
    await record.getByLabel('Nature').selectOption({ label: 'Arbitrage' });
    await record.getByRole('button', { name: 'Enregistrer la décision' }).click();
    const decisions = page.getByRole('region', { name: 'Relevé de décisions' });
    await expect(decisions.getByRole('rowheader', { name: ARBITRATION })).toBeVisible();
    await expect(record.getByLabel('Décision', { exact: true })).toHaveValue('');

    await record.getByLabel('Décision', { exact: true }).fill(INFO_REQUEST);
    await record.getByLabel('Nature').selectOption({ label: "Demande d'information" });
    await record.getByLabel('Responsable').fill(INFO_OWNER);
    await record.getByLabel('Échéance').fill(DUE_DAY);
    await record.getByRole('button', { name: 'Enregistrer la décision' }).click();
    const infoRow = decisions
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: INFO_REQUEST }) });
    await expect(infoRow).toContainText(INFO_OWNER);
    await expect(infoRow).toContainText("Demande d'information");
    await expect(decisions.getByText('2 décisions')).toBeVisible();

    // Mark held, behind a confirmation.
    await page.getByRole('button', { name: 'Marquer comme tenue' }).click();
    const dialog = page.getByRole('dialog', { name: 'Marquer la séance comme tenue ?' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Marquer comme tenue' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.meeting-when')).toHaveText('Tenue');
    await expect(page.getByText('Marquée comme tenue le')).toBeVisible();
    // Updates are asked before a meeting only.
    await expect(page.getByRole('region', { name: 'Mises à jour des pilotes' })).toHaveCount(0);

    // What changed since the demo's previous COPIL, frozen now.
    const since = page.getByRole('region', { name: 'Depuis la dernière séance' });
    await expect(
      since.getByText(/^COPIL Nord Lorraine du .+ → cette séance \(état figé le /),
    ).toBeVisible();
    await expect(since.getByRole('table').first()).toBeVisible();
    const counts = since.locator('.since-counts dd');
    const values = (await counts.allTextContents()).map((v) => Number.parseInt(v, 10));
    expect(values.some((v) => v > 0)).toBe(true);
    await expectAccessible(page);
  });

  test('the coordinator downloads the summary CSV: French Excel, no formula', async ({ page }) => {
    await signIn(page, DEMO.coordinator);
    await page.goto(meetingUrl());
    await expect(page.locator('.meeting-when')).toHaveText('Tenue');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Synthèse CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('\r\n');

    const rows: string[][] = parse(text, { delimiter: ';', bom: true });
    const [header = [], ...body] = rows;
    expect(header).toEqual(CSV_HEADERS);
    for (const row of body) expect(row).toHaveLength(CSV_HEADERS.length);
    const col = (name: string) => CSV_HEADERS.indexOf(name);
    const section = (name: string) => body.filter((row) => row[0] === name);

    // Sections, in the documented order.
    const order = [...new Set(body.map((row) => row[0]))];
    expect(order.slice(0, 4)).toEqual(['Séance', 'Présence', 'Ordre du jour', 'Décisions']);
    expect(order).toContain('Indicateurs');
    for (const name of order) {
      expect([
        'Séance',
        'Présence',
        'Ordre du jour',
        'Décisions',
        'Évolution des actions',
        'Indicateurs',
      ]).toContain(name);
    }

    const [meeting] = section('Séance');
    expect(section('Séance')).toHaveLength(1);
    expect(meeting?.[col('Comité')]).toBe('COPIL Nord Lorraine');
    expect(meeting?.[col('Territoire')]).toBe('Nord Lorraine');
    expect(meeting?.[col('Date et heure')]).toBe(`${MEETING_DAY} 09:30`);
    expect(meeting?.[col('Lieu')]).toBe(PLACE);
    expect(meeting?.[col('Modalité')]).toBe('Hybride');
    expect(meeting?.[col('Statut')]).toBe('Tenue');
    expect(meeting?.[col('Tenue le')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const attendance = section('Présence');
    const person = (name: string) => attendance.find((row) => row[col('Personne')] === name);
    expect(attendance).toHaveLength(4);
    expect(person(PRESENT)?.[col('Statut')]).toBe('Présent');
    expect(person(EXCUSED)?.[col('Statut')]).toBe('Excusé');
    expect(person(REPRESENTED)?.[col('Statut')]).toBe('Représenté');
    expect(person(REPRESENTED)?.[col('Représenté par')]).toBe(REPRESENTATIVE);
    const absent = attendance.find((row) => row[col('Organisation')] === ABSENT_ORGANISATION);
    expect(absent?.[col('Statut')]).toBe('Absent');

    expect(section('Ordre du jour').map((row) => row[col('Point')])).toEqual(agendaKept);
    expect(section('Ordre du jour').map((row) => row[col('Rang')])).toEqual(['1', '2', '3']);

    const decisions = section('Décisions');
    expect(decisions).toHaveLength(2);
    const [arbitration, info] = decisions;
    // Neutralised with a leading quote, accents, separator and quotes intact.
    expect(arbitration?.[col('Décision')]).toBe(`'${ARBITRATION}`);
    expect(arbitration?.[col('Nature')]).toBe('Arbitrage');
    expect(info?.[col('Décision')]).toBe(INFO_REQUEST);
    expect(info?.[col('Nature')]).toBe("Demande d'information");
    expect(info?.[col('Responsable')]).toBe(INFO_OWNER);
    expect(info?.[col('Échéance')]).toBe(DUE_DAY);
    expect(info?.[col('Statut')]).toBe('À faire');
    const numbers = decisions.map((row) => Number(row[col('N° de décision')]));
    expect(numbers[1]).toBe((numbers[0] ?? 0) + 1);

    // No text cell anywhere starts like a formula, except numbers (a negative delta stays a number).
    for (const row of body) {
      row.forEach((cell, i) => {
        if (/^[=+\-@\t\r]/.test(cell)) {
          expect(cell, `${CSV_HEADERS[i]}: ${cell}`).toMatch(FRENCH_NUMBER);
        }
      });
    }

    // Numbers with a decimal comma, never a point.
    const indicators = section('Indicateurs');
    expect(indicators.length).toBeGreaterThan(0);
    const numeric = ['Valeur de référence', 'Cible', 'Dernière valeur', 'Valeur attendue'];
    for (const row of indicators) {
      for (const name of numeric) {
        const cell = row[col(name)] ?? '';
        if (cell !== '') expect(cell, `${name}: ${cell}`).toMatch(FRENCH_NUMBER);
      }
    }
    expect(indicators.some((row) => (row[col('Valeur attendue')] ?? '').includes(','))).toBe(true);
    // The demo's previous COPIL has a snapshot: the changes since then are listed.
    expect(section('Évolution des actions').length).toBeGreaterThan(0);
    for (const row of section('Évolution des actions')) {
      for (const name of ['Avancement avant (%)', 'Avancement après (%)', 'Écart (points)']) {
        const cell = row[col(name)] ?? '';
        if (cell !== '') expect(cell, `${name}: ${cell}`).toMatch(FRENCH_NUMBER);
      }
    }
  });

  test('the coordinator approves the minutes: the meeting becomes read-only', async ({
    page,
    request,
  }) => {
    await signIn(page, DEMO.coordinator);
    await page.goto(meetingUrl());
    // The minutes' text first, drafted on the meeting page.
    const minutes = page.getByRole('region', { name: 'Compte rendu', exact: true });
    await minutes.getByRole('button', { name: 'Rédiger le compte rendu' }).click();
    await minutes.getByLabel('Texte du compte rendu').fill(MINUTES);
    await minutes.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
    // Saved: the text is shown, no longer edited (the form's own text does not count).
    await expect(minutes.getByRole('button', { name: 'Modifier le compte rendu' })).toBeVisible();
    await expect(minutes.getByText('Le COPIL valide la feuille de route.')).toBeVisible();

    await page.getByRole('button', { name: 'Approuver le relevé de décisions' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approuver le relevé de décisions ?' });
    await dialog.getByRole('button', { name: 'Approuver le relevé' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.meeting-when')).toHaveText('Relevé approuvé');
    await expect(page.getByText(/Le relevé de décisions est approuvé/)).toBeVisible();
    await expect(minutes.getByText('Approuvé : il ne change plus.')).toBeVisible();
    await expect(minutes.getByRole('button')).toHaveCount(0);
    // The committee member with an account receives them by mail.
    await expect
      .poll(async () =>
        (await caughtMails(request)).some(
          (m) =>
            m.to.includes(DEMO.member) &&
            m.subject.startsWith('Compte rendu approuvé') &&
            m.text.includes('> - Le COPIL valide la feuille de route.'),
        ),
      )
      .toBe(true);

    for (const name of [
      'Modifier date, lieu et modalité',
      'Enregistrer les présences',
      'Ajouter le point',
      'Enregistrer la décision',
      'Approuver le relevé de décisions',
      'Annuler la séance',
    ]) {
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    }
    await expect(
      page.getByRole('button', { name: /^(Monter|Descendre|Modifier|Supprimer) « / }),
    ).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Préparer l’ordre du jour' })).toHaveCount(0);
    await expect(page.getByRole('main').getByRole('radio')).toHaveCount(0);
    // Read-only attendance, as recorded.
    const attendance = page.getByRole('region', { name: 'Présences' });
    await expect(attendance.getByRole('row').filter({ hasText: REPRESENTED })).toContainText(
      REPRESENTATIVE,
    );
    await expectAccessible(page);
  });

  test('the coordinator presents the meeting with the keyboard', async ({ page }) => {
    await signIn(page, DEMO.coordinator);
    await page.goto(meetingUrl());
    await page.getByRole('link', { name: 'Mode séance' }).click();
    await expect(page).toHaveURL(new RegExp(`/meetings/${meetingId}/present$`));

    const counter = page.getByText(/^Diapositive \d+ sur \d+$/);
    await expect(counter).toHaveText(/^Diapositive 1 sur \d+$/);
    const total = Number(/sur (\d+)$/.exec((await counter.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(agendaKept.length);
    const title = page.getByRole('heading', { level: 1 });
    const firstTitle = await title.textContent();
    await expectAccessible(page);

    await page.keyboard.press('ArrowRight');
    await expect(counter).toHaveText(`Diapositive 2 sur ${total}`);
    await expect(title).not.toHaveText(firstTitle ?? '');
    const secondTitle = await title.textContent();
    await page.keyboard.press('ArrowLeft');
    await expect(counter).toHaveText(`Diapositive 1 sur ${total}`);
    await expect(title).toHaveText(firstTitle ?? '');
    await page.keyboard.press('End');
    await expect(counter).toHaveText(`Diapositive ${total} sur ${total}`);
    await expect(title).not.toHaveText(secondTitle ?? '');
    await expectAccessible(page);

    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(new RegExp(`/meetings/${meetingId}$`));
    await expect(
      page.getByRole('heading', { level: 1, name: /^COPIL Nord Lorraine — séance du / }),
    ).toBeVisible();
  });

  test('a committee member finds the meeting and reads it', async ({ page }) => {
    await signIn(page, DEMO.member);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Séances' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Séances' })).toBeVisible();
    const past = page.getByRole('region', { name: 'Séances passées' });
    const row = past.getByRole('row').filter({ hasText: PLACE });
    await expect(row).toContainText('Relevé approuvé');
    await expectAccessible(page);

    // The decision register lists its decisions too.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Décisions' })
      .click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Relevé de décisions' }),
    ).toBeVisible();
    const registered = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: ARBITRATION }) });
    await expect(registered).toContainText('Arbitrage');
    await expect(page.getByRole('rowheader', { name: INFO_REQUEST })).toBeVisible();
    await expectAccessible(page);

    await page.goBack();
    await page
      .getByRole('region', { name: 'Séances passées' })
      .getByRole('row')
      .filter({ hasText: PLACE })
      .getByRole('link')
      .click();
    await expect(page).toHaveURL(new RegExp(`/meetings/${meetingId}$`));
    await expect(page.locator('.meeting-when')).toHaveText('Relevé approuvé');

    const decisions = page.getByRole('region', { name: 'Relevé de décisions' });
    await expect(decisions.getByRole('rowheader', { name: ARBITRATION })).toBeVisible();
    await expect(decisions.getByRole('rowheader', { name: INFO_REQUEST })).toBeVisible();
    const attendance = page.getByRole('region', { name: 'Présences' });
    for (const name of [PRESENT, REPRESENTED, EXCUSED]) {
      await expect(attendance.getByRole('rowheader', { name })).toBeVisible();
    }
    await expect(
      page.getByRole('region', { name: 'Depuis la dernière séance' }).getByRole('table').first(),
    ).toBeVisible();
    // A member edits nothing.
    const main = page.getByRole('main');
    await expect(
      main.getByRole('button', { name: /Modifier|Enregistrer|Approuver|Marquer|Annuler/ }),
    ).toHaveCount(0);
    await expect(main.getByRole('combobox')).toHaveCount(0);
    await expect(main.getByRole('textbox')).toHaveCount(0);
    await expect(main.getByRole('radio')).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Synthèse imprimable' }).click();
    await expect(page).toHaveURL(new RegExp(`/meetings/${meetingId}/summary$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('COPIL Nord Lorraine');
    const summaryDecisions = page.getByRole('region', { name: 'Relevé de décisions' });
    await expect(summaryDecisions.getByRole('rowheader', { name: ARBITRATION })).toBeVisible();
    await expect(summaryDecisions.getByRole('rowheader', { name: INFO_REQUEST })).toBeVisible();
    const summaryAttendance = page.getByRole('region', { name: 'Présences' });
    await expect(summaryAttendance.getByRole('row').filter({ hasText: REPRESENTED })).toContainText(
      REPRESENTATIVE,
    );
    await expect(
      page.getByRole('region', { name: 'Ordre du jour' }).getByText(agendaKept[0] ?? ''),
    ).toBeVisible();
    await expectAccessible(page);
  });
});
