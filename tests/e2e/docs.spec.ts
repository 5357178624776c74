import { mkdirSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { DEMO, expect, signIn, test } from './support/fixtures';

/**
 * The README's screenshots: `pnpm docs:screenshots` writes them to docs/. Skipped in the normal
 * test run, so tests never rewrite tracked files.
 */
const docs = fileURLToPath(new URL('../../docs/', import.meta.url));

test.skip(!process.env.JALON_DOCS_SCREENSHOTS, 'set JALON_DOCS_SCREENSHOTS=1 to write docs/');
test.use({ viewport: { width: 1366, height: 768 } });

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(docs, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${docs}${name}.png`, fullPage: false });
}

async function openNordLorraine(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Nord Lorraine' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nord Lorraine');
}

test('home of a regional observer', async ({ page }) => {
  await signIn(page, DEMO.region);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await shoot(page, 'home');
});

test('Nord Lorraine dashboard, for a committee member', async ({ page }) => {
  await signIn(page, DEMO.member);
  await openNordLorraine(page);
  await shoot(page, 'territory-dashboard');
});

test('a plan page', async ({ page }) => {
  await signIn(page, DEMO.member);
  await openNordLorraine(page);
  const href = await page.locator('a[href^="/plans/"]').first().getAttribute('href');
  await page.goto(href ?? '/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await shoot(page, 'plan');
});

test('the actions table, filtered', async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  await page.goto('/actions?statuses=late&statuses=blocked');
  await expect(page.getByRole('table')).toBeVisible();
  await shoot(page, 'actions');
});

test('the preview of an actions file, one row refused', async ({ page }, testInfo) => {
  await signIn(page, DEMO.coordinator);
  const exported = await (await page.request.get('/api/export/actions.csv?lang=fr')).body();
  const rows: Record<string, string>[] = parse(exported, {
    bom: true,
    columns: true,
    delimiter: ';',
    record_delimiter: '\r\n',
  });
  const open = rows.filter((r) => r.Statut === 'En cours');
  if (open[0]) open[0].Statut = 'Réalisé';
  if (open[1]) open[1]['Avancement (%)'] = '75';
  if (open[2]) open[2].Statut = 'Bloqué';
  const file = testInfo.outputPath('actions.csv');
  writeFileSync(
    file,
    `\uFEFF${stringify(rows, { header: true, delimiter: ';', record_delimiter: '\r\n' })}`,
  );
  await page.goto('/actions/import');
  await page.getByLabel('Choisir le fichier à importer (.xlsx ou .csv)').setInputFiles(file);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await shoot(page, 'import');
});

test('a territory’s plan spreadsheet checked before it is imported', async ({ page }, testInfo) => {
  await signIn(page, DEMO.coordinator);
  await openNordLorraine(page);
  await page.getByRole('link', { name: 'Importer un tableur' }).click();
  const row = (fields: Record<string, string>) => ({
    'Fiche action': 'FA-20',
    'Intitulé de la fiche': '',
    Axe: '',
    Étape: 'État des lieux',
    Action: '',
    Statut: '',
    'Commentaire de statut': '',
    ...fields,
  });
  const rows = [
    row({
      'Intitulé de la fiche': 'Attirer des alternants dans les ateliers',
      Axe: 'Compétences',
      Action: 'Recenser les besoins des entreprises',
      Statut: 'En cours',
    }),
    row({ Étape: 'Évolution et adaptation des outils', Action: 'Ouvrir une formation au lycée' }),
    row({
      Étape: 'Accompagnement au changement',
      Action: 'Journée portes ouvertes',
      Statut: 'Bloqué',
    }),
    row({
      'Fiche action': 'FA-21',
      'Intitulé de la fiche': 'Requalifier la friche des Aciéries',
      Axe: 'Foncier',
      Action: 'Inventaire des parcelles',
    }),
  ];
  const file = testInfo.outputPath('fiches.csv');
  writeFileSync(
    file,
    `\uFEFF${stringify(rows, { header: true, delimiter: ';', record_delimiter: '\r\n' })}`,
  );
  await page.getByLabel('Choisir le fichier à importer (.xlsx ou .csv)').setInputFiles(file);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await page.getByRole('table').scrollIntoViewIfNeeded();
  await shoot(page, 'import-plans');
});

test('my actions, for a project lead', async ({ page }) => {
  await signIn(page, DEMO.lead);
  await page.goto('/my-actions');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await shoot(page, 'my-actions');
});

test('the dashboard in German on a projector', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await signIn(page, DEMO.admin);
  await page.getByLabel('Langue').selectOption('de');
  await openNordLorraine(page);
  await shoot(page, 'territory-dashboard-de-1920');
  await page.getByLabel('Sprache').selectOption('fr');
});

/** The latest held COPIL of Nord Lorraine, as the signed-in user sees it in the meetings list. */
async function latestHeldCopil(page: Page): Promise<number> {
  const input = encodeURIComponent(
    JSON.stringify({ statuses: ['held', 'minutes_approved'], direction: 'desc', limit: 50 }),
  );
  const response = await page.request.get(`/trpc/meeting.list?input=${input}`);
  const body = (await response.json()) as {
    result: { data: { items: { id: number; committeeName: string }[] } };
  };
  const meeting = body.result.data.items.find((m) => m.committeeName === 'COPIL Nord Lorraine');
  if (!meeting) throw new Error('The demo has no held COPIL Nord Lorraine');
  return meeting.id;
}

test('a held COPIL: what changed since the previous one', async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  await page.goto(`/meetings/${await latestHeldCopil(page)}`);
  await expect(page.getByRole('heading', { name: 'Depuis la dernière séance' })).toBeVisible();
  await shoot(page, 'meeting');
});

test('meeting mode on a projector', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await signIn(page, DEMO.member);
  await page.goto(`/meetings/${await latestHeldCopil(page)}/present?slide=3`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await shoot(page, 'meeting-mode');
});

test('the decision register', async ({ page }) => {
  await signIn(page, DEMO.coordinator);
  await page.goto('/decisions');
  await expect(page.getByRole('table')).toBeVisible();
  await shoot(page, 'decisions');
});
