import { DEMO, expect, expectAccessible, signIn, test } from './support/fixtures';

test.describe('action page', () => {
  test('a committee member opens a blocked action from the actions table, reads it and comments', async ({
    page,
  }) => {
    await signIn(page, DEMO.member);
    await page.goto('/actions?statuses=blocked');
    const table = page.getByRole('table', { name: 'Actions des fiches' });
    const firstRow = table.locator('tbody tr').first();
    await expect(firstRow).toBeVisible();
    const titleLink = firstRow.getByRole('link').nth(1);
    const title = (await titleLink.textContent()) ?? '';
    expect(title.length).toBeGreaterThan(0);
    await titleLink.click();

    await expect(page).toHaveURL(/\/actions\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    const facts = page.getByRole('region', { name: 'En bref' });
    await expect(facts.getByText('Bloqué', { exact: true })).toBeVisible();
    await expect(facts.getByRole('link', { name: /^FA-\d+ · / })).toBeVisible();
    await expect(facts.getByRole('progressbar')).toBeVisible();
    // The demo's coordinator followed up every blocked action in a comment.
    const comments = page.getByRole('region', { name: 'Commentaires' });
    await expect(
      comments.getByText(
        'Relance faite auprès du partenaire. Point à inscrire au prochain COTECH.',
      ),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Modifier l’action' })).toHaveCount(0);

    const body = `Question du COPIL ${Date.now()} : quel calendrier pour la reprise ?`;
    await comments.getByRole('textbox', { name: 'Votre commentaire' }).fill(body);
    const posted = page.waitForResponse(
      (r) => r.url().includes('/trpc/comment.create') && r.request().method() === 'POST',
    );
    await comments.getByRole('button', { name: 'Publier' }).click();
    expect((await posted).ok()).toBe(true);
    await expect(comments.getByText(body)).toBeVisible();
    await expect(comments.getByRole('status')).toHaveText('Commentaire publié.');

    // It is stored: a reload shows it again.
    await page.reload();
    await expect(page.getByRole('region', { name: 'Commentaires' }).getByText(body)).toBeVisible();
    await expectAccessible(page);
  });
});
