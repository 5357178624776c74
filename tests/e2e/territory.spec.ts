import { DEMO, expect, expectAccessible, signIn, test, trpcResponse } from './support/fixtures';

// Read-only: this spec changes nothing in the shared demo database.
test.describe('territory dashboard', () => {
  test('a committee member reviews Nord Lorraine before the COPIL', async ({ page }) => {
    await signIn(page, DEMO.member);
    await page.getByRole('link', { name: 'Nord Lorraine' }).first().click();
    await expect(page).toHaveURL(/\/territories\/\d+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Nord Lorraine' })).toBeVisible();

    // What moved since the last COPIL, then plans, overdue and blocked actions with their
    // justification.
    const moved = page.getByRole('region', { name: /^Depuis le dernier COPIL, le / });
    await expect(moved.getByText('Avancement global')).toBeVisible();
    await expect(moved.getByText(/^\d+\s?%$/)).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Avancement par fiche et par étape' }),
    ).toBeVisible();
    const overdue = page.getByRole('region', { name: /Actions en retard d’échéance/ });
    await expect(overdue.getByRole('row').nth(1)).toBeVisible();
    const blocked = page.getByRole('region', { name: /Actions bloquées/ });
    await expect(
      blocked
        .getByText(/Financement non confirmé|Attente de l’avis|Marché public infructueux/)
        .first(),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Changements récents' })).toBeVisible();

    // A committee member edits nothing.
    await expect(page.getByRole('link', { name: 'Nouvelle fiche action' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Membres' })).toHaveCount(0);

    // "See the data" shows the plans table with links to the plans.
    const plansChart = page.getByRole('region', { name: 'Avancement par fiche et par étape' });
    const plansTable = plansChart.getByRole('table');
    const dataArea = plansChart.locator('.chart-data');
    await expect(dataArea).toHaveClass(/visually-hidden/);
    await plansChart.getByRole('button', { name: 'Voir les données' }).click();
    await expect(dataArea).not.toHaveClass(/visually-hidden/);
    await expect(plansTable).toBeVisible();
    await expect(plansTable.getByRole('link').first()).toHaveAttribute('href', /^\/plans\/\d+$/);
    await plansChart.getByRole('button', { name: 'Masquer les données' }).click();

    await expectAccessible(page);
  });

  test('every chart is drawn as the member scrolls, also after leaving mid-way', async ({
    page,
  }) => {
    await signIn(page, DEMO.member);
    const dashboard = page.getByRole('link', { name: 'Nord Lorraine' }).first();
    await dashboard.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nord Lorraine' })).toBeVisible();
    // Leaving before the charts are drawn gives their turns up: they must not hold back the
    // charts of the next visit (they are drawn one after the other across the whole app).
    await page.getByRole('link', { name: 'Accueil' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes territoires' })).toBeVisible();
    await page.getByRole('link', { name: 'Nord Lorraine' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nord Lorraine' })).toBeVisible();

    // Sections come in one after the other; wait for the last one, the territory's own indicators
    // (whose charts once never came), before counting charts.
    await expect(page.getByRole('heading', { name: 'Changements récents' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: /^PME industrielles accompagnées par le programme/ }),
    ).toBeVisible();
    const areas = page.locator('.chart-area');
    const count = await areas.count();
    expect(count).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < count; i++) {
      const area = areas.nth(i);
      await area.scrollIntoViewIfNeeded();
      await expect(area.locator('svg.recharts-surface').first()).toBeVisible();
    }

    // The plans chart: its key (one entry per stage, in the stages' order) and a value per bar.
    const plansChart = page.getByRole('region', { name: 'Avancement par fiche et par étape' });
    await expect(plansChart.locator('.chart-legend li')).toHaveText([
      'État des lieux',
      'Évolution et adaptation des outils',
      'Accompagnement au changement',
    ]);
    await expect(
      plansChart.locator('.chart-area svg text', { hasText: /^\d+\s%$/ }),
    ).not.toHaveCount(0);
  });

  test('the changes date is kept in the address', async ({ page }) => {
    await signIn(page, DEMO.member);
    await page.getByRole('link', { name: 'Nord Lorraine' }).first().click();
    const since = page.getByLabel('Depuis le', { exact: true });
    await since.fill('2024-01-01');
    await expect(page).toHaveURL(/\?since=2024-01-01$/);
    await expect(page.getByText(/changements? depuis le 1 janv\. 2024/)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Depuis le', { exact: true })).toHaveValue('2024-01-01');
  });

  test('the coordinator finds the links to a new plan and the members', async ({ page }) => {
    await signIn(page, DEMO.coordinator);
    await page.getByRole('link', { name: 'Nord Lorraine' }).first().click();
    await expect(page.getByRole('link', { name: 'Nouvelle fiche action' })).toHaveAttribute(
      'href',
      /\/territories\/\d+\/plans\/new$/,
    );
    await expect(page.getByRole('link', { name: 'Membres' })).toBeVisible();
  });

  test('printing gives a handout without navigation or buttons', async ({ page }) => {
    await signIn(page, DEMO.member);
    // Printed once the dashboard has arrived, as a user would: its data, then its charts.
    const overview = trpcResponse(page, 'dashboard.territoryOverview');
    await page.getByRole('link', { name: 'Nord Lorraine' }).first().click();
    await overview;
    await expect(page.getByRole('heading', { level: 1, name: 'Nord Lorraine' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Voir les données' }).first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Voir les données' }).first()).toBeHidden();
    await expect(page.getByText(/Tableau de bord imprimé le/)).toBeVisible();
    // The charts' data tables are printed.
    await expect(
      page.getByRole('table', { name: 'Avancement de chaque fiche action et de ses trois étapes' }),
    ).toBeVisible();
  });
});
