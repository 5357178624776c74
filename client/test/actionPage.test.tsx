import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildWorld, callerAs } from '../../server/test/support/world';
import { renderApp, type World, type WorldUser } from './support/harness';

async function openAction(as: WorldUser, world: World, actionId: number) {
  const harness = await renderApp({ as, route: `/actions/${actionId}`, world });
  await screen.findByRole('heading', { level: 1 }, { timeout: 10_000 });
  return harness;
}

describe('action page', { timeout: 20_000 }, () => {
  it('shows a committee member the facts, the plan’s indicators and the comments; posts one', async () => {
    const world = await buildWorld();
    const lead = await callerAs(world, 'lead');
    await lead.comment.create({
      entityType: 'action',
      entityId: world.actions.NL1a,
      body: 'Diagnostic rendu aux EPCI fin mars',
    });
    await openAction('memberNL', world, world.actions.NL1a);

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Diagnostic des compétences',
    );
    const facts = screen.getByRole('region', { name: 'En bref' });
    const fact = (term: string) =>
      within(facts).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(fact('Fiche')).toBe('FA-1 · Plan FA-1');
    expect(within(facts).getByRole('link', { name: 'FA-1 · Plan FA-1' }).getAttribute('href')).toBe(
      `/plans/${world.plans.NL1}`,
    );
    expect(fact('Étape')).toBe('État des lieux');
    expect(fact('Pilote')).toBe('lead');
    expect(fact('Statut')).toBe('En cours');
    // Due on 31 March 2025, still in progress on the world's 15 June 2025: overdue.
    expect(fact('Échéance')).toContain('Échéance dépassée');
    expect(within(facts).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');

    const indicators = await screen.findByRole('table', {
      name: 'Indicateurs de la fiche et leur dernière mesure',
    });
    const row = within(indicators).getByRole('row', { name: /Personnes formées/ });
    expect(row.textContent).toContain('25 personnes au 31 déc. 2024');
    await within(row).findByText('lead');

    const comments = screen.getByRole('region', { name: 'Commentaires' });
    await within(comments).findByText('Diagnostic rendu aux EPCI fin mars');
    expect(within(comments).getByText(/^lead, le /)).toBeTruthy();

    // A committee member may comment but not edit.
    expect(screen.queryByRole('link', { name: 'Modifier l’action' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Mettre à jour mes actions' })).toBeNull();
    const user = userEvent.setup();
    await user.type(
      within(comments).getByRole('textbox', { name: 'Votre commentaire' }),
      'Point à inscrire au prochain COPIL',
    );
    await user.click(within(comments).getByRole('button', { name: 'Publier' }));
    await within(comments).findByText('Point à inscrire au prochain COPIL');
    // The confirmation comes once the server has answered.
    await waitFor(() =>
      expect(within(comments).getByRole('status').textContent).toBe('Commentaire publié.'),
    );
  });

  it('offers the coordinator the edit link, and tells an outsider the action is not theirs', async () => {
    const world = await buildWorld();
    const coordinator = await openAction('coordinatorNL', world, world.actions.NL1a);
    expect(screen.getByRole('link', { name: 'Modifier l’action' }).getAttribute('href')).toBe(
      `/actions/${world.actions.NL1a}/edit`,
    );
    coordinator.unmount();

    await renderApp({ as: 'coordinatorCH', route: `/actions/${world.actions.NL1a}`, world });
    expect(await screen.findByText('Vous n’avez pas accès à cette action.')).toBeTruthy();
  });

  it('is where the actions table links each title', async () => {
    const world = await buildWorld();
    await renderApp({ as: 'memberNL', route: '/actions', world });
    const link = await screen.findByRole(
      'link',
      { name: 'Diagnostic des compétences' },
      { timeout: 10_000 },
    );
    expect(link.getAttribute('href')).toBe(`/actions/${world.actions.NL1a}`);
    await userEvent.setup().click(link);
    expect(
      (await screen.findByRole('heading', { level: 1 }, { timeout: 10_000 })).textContent,
    ).toBe('Diagnostic des compétences');
  });
});
