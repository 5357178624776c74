import { readFile } from 'node:fs/promises';
import { DEMO, expect, expectAccessible, signIn, test } from './support/fixtures';

/** A small reader for the excel-fr CSV: ";" separators, CRLF rows, quoted cells. */
function parseCsv(text: string, delimiter = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const rowCount = (text: string | null) => Number(/(\d+) lignes?/.exec(text ?? '')?.[1]);

test.describe('actions table', () => {
  test('a committee member filters the actions by status; the filter survives a reload and goes into the CSV', async ({
    page,
  }) => {
    await signIn(page, DEMO.member);
    await page.goto('/actions');
    await expect(page.getByRole('heading', { level: 1, name: 'Actions' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Actions des fiches' });
    await expect(table).toBeVisible();
    await expectAccessible(page);
    // A committee member reads; the edit screen is not offered.
    await expect(page.getByRole('link', { name: /^Modifier/ })).toHaveCount(0);

    const count = page.locator('.pagination [aria-live]');
    const all = rowCount(await count.textContent());
    // click, not check(): the box follows the address, which changes a moment after the click.
    await page.getByRole('checkbox', { name: 'Bloqué' }).click();
    await expect(page.getByRole('checkbox', { name: 'Bloqué' })).toBeChecked();
    await expect(page).toHaveURL(/[?&]statuses=blocked/);
    await expect(table.getByRole('row')).not.toHaveCount(all + 1);
    const statusCells = table.locator('tbody td.col-status');
    await expect(statusCells.first()).toHaveText('Bloqué');
    const blocked = rowCount(await count.textContent());
    expect(blocked).toBeGreaterThan(0);
    expect(blocked).toBeLessThan(all);
    await expect(statusCells).toHaveText(Array(Math.min(blocked, 25)).fill('Bloqué'));

    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Bloqué' })).toBeChecked();
    await expect(statusCells).toHaveText(Array(Math.min(blocked, 25)).fill('Bloqué'));
    expect(rowCount(await count.textContent())).toBe(blocked);
    await expectAccessible(page);

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Télécharger en CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^actions-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path()) ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]?.slice(0, 6)).toEqual([
      'Fiche action',
      'Intitulé de la fiche',
      'Étape',
      'Action',
      'Pilote',
      'Statut',
    ]);
    const body = rows.slice(1);
    expect(body).toHaveLength(blocked);
    expect(new Set(body.map((r) => r[5]))).toEqual(new Set(['Bloqué']));
  });

  test('the column choice is remembered and the owner filter offers the territory’s members', async ({
    page,
  }) => {
    await signIn(page, DEMO.coordinator);
    await page.goto('/actions');
    const table = page.getByRole('table', { name: 'Actions des fiches' });
    await expect(table).toBeVisible();
    await page.getByText('Colonnes', { exact: true }).first().click();
    await page.getByRole('checkbox', { name: 'Commentaire' }).click();
    await expect(table.getByRole('columnheader', { name: 'Commentaire' })).toHaveCount(0);
    await page.reload();
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Commentaire' })).toHaveCount(0);
    await expect(table.getByRole('link', { name: /^Modifier/ }).first()).toBeVisible();
    await page
      .getByRole('combobox', { name: 'Territoire' })
      .selectOption({ label: 'Nord Lorraine' });
    await expect(page).toHaveURL(/[?&]territoryId=\d+/);
    await expect(
      page.getByRole('combobox', { name: 'Pilote' }).getByRole('option', { name: 'Sophie Weber' }),
    ).toHaveCount(1);
    await expectAccessible(page);
  });
});
