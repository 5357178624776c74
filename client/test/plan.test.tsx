import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildWorld, callerAs } from '../../server/test/support/world';
import { renderApp, type World, type WorldUser } from './support/harness';

async function openPlan(as: WorldUser, world?: World) {
  const w = world ?? (await buildWorld());
  const harness = await renderApp({ as, route: `/plans/${w.plans.NL1}`, world: w });
  // The page is loaded lazily: the first render in a run waits for its transform.
  await screen.findByRole('heading', { level: 1, name: 'FA-1 · Plan FA-1' }, { timeout: 10_000 });
  return harness;
}

describe('plan page', { timeout: 20_000 }, () => {
  it('shows a committee member the header, the three stages and the indicator data', async () => {
    const { world } = await openPlan('memberNL');

    const territory = screen.getByRole('link', { name: 'Nord Lorraine' });
    expect(territory.getAttribute('href')).toBe(`/territories/${world.territories.NL}`);
    expect(screen.getByText('Eurométropole de Metz')).toBeTruthy();
    expect(screen.getByText('lead')).toBeTruthy();

    const stages = screen.getByRole('region', { name: 'Étapes' });
    const steps = within(within(stages).getByRole('list')).getAllByRole('listitem');
    expect(steps).toHaveLength(3);
    expect(steps[0]?.textContent).toContain('État des lieux');
    expect(steps[0]?.getAttribute('aria-current')).toBe('step');
    expect(steps[1]?.getAttribute('aria-current')).toBeNull();
    // Stages with actions show their progress; the third has none yet and says so.
    expect(within(steps[0] as HTMLElement).getByRole('progressbar')).toBeTruthy();
    expect(steps[2]?.textContent).toContain('Pas encore mesuré');

    // The summary says the indicator is behind its trajectory, in words.
    const summary = await screen.findByRole('table', {
      name: 'Indicateurs de la fiche et leur trajectoire',
    });
    const summaryRow = within(summary).getByRole('row', { name: /Personnes formées/ });
    expect(summaryRow.textContent).toContain('Hors trajectoire');

    // The chart's data table: measurements, the expected value on each date, the source.
    const user = userEvent.setup();
    const panel = await screen.findByRole('region', { name: 'Personnes formées (personnes)' });
    const toggle = within(panel).getByRole('button', { name: 'Voir les données' });
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const data = await within(panel).findByRole('table', {
      name: /Mesures de « Personnes formées »/,
    });
    const rows = within(data).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['30 juin 2024', '10', '19,84', 'Hors trajectoire', 'OPCO', 'lead', '—'],
      ['31 déc. 2024', '25', '40', 'Hors trajectoire', 'OPCO', 'lead', '—'],
    ]);

    expect(screen.queryByRole('link', { name: 'Modifier la fiche' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Nouvelle action' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Nouvel indicateur' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Modifier l’indicateur/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Mettre à jour mes actions' })).toBeNull();
    // No edit control anywhere on the page, the embedded actions table included.
    expect(screen.queryAllByRole('link', { name: /^Modifier/ })).toHaveLength(0);
    expect(screen.queryAllByRole('button', { name: /^Modifier/ })).toHaveLength(0);
  });

  it('offers the coordinator the edit links', async () => {
    const { world } = await openPlan('coordinatorNL');
    const href = (name: string) => screen.getByRole('link', { name }).getAttribute('href');
    expect(href('Modifier la fiche')).toBe(`/plans/${world.plans.NL1}/edit`);
    expect(href('Nouvelle action')).toBe(`/plans/${world.plans.NL1}/actions/new`);
    expect(href('Nouvel indicateur')).toBe(`/plans/${world.plans.NL1}/indicators/new`);
    expect(
      (
        await screen.findByRole('link', { name: 'Modifier l’indicateur Personnes formées' })
      ).getAttribute('href'),
    ).toBe(`/indicators/${world.indicators.NL1}/edit`);
  });

  it('sends the plan’s lead to their actions, without coordinator controls', async () => {
    await openPlan('lead');
    expect(
      screen.getByRole('link', { name: 'Mettre à jour mes actions' }).getAttribute('href'),
    ).toBe('/my-actions');
    expect(screen.queryByRole('link', { name: 'Modifier la fiche' })).toBeNull();
  });

  it('tells who changed what in the history', async () => {
    const world = await buildWorld();
    const coordinator = await callerAs(world, 'coordinatorNL');
    await coordinator.plan.update({
      id: world.plans.NL1,
      version: 1,
      title: 'Plan FA-1',
      budgetCents: 150_000_00,
    });
    await openPlan('memberNL', world);
    const history = screen.getByRole('region', { name: 'Historique' });
    expect(
      await within(history).findByText('coordinatorNL a modifié Fiche action FA-1 « Plan FA-1 »'),
    ).toBeTruthy();
    const change = within(history).getByText(/^Budget :/);
    expect(change.textContent?.replace(/\s/g, ' ')).toBe('Budget : 100 000 € → 150 000 €');
  });

  it('adds a comment to the list, and keeps the text when saving fails', async () => {
    const { world } = await openPlan('memberNL');
    const user = userEvent.setup();
    const comments = screen.getByRole('region', { name: 'Commentaires' });
    expect(await within(comments).findByText('Aucun commentaire pour le moment.')).toBeTruthy();

    const field = within(comments).getByLabelText('Votre commentaire');
    await user.type(field, 'Point à inscrire au prochain COPIL');
    await user.click(within(comments).getByRole('button', { name: 'Publier' }));
    expect(await within(comments).findByText('Point à inscrire au prochain COPIL')).toBeTruthy();
    // Emptied once the server has kept it.
    await waitFor(() => expect((field as HTMLTextAreaElement).value).toBe(''));

    // The member loses their seat meanwhile: the server refuses, the text stays.
    await world.db.deleteFrom('memberships').where('userId', '=', world.users.memberNL).execute();
    await user.type(field, 'Second avis');
    await user.click(within(comments).getByRole('button', { name: 'Publier' }));
    expect((await within(comments).findByRole('alert')).textContent).toBe(
      "Vous n'avez pas le droit de faire cela.",
    );
    expect((field as HTMLTextAreaElement).value).toBe('Second avis');
  });

  it('shows an outsider a clear error instead of the plan', async () => {
    const world = await buildWorld();
    await renderApp({ as: 'outsider', route: `/plans/${world.plans.NL1}`, world });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Fiche action indisponible' }),
    ).toBeTruthy();
    expect((await screen.findByRole('alert')).textContent).toContain(
      "relève d'un territoire auquel vous n'avez pas accès",
    );
    expect(screen.queryByText('Plan FA-1')).toBeNull();
  });

  it('says when the plan does not exist', async () => {
    await renderApp({ as: 'memberNL', route: '/plans/99999' });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain("n'existe pas"));
  });
});
