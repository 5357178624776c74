import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildWorld } from '../../server/test/support/world';
import { renderApp } from './support/harness';

const dashboardOf = (territoryId: number, query = '') => `/territories/${territoryId}${query}`;

// The whole app renders against a fresh database; the first render also loads the chart chunk.
describe('territory dashboard', { timeout: 20_000 }, () => {
  it('shows a committee member the NL dashboard: progress, plans, overdue and blocked actions', async () => {
    const world = await buildWorld();
    await renderApp({ as: 'memberNL', world, route: dashboardOf(world.territories.NL) });

    expect(await screen.findByRole('heading', { level: 1, name: 'Nord Lorraine' })).toBeTruthy();
    expect(screen.getByText('Région Grand Est')).toBeTruthy();
    expect(screen.getByText('Avancement global')).toBeTruthy();

    // The next COPIL of the world, with its place and mode.
    expect(screen.getByText('Amnéville')).toBeTruthy();
    expect(screen.getByText('Présentiel')).toBeTruthy();

    // Plans with their links, in the "see the data" table (the sections below the first screen
    // are built a moment later).
    const plansTable = await screen.findByRole('table', {
      name: 'Avancement de chaque fiche action et de ses trois étapes',
    });
    for (const title of ['Plan FA-1', 'Plan FA-2', 'Plan FA-X']) {
      expect(within(plansTable).getByRole('link', { name: title })).toBeTruthy();
    }

    // NL-1a is past due (2025-03-31), NL-2a is blocked with its justification.
    const overdue = await screen.findByRole('region', { name: /Actions en retard d’échéance/ });
    expect(within(overdue).getByText('Diagnostic des compétences')).toBeTruthy();
    expect(
      within(overdue).getByRole('link', { name: 'Voir toutes les actions en retard' }),
    ).toHaveProperty(
      'href',
      expect.stringContaining(`/actions?territoryId=${world.territories.NL}&overdue=1`),
    );
    const blocked = screen.getByRole('region', { name: /Actions bloquées/ });
    expect(within(blocked).getByText('Cartographie du foncier')).toBeTruthy();
    expect(within(blocked).getByText('En attente du financement')).toBeTruthy();

    // Each status count leads to the filtered actions table.
    expect(screen.getByRole('link', { name: 'Bloqué : 1 action, voir la liste' })).toHaveProperty(
      'href',
      expect.stringContaining(`/actions?territoryId=${world.territories.NL}&statuses=blocked`),
    );

    // "See the data" shows the plans table on screen.
    const user = userEvent.setup();
    const plansChart = screen.getByRole('region', { name: 'Avancement par fiche et par étape' });
    const toggle = within(plansChart).getByRole('button', { name: 'Voir les données' });
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(plansTable.closest('.visually-hidden')).toBeNull();

    // Read-only: nothing to edit.
    expect(screen.queryByRole('link', { name: 'Nouvelle fiche action' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Membres' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Imprimer' })).toBeTruthy();
  });

  it('offers the coordinator the links to a new plan and the members', async () => {
    const world = await buildWorld();
    await renderApp({ as: 'coordinatorNL', world, route: dashboardOf(world.territories.NL) });
    await screen.findByRole('heading', { level: 1, name: 'Nord Lorraine' }, { timeout: 5000 });
    expect(await screen.findByRole('link', { name: 'Nouvelle fiche action' })).toHaveProperty(
      'href',
      expect.stringContaining(`/territories/${world.territories.NL}/plans/new`),
    );
    expect(screen.getByRole('link', { name: 'Membres' })).toHaveProperty(
      'href',
      expect.stringContaining(`/territories/${world.territories.NL}/members`),
    );
  });

  it('lists the changes since the date chosen, read from the URL and refetched on change', async () => {
    const world = await buildWorld();
    // Two months before the world's today: outside the default 30 days.
    await world.db
      .insertInto('auditEvents')
      .values({
        occurredAt: '2025-04-15T09:00:00.000Z',
        userId: world.users.lead,
        entityType: 'action',
        entityId: world.actions.NL1a,
        operation: 'status',
        territoryId: null,
        planId: world.plans.NL1,
        oldValue: JSON.stringify({ status: 'not_started', progress: 0 }),
        newValue: JSON.stringify({ status: 'in_progress', progress: 40 }),
        comment: null,
      })
      .execute();
    await renderApp({ as: 'memberNL', world, route: dashboardOf(world.territories.NL) });

    const since = await screen.findByLabelText<HTMLInputElement>('Depuis le');
    expect(since.value).toBe('2025-05-16');
    expect(screen.getByText('Aucun changement depuis le 16 mai 2025.')).toBeTruthy();

    // jsdom's date input takes no keystrokes: set the picked day as the browser would.
    fireEvent.change(since, { target: { value: '2025-04-01' } });
    expect(await screen.findByText('1 changement depuis le 1 avr. 2025')).toBeTruthy();
    const changes = screen.getByRole('region', { name: 'Changements récents' });
    expect(
      within(changes).getByText(
        'lead a passé « Diagnostic des compétences » (FA-1) de À venir à En cours',
      ),
    ).toBeTruthy();
    expect(within(changes).getByText('Avancement : 0 % → 40 %')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Depuis le').value).toBe('2025-04-01');
  });

  it('opens on the date kept in the URL', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'memberNL',
      world,
      route: dashboardOf(world.territories.NL, '?since=2025-01-01'),
    });
    const since = await screen.findByLabelText<HTMLInputElement>('Depuis le');
    expect(since.value).toBe('2025-01-01');
    expect(screen.getByText('Aucun changement depuis le 1 janv. 2025.')).toBeTruthy();
  });

  it('refuses a territory the user does not belong to, and one that does not exist', async () => {
    const world = await buildWorld();
    const first = await renderApp({
      as: 'outsider',
      world,
      route: dashboardOf(world.territories.NL),
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      "Vous n'avez pas le droit de faire cela.",
    );
    expect(screen.queryByRole('heading', { name: 'Nord Lorraine' })).toBeNull();
    first.unmount();

    await renderApp({ as: 'admin', world, route: dashboardOf(9999) });
    expect((await screen.findByRole('alert')).textContent).toContain(
      "Cet élément n'existe pas ou plus.",
    );
  });

  it('speaks the user’s language', async () => {
    const world = await buildWorld();
    await world.db
      .updateTable('users')
      .set({ locale: 'de' })
      .where('id', '=', world.users.memberNL)
      .execute();
    await renderApp({ as: 'memberNL', world, route: dashboardOf(world.territories.NL) });
    expect(await screen.findByText('Gesamtfortschritt')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Drucken' })).toBeTruthy());
  });
});
