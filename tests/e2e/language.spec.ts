import { expect, signIn, test } from './support/fixtures';

const LANGUAGE_ACCOUNT = 'coordination.moselle-sud@jalon.test';

test.describe('language', () => {
  test('the sign-in page follows the chosen language before signing in', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Langue').selectOption('de');
    await expect(page.getByRole('heading', { name: 'Anmeldung' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await page.getByLabel('Sprache').selectOption('en');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  test('the language is saved on the user and follows them to another browser', async ({
    page,
    browser,
  }) => {
    // An account no other spec signs in with, since this one changes its saved language.
    await signIn(page, LANGUAGE_ACCOUNT);
    await page.getByLabel('Langue').selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'My territories' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'My territories' })).toBeVisible();

    // A fresh browser (no local storage) opens in French, then in English once signed in.
    const other = await browser.newContext({ locale: 'fr-FR' });
    const second = await other.newPage();
    await second.goto('/');
    await expect(second.getByRole('heading', { name: 'Connexion' })).toBeVisible();
    await signIn(second, LANGUAGE_ACCOUNT);
    await expect(second.getByRole('heading', { level: 1, name: 'My territories' })).toBeVisible();
    await expect(second.locator('html')).toHaveAttribute('lang', 'en');

    // Back to German then French, saved likewise.
    await second.getByLabel('Language').selectOption('de');
    await expect(
      second.getByRole('heading', { level: 1, name: 'Meine Territorien' }),
    ).toBeVisible();
    await second.getByLabel('Sprache').selectOption('fr');
    await expect(second.getByRole('heading', { level: 1, name: 'Mes territoires' })).toBeVisible();
    await other.close();
  });
});
