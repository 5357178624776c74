import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildWorld, callerAs } from '../../server/test/support/world';
import { renderApp } from './support/harness';

describe('comments on a decision', { timeout: 20_000 }, () => {
  it('opens the thread from the decision row; a committee member reads and adds a comment', async () => {
    const world = await buildWorld();
    const coordinator = await callerAs(world, 'coordinatorNL');
    const decision = await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Lancer l’étude de foncier',
      kind: 'arbitration',
    });
    await coordinator.comment.create({
      entityType: 'decision',
      entityId: decision.id,
      body: 'Cahier des charges en préparation',
    });
    await renderApp({ as: 'memberNL', route: `/meetings/${world.meetings.NL}`, world });

    const name = `Décision n° ${decision.number}`;
    const toggle = await screen.findByRole(
      'button',
      { name: `Commentaires (1) · ${name}` },
      { timeout: 10_000 },
    );
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const user = userEvent.setup();
    await user.click(toggle);
    const thread = await screen.findByRole('group', { name: `Commentaires sur « ${name} »` });
    await within(thread).findByText('Cahier des charges en préparation');
    expect(within(thread).getByText(/^coordinatorNL, le /)).toBeTruthy();

    await user.type(within(thread).getByRole('textbox'), 'Qui pilote l’étude ?');
    await user.click(within(thread).getByRole('button', { name: 'Publier' }));
    await within(thread).findByText('Qui pilote l’étude ?');
    await waitFor(() => expect(toggle.textContent).toBe('Commentaires (2)'));
  });

  it('gives an observer the thread without a form', async () => {
    const world = await buildWorld();
    const coordinator = await callerAs(world, 'coordinatorNL');
    const decision = await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Valider le diagnostic',
      kind: 'validation',
    });
    await renderApp({ as: 'observerNL', route: `/meetings/${world.meetings.NL}`, world });
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole(
        'button',
        { name: `Commentaires (0) · Décision n° ${decision.number}` },
        { timeout: 10_000 },
      ),
    );
    const thread = await screen.findByRole('group', {
      name: `Commentaires sur « Décision n° ${decision.number} »`,
    });
    await within(thread).findByText('Aucun commentaire pour le moment.');
    expect(within(thread).queryByRole('textbox')).toBeNull();
  });
});
