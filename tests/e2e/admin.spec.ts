import type { Page } from '@playwright/test';
import { DEMO, expect, expectAccessible, signIn, test } from './support/fixtures';

/** A tRPC query through the signed-in page's session, for ids the screens do not show. */
async function query<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(
    `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
  );
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { result: { data: T } };
  return body.result.data;
}

async function nordLorraineId(page: Page): Promise<number> {
  const { items } = await query<{ items: { id: number; name: string }[] }>(page, 'territory.list', {
    search: 'Nord Lorraine',
  });
  const territory = items.find((t) => t.name === 'Nord Lorraine');
  expect(territory).toBeTruthy();
  return territory?.id ?? 0;
}

test.describe('coordinator screens', () => {
  test('the coordinator creates a plan, adds and edits an action, adds an indicator', async ({
    page,
  }) => {
    // The code is unique per run: the demo database is shared by the parallel workers.
    const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
    await signIn(page, DEMO.coordinator);
    const territoryId = await nordLorraineId(page);

    await page.goto(`/territories/${territoryId}/plans/new`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Nouvelle fiche action' }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByLabel(/^Intitulé/)).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    await page.getByLabel(/^Code/).fill(code);
    await page.getByLabel(/^Intitulé/).fill('Fiche de test de bout en bout');
    await page.getByLabel(/^Axe/).selectOption({ label: 'Innovation' });
    await page.getByLabel(/^Budget prévisionnel/).fill('48 000');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/plans\/\d+$/);
    const planId = Number(/\/plans\/(\d+)$/.exec(page.url())?.[1]);
    const plan = await query<{ code: string; budgetCents: number; stages: unknown[] }>(
      page,
      'plan.byId',
      { id: planId },
    );
    expect(plan).toMatchObject({ code, budgetCents: 4_800_000 });
    expect(plan.stages).toHaveLength(3);

    await page.goto(`/plans/${planId}/edit`);
    await expect(page.getByLabel(/^Intitulé/)).toHaveValue('Fiche de test de bout en bout');
    await expectAccessible(page);

    await page.goto(`/plans/${planId}/actions/new`);
    await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle action' })).toBeVisible();
    await page.getByLabel(/^Intitulé/).fill('Réunir les entreprises');
    await page.getByLabel(/^Statut/).selectOption({ label: 'En retard' });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByLabel(/^Commentaire sur le statut/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expectAccessible(page);
    await page.getByLabel(/^Commentaire sur le statut/).fill('Calendrier des entreprises chargé');
    await page.getByLabel(/^Échéance/).fill('2026-03-31');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(new RegExp(`/plans/${planId}$`));

    const { items } = await query<{ items: { id: number; title: string; status: string }[] }>(
      page,
      'action.list',
      { planId },
    );
    expect(items).toHaveLength(1);
    const actionId = items[0]?.id ?? 0;
    expect(items[0]?.status).toBe('late');

    await page.goto(`/actions/${actionId}/edit`);
    await expect(page.getByLabel(/^Intitulé/)).toHaveValue('Réunir les entreprises');
    await expectAccessible(page);
    await page.getByLabel(/^Intitulé/).fill('Réunir les entreprises du bassin');
    await page.getByLabel(/^Étape/).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(new RegExp(`/plans/${planId}$`));
    const edited = await query<{ title: string; version: number }>(page, 'action.byId', {
      id: actionId,
    });
    expect(edited.title).toBe('Réunir les entreprises du bassin');

    await page.goto(`/plans/${planId}/indicators/new`);
    await expect(page.getByRole('heading', { level: 1, name: 'Nouvel indicateur' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel(/^Intitulé/).fill('Entreprises accompagnées');
    await page.getByLabel(/^Unité/).fill('entreprises');
    await page.getByLabel(/^Valeur de référence/).fill('10');
    await page.getByLabel(/^Date de référence/).fill('2025-01-01');
    await page.getByLabel(/^Valeur cible/).fill('5');
    await page.getByLabel(/^Date cible/).fill('2027-12-31');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText(/Pour un indicateur à la hausse/)).toBeVisible();
    await page.getByLabel(/^Valeur cible/).fill('40');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(new RegExp(`/plans/${planId}$`));
    const indicators = await query<{ items: { name: string; targetValue: number }[] }>(
      page,
      'indicator.list',
      { planId },
    );
    expect(indicators.items).toEqual([
      expect.objectContaining({ name: 'Entreprises accompagnées', targetValue: 40 }),
    ]);
  });

  test('the members screen lists the territory’s members and is accessible', async ({ page }) => {
    await signIn(page, DEMO.coordinator);
    const territoryId = await nordLorraineId(page);
    await page.goto(`/territories/${territoryId}/members`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Membres du territoire' }),
    ).toBeVisible();
    await expect(page.getByRole('cell', { name: DEMO.member })).toBeVisible();
    await expectAccessible(page);
  });

  test('a committee member opening the new-plan address is told it is not allowed', async ({
    page,
  }) => {
    await signIn(page, DEMO.member);
    const territoryId = await nordLorraineId(page);
    await page.goto(`/territories/${territoryId}/plans/new`);
    await expect(
      page.getByRole('heading', { name: 'Accès réservé à la coordination' }),
    ).toBeVisible();
    await expect(page.getByLabel(/^Intitulé/)).toHaveCount(0);
    await expectAccessible(page);
  });
});
