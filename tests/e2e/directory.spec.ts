import { DEMO, expect, expectAccessible, signIn, test } from './support/fixtures';

// The national reference screens (issue 12): territories and organisations, for administrators.
// Names are unique per run: the demo database is shared by the parallel workers.

test('an admin creates a territory and sets it up by picking a real EPCI by name', async ({
  page,
}) => {
  const code = `T${Date.now().toString(36).toUpperCase()}`;
  await signIn(page, DEMO.admin);
  await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Territoires', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Territoires' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Nom', { exact: true }).fill(`Bassin ${code}`);
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByLabel('Région').selectOption({ label: 'Grand Est' });
  await page.getByRole('button', { name: 'Créer et paramétrer' }).click();
  await page.waitForURL(/\/territories\/\d+\/edit$/);
  // France's EPCIs come with Jalon (official division, by SIREN).
  await page.getByLabel(/^Ajouter un EPCI/).fill('Vezouze');
  await expect(page.getByText('SIREN 200069433')).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter CC de Vezouze en Piémont' }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL(/\/territories\/\d+$/);
  // The territory's page, once it replaced the form (which listed the EPCI too).
  await expect(page.getByText('EPCI membres : CC de Vezouze en Piémont')).toBeVisible();
});

test('an admin adds an organisation and renames it', async ({ page }) => {
  const name = `Forge E2E ${Date.now().toString(36)}`;
  await signIn(page, DEMO.admin);
  await page.getByRole('navigation').getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Organisations', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
  await page.getByLabel('Nom', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByLabel('Rechercher une organisation').fill(name);
  await page.getByRole('button', { name: `Modifier ${name}` }).click();
  await page.getByLabel('Nom', { exact: true }).fill(`${name} SA`);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByLabel('Rechercher une organisation').fill(`${name} SA`);
  await expect(page.getByRole('cell', { name: `${name} SA`, exact: true })).toBeVisible();
  await expectAccessible(page);
});
