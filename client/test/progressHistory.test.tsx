import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildWorld } from '../../server/test/support/world';
import { renderApp } from './support/harness';

// The territory's "progress over time": its data table lists the month ends and the held meetings,
// and each point opens the territory as it stood that day.
describe('progress over time', { timeout: 20_000 }, () => {
  it('shows the months and the meeting in the territory chart’s data table, then the state at that meeting', async () => {
    const world = await buildWorld();
    // The world's COPIL, held on 10 April 2025 (the world's plans date from 1 January 2025).
    await world.db
      .updateTable('meetings')
      .set({ status: 'held', heldAt: '2025-04-10T09:30:00.000Z' })
      .where('id', '=', world.meetings.NL)
      .execute();
    await renderApp({ as: 'memberNL', world, route: `/territories/${world.territories.NL}` });

    const table = await screen.findByRole(
      'table',
      {
        name: 'Avancement réel et attendu du territoire à chaque fin de mois et à chaque séance tenue',
      },
      // The dashboard builds its sections in turn after the first screen: slow on a busy machine.
      { timeout: 15_000 },
    );
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').at(0)?.textContent ?? '');
    expect(rows).toEqual([
      'Fin de mois',
      'Fin de mois',
      'Fin de mois',
      'Séance COPIL',
      'Fin de mois',
      'Fin de mois',
      'Aujourd’hui',
    ]);
    const days = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(days).toEqual([
      '31 janv. 2025',
      '28 févr. 2025',
      '31 mars 2025',
      '10 avr. 2025',
      '30 avr. 2025',
      '31 mai 2025',
      '15 juin 2025',
    ]);

    // The held meeting, listed beside the chart, opens the territory on its day.
    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: 'COPIL du 10 avr. 2025' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Nord Lorraine au 10 avr. 2025' }),
    ).toBeTruthy();
    const status = screen.getByRole('table', {
      name: 'Nombre d’actions par statut, alors et aujourd’hui',
    });
    expect(within(status).getByRole('columnheader', { name: 'Au 10 avr. 2025' })).toBeTruthy();
    expect(within(status).getByRole('rowheader', { name: 'Bloqué' })).toBeTruthy();
  });

  it('leads from a held meeting’s page to the territory on the meeting’s day', async () => {
    const world = await buildWorld();
    await world.db
      .updateTable('meetings')
      .set({ status: 'held', heldAt: '2025-04-10T09:30:00.000Z' })
      .where('id', '=', world.meetings.NL)
      .execute();
    await renderApp({ as: 'memberNL', world, route: `/meetings/${world.meetings.NL}` });
    expect(
      await screen.findByRole('link', { name: 'Le territoire à cette séance' }, { timeout: 5000 }),
    ).toHaveProperty(
      'href',
      expect.stringContaining(`/territories/${world.territories.NL}/at/2025-04-10`),
    );
  });

  it('offers no such link on a meeting still planned', async () => {
    const world = await buildWorld();
    await renderApp({ as: 'memberNL', world, route: `/meetings/${world.meetings.NL}` });
    await screen.findByRole('link', { name: 'Comités du territoire' }, { timeout: 5000 });
    expect(screen.queryByRole('link', { name: 'Le territoire à cette séance' })).toBeNull();
  });
});
