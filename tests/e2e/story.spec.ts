import type { Page } from '@playwright/test';
import { DEMO, expect, expectAccessible, signIn, test, trpcResponse } from './support/fixtures';

// Read-only: this spec changes nothing in the shared demo database.

/** A field key or code as the database stores it: `leadOrganisationId`, `followUpStatus`, `in_progress`. */
const KEY_LIKE = /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b|\b[a-z]+_[a-z_]+\b/g;

/** The key-like words on the page, each element without children read on its own (charts set words side by side). */
async function keysOnPage(page: Page, root = 'main'): Promise<string[]> {
  const blocks = await page
    .locator(`${root} :is(td, th, li, p, dd, dt, h1, h2, h3, caption, a, button, span)`)
    .filter({ hasNot: page.locator('select') })
    .allInnerTexts();
  // Chart labels are SVG text, which has no innerText.
  const leaves = await page.locator(`${root} :not(:has(*))`).allTextContents();
  return [...new Set([...blocks, ...leaves].flatMap((text) => text.match(KEY_LIKE) ?? []))];
}

async function openNordLorraine(page: Page) {
  await signIn(page, DEMO.member);
  await page.getByRole('link', { name: 'Nord Lorraine' }).first().click();
  await expect(page).toHaveURL(/\/territories\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Nord Lorraine' })).toBeVisible();
}

test.describe('the committee reads the story', () => {
  test('what moved since the last COPIL is on the first screen, each number leading to its items', async ({
    page,
  }) => {
    await openNordLorraine(page);
    const moved = page.getByRole('region', { name: /^Depuis le dernier COPIL, le / });
    await expect(moved).toBeVisible();
    // Without scrolling, at 1366×768: the progress, its change and every count.
    await expect(moved.getByText('Avancement global')).toBeInViewport();
    await expect(moved.getByText(/pts? depuis la séance/)).toBeInViewport();
    const counts = moved.getByRole('link', { name: /: voir la liste$/ });
    await expect(counts).toHaveCount(7);
    for (let i = 0; i < 7; i++) await expect(counts.nth(i)).toBeInViewport();

    // The demo's leads blocked or delayed actions since the last COPIL: the number opens them.
    const stuck = moved.getByRole('link', {
      name: /passées? bloquées? ou en retard : voir la liste$/,
    });
    const count = Number((await stuck.innerText()).match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);
    await stuck.click();
    await expect(page).toHaveURL(/moved=blockedOrLate/);
    const rows = moved.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(count + 1);
    await expect(
      rows
        .nth(1)
        .getByText(/Bloqué|En retard/)
        .first(),
    ).toBeVisible();

    // The action behind the row: its page tells its history in words.
    const actionLink = rows.nth(1).getByRole('link').nth(1);
    const title = await actionLink.innerText();
    await actionLink.click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const history = page.getByRole('region', { name: 'Historique' });
    // Who did what to the action, by name and title (other specs may have created it since).
    await expect(
      history.getByText(/^[A-ZÀ-Ý][^«]+ a (passé|créé|modifié) « /).first(),
    ).toBeVisible();
    await expect(history.getByText(`« ${title} »`, { exact: false }).first()).toBeVisible();
    await expect(history.getByText(/Bloqué|En retard/).first()).toBeVisible();
    expect(await keysOnPage(page)).toEqual([]);
    await page.goBack();
    await expect(moved.getByRole('table')).toBeVisible();

    // COTECH is one click away, and the recent changes start at the same meeting.
    await moved.getByRole('button', { name: /^Dernier COTECH/ }).click();
    await expect(
      page.getByRole('region', { name: /^Depuis le dernier COTECH, le / }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Depuis le dernier COTECH' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(await keysOnPage(page)).toEqual([]);
    await expectAccessible(page);
  });

  test('the printed handout carries no key, id or code', async ({ page }) => {
    await openNordLorraine(page);
    // The changes since the programme began: every kind of change the demo holds.
    // Every change since then is a large answer: wait for it, however long the server takes.
    const changes = trpcResponse(page, 'dashboard.territoryOverview', '"changesSince":"2023-01-01');
    await page.getByLabel('Depuis le', { exact: true }).fill('2023-01-01');
    await changes;
    await expect(page.getByText(/changements? depuis le 1 janv\. 2023/)).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('body').innerText();
    expect(printed).toContain('Depuis le 1 janv. 2023');
    expect(await keysOnPage(page, 'body')).toEqual([]);
    expect(printed).not.toMatch(/: modifié|→ modifié/);
  });
});
