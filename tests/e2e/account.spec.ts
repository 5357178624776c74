import { expect, expectAccessible, signIn, signOut, test } from './support/fixtures';

// Changes a password: the Chaumont-Langres coordinator is used by no other spec.
const ACCOUNT = 'coordination.chaumont-langres@jalon.test';
const NEW_PASSWORD = 'un-mot-de-passe-neuf';

// The wrong current password is refused with a 400, which the browser logs.
test.use({ allowConsoleErrors: [/status of 400/] });

test('a user changes their own password from their account page and signs in with it', async ({
  page,
}) => {
  await signIn(page, ACCOUNT);
  await page.getByRole('link', { name: 'Connecté en tant que Claire Japiot' }).click();
  await expect(page.getByRole('heading', { name: 'Mon compte' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Mot de passe actuel').fill('pas-le-bon-mot-de-passe');
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Nouveau mot de passe, une seconde fois').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByRole('alert')).toHaveText('Le mot de passe actuel est incorrect.');

  await page.getByLabel('Mot de passe actuel').fill('jalon-demo');
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByRole('status')).toHaveText('Mot de passe changé.');

  await signOut(page);
  await signIn(page, ACCOUNT, NEW_PASSWORD);
  await expect(
    page.getByRole('link', { name: 'Connecté en tant que Claire Japiot' }),
  ).toBeVisible();
});
