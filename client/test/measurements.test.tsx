import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildWorld, callerAs } from '../../server/test/support/world';
import { renderApp, type World, type WorldUser } from './support/harness';

async function openIndicator(as: WorldUser, world: World) {
  await renderApp({ as, route: `/plans/${world.plans.NL1}`, world });
  const panel = await screen.findByRole(
    'region',
    { name: 'Personnes formées (personnes)' },
    { timeout: 10_000 },
  );
  const user = userEvent.setup();
  await user.click(within(panel).getByRole('button', { name: 'Voir les données' }));
  const table = await within(panel).findByRole('table', {
    name: /Mesures de « Personnes formées »/,
  });
  return { panel, table, user };
}

const cells = (row: HTMLElement) => [...row.children].map((c) => c.textContent);

describe('measurements on the plan page', { timeout: 20_000 }, () => {
  it('lets a coordinator correct a measurement: the table shows the new value, author and comment', async () => {
    const world = await buildWorld();
    const { panel, table, user } = await openIndicator('coordinatorNL', world);

    await user.click(
      within(table).getByRole('button', { name: 'Corriger la mesure du 31 déc. 2024' }),
    );
    const value = within(panel).getByLabelText('Valeur (personnes)');
    expect((value as HTMLInputElement).value).toBe('25');
    await user.clear(value);
    await user.type(value, '27,5');
    await user.type(
      within(panel).getByLabelText(/^Commentaire \(facultatif\)/),
      'Chiffre consolidé OPCO',
    );
    await user.click(within(panel).getByRole('button', { name: 'Enregistrer la correction' }));

    await waitFor(() => {
      const row = within(table).getByRole('row', { name: /31 déc\. 2024/ });
      expect(cells(row)).toEqual([
        '31 déc. 2024',
        '27,5',
        '40',
        'Hors trajectoire',
        'OPCO',
        'coordinatorNL',
        'Chiffre consolidé OPCO',
        'Corriger',
      ]);
    });
    // The form closes once saved, and the database holds the correction.
    await waitFor(() =>
      expect(within(panel).queryByRole('button', { name: 'Enregistrer la correction' })).toBeNull(),
    );
    const stored = await world.db
      .selectFrom('measurements')
      .select(['value', 'comment', 'recordedBy'])
      .where('indicatorId', '=', world.indicators.NL1)
      .where('measuredOn', '=', '2024-12-31')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      value: 27.5,
      comment: 'Chiffre consolidé OPCO',
      recordedBy: world.users.coordinatorNL,
    });
  });

  it('shows a committee member the data and the comments, without any edit control', async () => {
    const world = await buildWorld();
    const lead = await callerAs(world, 'lead');
    await lead.comment.create({
      entityType: 'indicator',
      entityId: world.indicators.NL1,
      body: 'Les chiffres OPCO arrivent en janvier',
    });
    const { panel, table, user } = await openIndicator('memberNL', world);
    expect(within(table).queryAllByRole('button')).toHaveLength(0);
    expect(within(panel).queryByRole('button', { name: 'Saisir une mesure' })).toBeNull();

    const block = panel.parentElement as HTMLElement;
    const toggle = await within(block).findByRole('button', { name: /Commentaires \(1\)/ });
    await user.click(toggle);
    const thread = await within(block).findByRole('group', {
      name: 'Commentaires sur « Personnes formées »',
    });
    await within(thread).findByText('Les chiffres OPCO arrivent en janvier');
    // Committee members may comment.
    await user.type(within(thread).getByRole('textbox'), 'À présenter au COPIL');
    await user.click(within(thread).getByRole('button', { name: 'Publier' }));
    await within(thread).findByText('À présenter au COPIL');
    await waitFor(() => expect(toggle.textContent).toBe('Commentaires (2)'));
  });
});
