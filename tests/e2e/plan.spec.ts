import type { Page } from '@playwright/test';
import { DEMO, expect, expectAccessible, signIn, test } from './support/fixtures';

/** Reads only: this spec changes nothing in the shared demo database. */
const PLAN_TITLE = 'Observatoire partagé des besoins en compétences industrielles';
const INDICATOR = 'Entreprises répondantes à l’enquête (entreprises)';

/** The Nord Lorraine FA-1 plan's id, as the signed-in user's own plan list gives it. */
async function nordLorrainePlanId(page: Page): Promise<number> {
  const input = encodeURIComponent(JSON.stringify({ search: 'Observatoire partagé' }));
  const response = await page.request.get(`/trpc/plan.list?input=${input}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as {
    result: { data: { items: { id: number; code: string; territories: { code: string }[] }[] } };
  };
  const plan = body.result.data.items.find(
    (p) => p.code === 'FA-1' && p.territories.some((t) => t.code === 'NL'),
  );
  expect(plan).toBeDefined();
  return plan?.id ?? 0;
}

test.describe('plan page', () => {
  test('a committee member reads the stages, an indicator’s data and the history', async ({
    page,
  }) => {
    await signIn(page, DEMO.member);
    const planId = await nordLorrainePlanId(page);
    await page.goto(`/plans/${planId}`);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`FA-1 · ${PLAN_TITLE}`);
    await expect(page.getByRole('link', { name: 'Nord Lorraine' })).toBeVisible();

    const stages = page.getByRole('region', { name: 'Étapes' });
    await expect(stages.getByRole('listitem')).toHaveCount(3);
    await expect(stages.locator('[aria-current="step"]')).toHaveCount(1);

    const chart = page.getByRole('region', { name: INDICATOR });
    await expect(chart.locator('.recharts-wrapper')).toBeVisible();
    await chart.getByRole('button', { name: 'Voir les données' }).click();
    const data = chart.getByRole('table');
    await expect(data).toBeVisible();
    await expect(data.getByRole('columnheader', { name: 'Attendu (entreprises)' })).toBeVisible();
    expect(await data.locator('tbody tr').count()).toBeGreaterThan(0);

    await expect(page.getByRole('region', { name: 'Historique' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Commentaires' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Modifier la fiche' })).toHaveCount(0);

    await expectAccessible(page);
  });

  test('the coordinator sees the edit controls', async ({ page }) => {
    await signIn(page, DEMO.coordinator);
    const planId = await nordLorrainePlanId(page);
    await page.goto(`/plans/${planId}`);
    await expect(page.getByRole('link', { name: 'Modifier la fiche' })).toHaveAttribute(
      'href',
      `/plans/${planId}/edit`,
    );
    await expect(
      page.getByRole('link', { name: 'Modifier l’indicateur Entreprises répondantes à l’enquête' }),
    ).toBeVisible();
    await expectAccessible(page);
  });

  test.describe(() => {
    test.use({ allowConsoleErrors: [/status of 404/] });
    test('a plan that does not exist says so', async ({ page }) => {
      await signIn(page, DEMO.member);
      await page.goto('/plans/999999');
      await expect(
        page.getByRole('heading', { level: 1, name: 'Fiche action indisponible' }),
      ).toBeVisible();
      await expect(page.getByRole('alert')).toContainText("n'existe pas");
      await expectAccessible(page);
    });
  });
});
