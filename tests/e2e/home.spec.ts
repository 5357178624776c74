import { DEMO, expect, expectAccessible, signIn, signOut, test } from './support/fixtures';

test.describe('sign-in and home', () => {
  test.describe(() => {
    // The refused sign-in is a 401 in the network log; nothing else may be.
    test.use({ allowConsoleErrors: [/status of 401/] });
    test('the sign-in page is accessible and refuses a wrong password', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
      await expectAccessible(page);
      await page.getByLabel('Adresse e-mail').fill(DEMO.member);
      await page.getByLabel('Mot de passe').fill('wrong-password');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect(page.getByRole('alert')).toHaveText('E-mail ou mot de passe incorrect.');
    });
  });

  for (const [role, email] of Object.entries(DEMO)) {
    test(`${role} signs in and sees their home`, async ({ page }) => {
      await signIn(page, email);
      await expect(page.getByRole('heading', { level: 1, name: 'Mes territoires' })).toBeVisible();
      await expect(
        page.getByRole('link', { name: /Nord Lorraine|Chartres/ }).first(),
      ).toBeVisible();
      await expectAccessible(page);
    });
  }

  test('the session survives a reload, and signing out ends it', async ({ page }) => {
    await signIn(page, DEMO.member);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Mes territoires' })).toBeVisible();
    await signOut(page);
    await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  });
});
