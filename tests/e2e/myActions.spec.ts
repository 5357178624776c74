import type { Page } from '@playwright/test';
import { DEMO, expect, expectAccessible, signIn, test, trpcResponse } from './support/fixtures';

/*
 * Actions of FA-7 (a plan led by pilote@jalon.test) that no other spec touches, and one action
 * of FA-3, a Nord Lorraine plan she does not lead.
 */
const INLINE = 'Offre de mobilité domicile-travail';
const CONFLICT = 'Parcours d’intégration en entreprise';
const NOT_LED = 'Dépollution du site de Florange';

/** Every action of the lead on one page, whatever their due dates. */
const MY_ACTIONS = '/my-actions?show=all&limit=100';
/** The lead's overdue actions: the same page with a handful of rows, quick to check with axe. */
const OVERDUE = '/my-actions?show=overdue&limit=100';
/** The actions still to update, CONFLICT among them. */
const OPEN = '/my-actions?show=open&limit=100';

/**
 * Opens a view of "my actions" and waits for its list to arrive, however long the server takes
 * on a busy machine; the rows then render without waiting on the network.
 */
async function openMyActions(page: Page, view: string): Promise<void> {
  const listed = trpcResponse(page, 'action.list', '"sort":"dueDate"');
  await page.goto(view);
  await listed;
}

/** Saves with `save` and waits for the server's answer, whatever it is. */
async function saved(page: Page, save: () => Promise<void>): Promise<void> {
  const answered = trpcResponse(page, 'action.setStatus');
  await save();
  await answered;
}

const row = (page: Page, title: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(title) }) });

/** An action's id and version through the API, from the signed-in page. */
async function findActionByTitle(page: Page, title: string) {
  return page.evaluate(async (search) => {
    const input = encodeURIComponent(JSON.stringify({ search }));
    const response = await fetch(`/trpc/action.list?input=${input}`);
    const body = (await response.json()) as {
      result: { data: { items: { id: number; version: number; title: string }[] } };
    };
    const found = body.result.data.items.find((a) => a.title === search);
    if (!found) throw new Error(`No action titled ${search}`);
    return found;
  }, title);
}

