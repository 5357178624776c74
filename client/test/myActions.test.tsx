import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, type World } from './support/harness';
import { buildWorld } from '../../server/test/support/world';

const DIAGNOSTIC = 'Diagnostic des compétences';
const FORMATION = 'Adapter l’offre de formation';

const findAction = (world: World, id: number) =>
  world.db.selectFrom('actions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const statusSelect = (title: string) =>
  screen.findByLabelText(`Statut de « ${title} »`, undefined, { timeout: 5000 });
const progressInput = (title: string) =>
  screen.findByLabelText(
    `Avancement en % de « ${title} »`,
    { selector: 'input' },
    { timeout: 5000 },
  );
const commentInput = (title: string) => screen.findByLabelText(`Commentaire sur « ${title} »`);

/** Someone else saves the action behind the UI's back: a new version, put on hold. */
async function saveBehindTheUisBack(world: World, id: number) {
  await world.db
    .updateTable('actions')
    .set((eb) => ({
      version: eb('version', '+', 1),
      status: 'on_hold',
      statusComment: 'Attente du financement',
    }))
    .where('id', '=', id)
    .execute();
}

// Each test builds a world and renders the whole app; the first also loads the lazy page.
describe('my actions', { timeout: 20_000 }, () => {
  it('lists the actions the lead owns, overdue ones flagged, with editable fields', async () => {
    await renderApp({ as: 'lead', route: '/my-actions' });
    // The first render loads the lazy page: give it more than the default second.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mes actions' }, { timeout: 5000 }),
    ).toBeTruthy();
    const diagnostic = (await screen.findByRole('rowheader', { name: new RegExp(DIAGNOSTIC) }))
      .parentElement as HTMLElement;
    expect(within(diagnostic).getByText('En retard d’échéance')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: new RegExp(FORMATION) })).toBeTruthy();
    expect(((await statusSelect(DIAGNOSTIC)) as HTMLSelectElement).value).toBe('in_progress');
    expect(screen.queryByText(/Cartographie du foncier/)).toBeNull();
    const summary = await screen.findByText(
      (_, element) =>
        element?.tagName === 'P' &&
        element.textContent === '2 actions vous sont confiées, dont 1 en retard d’échéance',
    );
    expect(summary).toBeTruthy();
  });

  it('asks for a justification before saving a blocked action, then saves it', async () => {
    const { world } = await renderApp({ as: 'lead', route: '/my-actions' });
    const user = userEvent.setup();
    await user.selectOptions(await statusSelect(FORMATION), 'blocked');
    expect(screen.getByText('Justification obligatoire pour le statut « Bloqué ».')).toBeTruthy();
    const comment = await commentInput(FORMATION);
    expect(comment.getAttribute('aria-required')).toBe('true');

    await user.click(screen.getByRole('button', { name: `Enregistrer « ${FORMATION} »` }));
    expect(
      await screen.findByText(/Le passage au statut « Bloqué » demande une nouvelle justification/),
    ).toBeTruthy();
    expect(document.activeElement).toBe(comment);
    expect((await findAction(world, world.actions.NL1b)).status).toBe('not_started');

    await user.type(comment, 'Formateurs indisponibles{Enter}');
    const row = comment.closest('tr') as HTMLElement;
    await waitFor(() =>
      expect(within(row).getByRole('status').textContent).toContain('Enregistré'),
    );
    const saved = await findAction(world, world.actions.NL1b);
    expect(saved.status).toBe('blocked');
    expect(saved.statusComment).toBe('Formateurs indisponibles');
    expect(document.activeElement).toBe(comment);
  });

  it('asks for a new justification, not the old comment, when an action moves to En retard', async () => {
    const world = await buildWorld();
    await world.db
      .updateTable('actions')
      .set({ statusComment: 'Atelier du 12 mai' })
      .where('id', '=', world.actions.NL1a)
      .execute();
    await renderApp({ as: 'lead', route: '/my-actions', world });
    const user = userEvent.setup();
    const comment = (await commentInput(DIAGNOSTIC)) as HTMLInputElement;
    expect(comment.value).toBe('Atelier du 12 mai');
    await user.selectOptions(await statusSelect(DIAGNOSTIC), 'late');
    // The old comment is not offered as the justification; typed back, it is refused.
    expect(comment.value).toBe('');
    await user.type(comment, 'Atelier du 12 mai{Enter}');
    expect(
      await screen.findByText(
        /Le passage au statut « En retard » demande une nouvelle justification/,
      ),
    ).toBeTruthy();
    expect((await findAction(world, world.actions.NL1a)).status).toBe('in_progress');
  });

  it('forces 100 % for a done action and Escape reverts the row', async () => {
    await renderApp({ as: 'lead', route: '/my-actions' });
    const user = userEvent.setup();
    const progress = (await progressInput(DIAGNOSTIC)) as HTMLInputElement;
    await user.selectOptions(await statusSelect(DIAGNOSTIC), 'done');
    expect(progress.value).toBe('100');
    expect(progress.readOnly).toBe(true);
    await user.click(progress);
    await user.keyboard('{Escape}');
    expect(((await statusSelect(DIAGNOSTIC)) as HTMLSelectElement).value).toBe('in_progress');
    expect(progress.value).not.toBe('100');
  });

  it('keeps a row just marked done in view, saved, with focus where it was', async () => {
    const { world } = await renderApp({ as: 'lead', route: '/my-actions' });
    const user = userEvent.setup();
    const status = await statusSelect(DIAGNOSTIC);
    await user.selectOptions(status, 'done');
    await user.keyboard('{Enter}');
    const row = status.closest('tr') as HTMLElement;
    await waitFor(() =>
      expect(within(row).getByRole('status').textContent).toContain('Enregistré'),
    );
    const saved = await findAction(world, world.actions.NL1a);
    expect(saved.status).toBe('done');
    expect(saved.progress).toBe(100);
    // The "to update" view no longer lists it once refetched, yet the row stays until the view changes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(status.isConnected).toBe(true);
    expect(document.activeElement).toBe(status);
  });

  it('shows the conflict when someone saved meanwhile, and takes theirs', async () => {
    const { world } = await renderApp({ as: 'lead', route: '/my-actions' });
    const user = userEvent.setup();
    const progress = await progressInput(DIAGNOSTIC);
    await saveBehindTheUisBack(world, world.actions.NL1a);
    await user.clear(progress);
    await user.type(progress, '55{Enter}');

    const dialog = await screen.findByRole('dialog', {
      name: 'Quelqu’un a modifié cette action entre-temps',
    });
    const statusRow = within(dialog).getByRole('row', { name: /Statut/ });
    expect(within(statusRow).getByText('En pause')).toBeTruthy();
    expect(within(statusRow).getByText('En cours')).toBeTruthy();
    expect(within(dialog).getByRole('row', { name: /Avancement/ })).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Prendre leur version' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(((await statusSelect(DIAGNOSTIC)) as HTMLSelectElement).value).toBe('on_hold');
    expect(((await commentInput(DIAGNOSTIC)) as HTMLInputElement).value).toBe(
      'Attente du financement',
    );
    expect((await findAction(world, world.actions.NL1a)).status).toBe('on_hold');
  });

  it('keeps my changes on the new version when I choose so', async () => {
    const { world } = await renderApp({ as: 'lead', route: '/my-actions' });
    const user = userEvent.setup();
    const progress = await progressInput(DIAGNOSTIC);
    await saveBehindTheUisBack(world, world.actions.NL1a);
    const before = await findAction(world, world.actions.NL1a);
    await user.clear(progress);
    await user.type(progress, '55');
    await user.click(screen.getByRole('button', { name: `Enregistrer « ${DIAGNOSTIC} »` }));

    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Garder mes modifications' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const after = await findAction(world, world.actions.NL1a);
    expect(after.version).toBe(before.version + 1);
    expect(after.status).toBe('in_progress');
    expect(after.progress).toBe(55);
  });

  it('records a measurement for an indicator of a led plan', async () => {
    const { world } = await renderApp({ as: 'lead', route: '/my-actions' });
    const user = userEvent.setup();
    const card = await screen.findByRole(
      'article',
      { name: 'Personnes formées' },
      { timeout: 5000 },
    );
    expect(within(card).getByText(/25 personnes au/)).toBeTruthy();
    // Dated on the world's today (the form proposes the browser's), no later than the server's.
    fireEvent.change(within(card).getByLabelText('Date de la mesure'), {
      target: { value: world.today },
    });
    await user.type(within(card).getByLabelText('Valeur (personnes)'), '42,5');
    await user.type(within(card).getByLabelText(/Source/), 'OPCO 2');
    await user.click(within(card).getByRole('button', { name: 'Enregistrer la mesure' }));
    await waitFor(() =>
      expect(within(card).getByRole('status').textContent).toContain('Mesure enregistrée'),
    );
    expect(await within(card).findByText(/42,5 personnes au/)).toBeTruthy();
    const rows = await world.db
      .selectFrom('measurements')
      .selectAll()
      .where('indicatorId', '=', world.indicators.NL1)
      .where('value', '=', 42.5)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.source).toBe('OPCO 2');
  });

  it('tells a user without actions that there is nothing to update', async () => {
    await renderApp({ as: 'otherLead', route: '/my-actions' });
    expect(
      await screen.findByText(/Aucune action ne vous est confiée/, undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
