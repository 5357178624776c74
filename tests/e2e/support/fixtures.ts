import { test as base, expect, type Page, type Response } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

export { expect };

/** The demo's shared password (server/src/demo.ts); the demo database accepts it. */
export const DEMO_PASSWORD = 'jalon-demo';

export const DEMO = {
  admin: 'admin@jalon.test',
  coordinator: 'coordination@jalon.test',
  lead: 'pilote@jalon.test',
  member: 'copil@jalon.test',
  region: 'region@jalon.test',
} as const;

/**
 * Every test fails on a console error or an uncaught page error: "no console error" is part of
 * done. `allowConsoleErrors` lets a test that provokes a refused call (a 403 in the network log)
 * list the messages it expects.
 */
export const test = base.extend<{ consoleErrors: string[]; allowConsoleErrors: RegExp[] }>({
  allowConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (!allowConsoleErrors.some((pattern) => pattern.test(text))) errors.push(text);
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/Adresse e-mail|Email address|E-Mail-Adresse/).fill(email);
  await page.getByLabel(/Mot de passe|Password|Passwort/).fill(password);
  await page.getByRole('button', { name: /Se connecter|Sign in|Anmelden/ }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
}

/**
 * Signs out as a user does, and returns once the app's own reload of the sign-in page has ended:
 * a `page.goto` racing that reload would be interrupted by it.
 */
export async function signOut(page: Page): Promise<void> {
  const reloaded = page.waitForEvent('load', { timeout: 0 });
  await page.getByRole('button', { name: /Se déconnecter|Sign out|Abmelden/ }).click();
  await reloaded;
  await expect(page.getByLabel(/Mot de passe|Password|Passwort/)).toBeVisible();
}

/**
 * Runs axe on the page as it is (or only on what `include` selects) and fails on any serious or
 * critical violation.
 */
export async function expectAccessible(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (include === undefined ? builder : builder.include(include)).analyze();
  const grave = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    grave.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

/**
 * The response to a tRPC call of `procedure` (batched with others or not) whose input contains
 * `inputPart`. Start waiting before what sends it; it waits as long as the server takes (within
 * the test's own timeout): what a user waits for on a busy machine.
 */
export function trpcResponse(page: Page, procedure: string, inputPart = ''): Promise<Response> {
  return page.waitForResponse(
    (response) => {
      const url = new URL(response.url());
      const procedures = decodeURIComponent(url.pathname)
        .replace(/^\/trpc\//, '')
        .split(',');
      return (
        url.pathname.startsWith('/trpc/') &&
        procedures.includes(procedure) &&
        decodeURIComponent(url.search).includes(inputPart)
      );
    },
    { timeout: 0 },
  );
}
