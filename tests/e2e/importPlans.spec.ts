import { readFile, writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { expect, expectAccessible, signIn, test } from './support/fixtures';

// A coordinator brings the territory's plan spreadsheet into Jalon (issue 12): they download the
// template, fill it in as they would in Excel (with one bad row), read the preview, fix the row
// and import. The Nord Ardennes coordinator is used by no other spec: the plans created here are
// nobody else's.
const COORDINATOR = 'coordination.nord-ardennes@jalon.test';

test('a coordinator imports a plan file with one bad row, reads the preview, fixes it and imports it', async ({
  page,
}, testInfo) => {
  await signIn(page, COORDINATOR);
  await page.getByRole('link', { name: 'Nord Ardennes' }).first().click();
  await page.getByRole('link', { name: 'Importer un tableur' }).click();
  await expect(page).toHaveURL(/\/territories\/\d+\/import$/);
  await expect(page.getByRole('heading', { name: 'Importer un tableur' })).toBeVisible();
  await expect(
    page.getByRole('radio', { name: 'des fiches action et leurs actions' }),
  ).toBeChecked();
  await expect(page.getByText('Les lignes sans territoire vont à Nord Ardennes.')).toBeVisible();

  // The template, filled in as the coordinator would, the status of the third row forgotten.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger le modèle (Excel)' }).click();
  const template = await readFile(await (await downloading).path());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(template).buffer);
  const sheet = workbook.getWorksheet('Fiches action')!;
  const headers = (sheet.getRow(1).values as string[]).slice(1);
  expect(sheet.getCell('D2').dataValidation.type).toBe('list');
  const rows: Record<string, string>[] = [
    {
      'Fiche action': 'NA-IMP-1',
      'Intitulé de la fiche': 'Former les soudeurs de la vallée',
      Axe: 'Compétences',
      Étape: 'État des lieux',
      Action: 'Recenser les postes de soudeur vacants',
      Statut: 'En cours',
      'Avancement (%)': '40',
    },
    {
      'Fiche action': 'NA-IMP-1',
      Étape: 'Évolution et adaptation des outils',
      Action: 'Ouvrir une session de formation au lycée de Revin',
    },
    {
      'Fiche action': 'NA-IMP-2',
      'Intitulé de la fiche': 'Mutualiser les achats d’énergie',
      Axe: 'Transition écologique et énergétique',
      Étape: 'État des lieux',
      Action: 'Relever les consommations des sites',
      Statut: 'Bloqué',
    },
  ];
  const save = async () => {
    const file = testInfo.outputPath('fiches.xlsx');
    const filled = new ExcelJS.Workbook();
    await filled.xlsx.load(Uint8Array.from(template).buffer);
    const data = filled.getWorksheet('Fiches action')!;
    for (const row of rows) data.addRow(headers.map((h) => row[h] ?? null));
    await filled.xlsx.writeFile(file);
    return file;
  };

  await page
    .getByLabel('Choisir le fichier à importer (.xlsx ou .csv)')
    .setInputFiles(await save());
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(
    page.getByText(
      'Lignes lues : 3 — fiches à créer : 1, actions à créer : 2, lignes refusées : 1.',
    ),
  ).toBeVisible();
  const table = page.getByRole('table', { name: /Lignes du fichier/ });
  const refused = table.getByRole('row').filter({ hasText: 'Refusée' });
  await expect(refused).toHaveCount(1);
  await expect(refused.getByRole('cell').first()).toHaveText('4');
  await expect(refused).toContainText(
    'Commentaire de statut : ce statut demande un nouveau commentaire qui le justifie',
  );
  await expect(table.getByRole('row').filter({ hasText: 'NA-IMP-1' }).first()).toContainText(
    'Nouvelle fiche et action',
  );
  await expect(page.getByRole('alert')).toContainText('Rien ne sera créé');
  await expect(page.getByRole('button', { name: /^Créer/ })).toHaveCount(0);
  await expectAccessible(page);

  // The coordinator adds the comment in the spreadsheet and checks the file again.
  rows[2]!['Commentaire de statut'] = 'En attente des factures de deux sites';
  await page
    .getByLabel('Choisir le fichier à importer (.xlsx ou .csv)')
    .setInputFiles(await save());
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(
    page.getByText(/fiches à créer : 2, actions à créer : 3, lignes refusées : 0\./),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Créer 2 fiches action et 3 actions' }).click();
  await expect(page.getByText('Créé : 2 fiches action et 3 actions.')).toBeVisible();

  // Then the new plan's indicator, and its measurements, from their own files.
  const csv = (rows: Record<string, string>[]) =>
    `\uFEFF${stringify(rows, { header: true, delimiter: ';', record_delimiter: '\r\n' })}`;
  await page.getByRole('radio', { name: 'des indicateurs' }).check();
  await expect(page.getByText('Reprenez les indicateurs du territoire')).toBeVisible();
  const indicators = testInfo.outputPath('indicateurs.csv');
  await writeFile(
    indicators,
    csv([
      {
        'Fiche action': 'NA-IMP-1',
        Indicateur: 'Soudeurs formés',
        Type: 'Réalisation',
        Unité: 'personnes',
        Sens: 'À la hausse',
        'Valeur de référence': '0',
        'Date de référence': '01/01/2025',
        Cible: '30',
        'Échéance de la cible': '31/12/2027',
      },
    ]),
  );
  await page.getByLabel('Choisir le fichier à importer (.xlsx ou .csv)').setInputFiles(indicators);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await page.getByRole('button', { name: 'Créer l’indicateur' }).click();
  await expect(page.getByText('1 indicateur créé.')).toBeVisible();

  await page.getByRole('radio', { name: 'des mesures d’indicateurs' }).check();
  const measurements = testInfo.outputPath('mesures.csv');
  const row = (Date: string, Valeur: string) => ({
    'Fiche action': 'NA-IMP-1',
    Indicateur: 'Soudeurs formés',
    Date,
    Valeur,
  });
  await writeFile(measurements, csv([row('30/06/2025', '6'), row('31/12/2025', '14')]));
  await page
    .getByLabel('Choisir le fichier à importer (.xlsx ou .csv)')
    .setInputFiles(measurements);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(
    page.getByText('mesures à enregistrer : 2, déjà enregistrées : 0, refusées : 0.', {
      exact: false,
    }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer les 2 mesures' }).click();
  await expect(page.getByText('2 mesures enregistrées.')).toBeVisible();
  await expectAccessible(page);

  // The territory lists the new plans; the second one's action is blocked.
  await page.getByRole('link', { name: 'Revenir au territoire' }).click();
  const plansChart = page.getByRole('region', { name: 'Avancement par fiche et par étape' });
  await plansChart.getByRole('button', { name: 'Voir les données' }).click();
  await plansChart.getByRole('link', { name: 'Mutualiser les achats d’énergie' }).click();
  await expect(
    page.getByRole('heading', { name: /Mutualiser les achats d’énergie/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('row').filter({ hasText: 'Relever les consommations des sites' }),
  ).toContainText('Bloqué');
});