test.describe('my actions', () => {
  test('a lead updates status and progress inline; the change persists and is in the history', async ({
    page,
  }) => {
    await signIn(page, DEMO.lead);
    await openMyActions(page, OVERDUE);
    await expect(page.getByRole('heading', { level: 1, name: 'Mes actions' })).toBeVisible();
    await expect(page.getByRole('rowheader').first()).toBeVisible();
    await expectAccessible(page);

    await openMyActions(page, MY_ACTIONS);
    await expect(page.getByLabel(`Statut de « ${INLINE} »`)).toBeVisible();

    await page.getByLabel(`Statut de « ${INLINE} »`).selectOption('on_hold');
    await page.getByLabel(`Avancement en % de « ${INLINE} »`).fill('35');
    await page.getByLabel(`Commentaire sur « ${INLINE} »`).fill('En attente du transporteur');
    await saved(page, () => page.getByLabel(`Commentaire sur « ${INLINE} »`).press('Enter'));
    await expect(row(page, INLINE).getByRole('status')).toHaveText(/Enregistré/);
    await expect(page.getByLabel(`Commentaire sur « ${INLINE} »`)).toBeFocused();

    await openMyActions(page, MY_ACTIONS);
    await expect(page.getByLabel(`Statut de « ${INLINE} »`)).toHaveValue('on_hold');
    await expect(page.getByLabel(`Avancement en % de « ${INLINE} »`)).toHaveValue('35');
    await expect(page.getByLabel(`Commentaire sur « ${INLINE} »`)).toHaveValue(
      'En attente du transporteur',
    );

    const action = await findActionByTitle(page, INLINE);
    const history = await page.evaluate(async (id) => {
      const input = encodeURIComponent(JSON.stringify({ entityType: 'action', entityId: id }));
      const response = await fetch(`/trpc/history.list?input=${input}`);
      const body = (await response.json()) as {
        result: {
          data: {
            items: {
              operation: string;
              changes: { field: string; to: Record<string, unknown> | null }[];
            }[];
          };
        };
      };
      return body.result.data.items;
    }, action.id);
    expect(history).toContainEqual(
      expect.objectContaining({
        operation: 'status',
        changes: expect.arrayContaining([
          expect.objectContaining({
            field: 'status',
            to: expect.objectContaining({ code: 'on_hold' }),
          }),
          expect.objectContaining({ field: 'progress', to: { kind: 'percent', value: 35 } }),
        ]),
      }),
    );
  });

  test.describe(() => {
    // The refused direct call is a 403 in the network log; nothing else may be.
    test.use({ allowConsoleErrors: [/status of 403/] });
    test('the lead cannot update an action of a plan she does not lead', async ({ page }) => {
      await signIn(page, DEMO.lead);
      await page.goto(MY_ACTIONS);
      await expect(page.getByLabel(`Statut de « ${INLINE} »`)).toBeVisible();
      await expect(page.getByLabel(`Statut de « ${NOT_LED} »`)).toHaveCount(0);

      const other = await findActionByTitle(page, NOT_LED);
      const status = await page.evaluate(async ({ id, version }) => {
        const response = await fetch('/trpc/action.setStatus', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id, version, status: 'in_progress', progress: 10 }),
        });
        return response.status;
      }, other);
      expect(status).toBe(403);
    });
  });

  test('two leads saving the same action: the second sees the conflict and chooses', async ({
    page,
    browser,
  }) => {
    // A is the fixture's page; B a second browser, whose expected 409 is the only error allowed.
    // B starts signed in with A's cookie: one sign-in (a slow password hash) instead of two.
    await signIn(page, DEMO.lead);
    const contextB = await browser.newContext({
      storageState: await page.context().storageState(),
    });
    const pageB = await contextB.newPage();
    const errorsB: string[] = [];
    pageB.on('console', (message) => {
      if (message.type() === 'error' && !/status of 409/.test(message.text())) {
        errorsB.push(message.text());
      }
    });
    pageB.on('pageerror', (error) => errorsB.push(error.message));

    await openMyActions(page, OPEN);
    await openMyActions(pageB, OPEN);
    await expect(pageB.getByLabel(`Statut de « ${CONFLICT} »`)).toBeVisible();

    await page.getByLabel(`Avancement en % de « ${CONFLICT} »`).fill('20');
    await page.getByLabel(`Statut de « ${CONFLICT} »`).selectOption('in_progress');
    await saved(page, () =>
      page.getByRole('button', { name: `Enregistrer « ${CONFLICT} »` }).click(),
    );
    await expect(row(page, CONFLICT).getByRole('status')).toHaveText(/Enregistré/);

    await pageB.getByLabel(`Statut de « ${CONFLICT} »`).selectOption('late');
    await pageB.getByLabel(`Avancement en % de « ${CONFLICT} »`).fill('10');
    await pageB
      .getByLabel(`Commentaire sur « ${CONFLICT} »`)
      .fill('Entreprises d’accueil à recontacter');
    // Refused as stale, then the latest version fetched for the dialog.
    const latest = trpcResponse(pageB, 'action.byId');
    await saved(pageB, () =>
      pageB.getByRole('button', { name: `Enregistrer « ${CONFLICT} »` }).click(),
    );
    await latest;

    const dialog = pageB.getByRole('dialog', {
      name: 'Quelqu’un a modifié cette action entre-temps',
    });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('row', { name: /Statut/ })).toContainText('En cours');
    await expect(dialog.getByRole('row', { name: /Statut/ })).toContainText('En retard');
    await expect(dialog.getByRole('row', { name: /Avancement/ })).toContainText('20');
    // The dialog only: the page behind it is the one the first test checks.
    await expectAccessible(pageB, '[role="dialog"]');
    await saved(pageB, () =>
      dialog.getByRole('button', { name: 'Garder mes modifications' }).click(),
    );
    await expect(dialog).toBeHidden();
    await expect(row(pageB, CONFLICT).getByRole('status')).toHaveText(/Enregistré/);

    await openMyActions(page, OPEN);
    await expect(page.getByLabel(`Statut de « ${CONFLICT} »`)).toHaveValue('late');
    await expect(page.getByLabel(`Avancement en % de « ${CONFLICT} »`)).toHaveValue('10');
    await expect(page.getByLabel(`Commentaire sur « ${CONFLICT} »`)).toHaveValue(
      'Entreprises d’accueil à recontacter',
    );
    await contextB.close();
    expect(errorsB).toEqual([]);
  });
});
