import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { expect, expectAccessible, signIn, test } from './support/fixtures';

// A coordinator updates actions in bulk with a spreadsheet (issue 12). The Warndt Naborien
// coordinator is used by no other spec: the actions this spec changes are nobody else's.
const COORDINATOR = 'coordination.warndt-naborien@jalon.test';

type Row = Record<string, string>;

/** The file as French Excel saves it: BOM, ";" and CRLF. */
const excelCsv = (rows: Row[]) =>
  `\uFEFF${stringify(rows, { header: true, delimiter: ';', record_delimiter: '\r\n' })}`;

test('a coordinator imports the actions export with a bad row, reads the preview, fixes it and imports it', async ({
  page,
}, testInfo) => {
  await signIn(page, COORDINATOR);
  await page.getByRole('navigation').getByRole('link', { name: 'Actions', exact: true }).click();
  await expect(page).toHaveURL(/\/actions$/);
  // The home page stays on screen until the actions page has loaded: its own CSV link is another.
  await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger en CSV' }).click();
  const exported = await readFile(await (await downloading).path());
  const rows: Row[] = parse(exported, {
    bom: true,
    columns: true,
    delimiter: ';',
    record_delimiter: '\r\n',
  });
  const [done, progressed] = rows.filter((r) => r.Statut === 'En cours') as [Row, Row];
  expect(progressed, 'two actions "En cours" in the export').toBeDefined();
  done.Statut = 'Réalisé';
  progressed['Avancement (%)'] = '120';
  const file = testInfo.outputPath('actions.csv');
  await writeFile(file, excelCsv(rows));

  await page.getByRole('link', { name: 'Importer un fichier' }).click();
  await expect(page).toHaveURL(/\/actions\/import$/);
  await expect(page.getByRole('heading', { name: 'Importer des actions' })).toBeVisible();
  await page.getByLabel('Choisir le fichier à importer (.xlsx ou .csv)').setInputFiles(file);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();

  const lineOf = (row: Row) => String(rows.indexOf(row) + 2);
  await expect(
    page.getByText(
      `Lignes lues : ${rows.length} — à modifier : 1, inchangées : ${rows.length - 2}, en conflit : 0, refusées : 1.`,
    ),
  ).toBeVisible();
  const table = page.getByRole('table', { name: /Lignes du fichier/ });
  const refused = table.getByRole('row').filter({ hasText: 'Refusée' });
  await expect(refused).toHaveCount(1);
  await expect(refused.getByRole('cell').first()).toHaveText(lineOf(progressed));
  await expect(refused).toContainText(
    'Avancement (%) : valeur hors limites (0 à 100 pour l’avancement)',
  );
  await expect(page.getByRole('alert')).toContainText('Rien ne sera enregistré');
  await expect(page.getByRole('button', { name: /^Enregistrer/ })).toHaveCount(0);
  await expectAccessible(page);

  // The coordinator fixes the progress in the spreadsheet and checks the file again.
  progressed['Avancement (%)'] = '60';
  await writeFile(file, excelCsv(rows));
  await page.getByLabel('Choisir le fichier à importer (.xlsx ou .csv)').setInputFiles(file);
  await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(page.getByText(/à modifier : 2, .* refusées : 0\./)).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: done.Action ?? '' })).toContainText(
    'Statut : En cours → Réalisé',
  );
  await expect(table.getByRole('row').filter({ hasText: progressed.Action ?? '' })).toContainText(
    /Avancement \(%\) : \d+ % → 60 %/,
  );
  await page.getByRole('button', { name: 'Enregistrer les 2 modifications' }).click();
  await expect(page.getByText('2 actions modifiées.')).toBeVisible();

  // The actions list shows the new status.
  await page.getByRole('link', { name: 'Revenir aux actions' }).click();
  await page.getByLabel('Rechercher une action ou une fiche').fill(done.Action ?? '');
  const listed = page.getByRole('row').filter({ hasText: done.Action ?? '' });
  await expect(listed.getByText('Réalisé')).toBeVisible();
});
