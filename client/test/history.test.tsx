import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildWorld, callerAs, type World } from '../../server/test/support/world';
import { renderApp } from './support/harness';

/** A blocked action with its justification and a new owner: what a committee must read. */
async function worldWithChanges(): Promise<World> {
  const world = await buildWorld();
  const coordinator = await callerAs(world, 'coordinatorNL');
  await coordinator.action.update({
    id: world.actions.NL1a,
    version: 1,
    ownerUserId: world.users.otherLead,
  });
  await coordinator.action.setStatus({
    id: world.actions.NL1a,
    version: 2,
    status: 'blocked',
    comment: 'Attente du financement régional',
  });
  return world;
}

const text = (element: HTMLElement) => element.textContent?.replace(/\s+/g, ' ') ?? '';

describe('history as sentences', { timeout: 20_000 }, () => {
  it('tells a territory’s committee who changed what, by name, in French', async () => {
    const world = await worldWithChanges();
    await renderApp({ as: 'memberNL', world, route: `/territories/${world.territories.NL}` });
    const changes = await screen.findByRole('region', { name: 'Changements récents' });
    expect(
      within(changes).getByText(
        'coordinatorNL a passé « Diagnostic des compétences » (FA-1) de En cours à Bloqué',
      ),
    ).toBeTruthy();
    expect(
      within(changes).getByText('Justification : « Attente du financement régional »'),
    ).toBeTruthy();
    expect(
      within(changes).getByText('coordinatorNL a modifié « Diagnostic des compétences » (FA-1)'),
    ).toBeTruthy();
    expect(within(changes).getByText('Pilote : lead → otherLead')).toBeTruthy();
    // No field key nor id reaches the reader.
    expect(text(changes)).not.toMatch(/ownerUserId|statusComment|in_progress|blocked/);
  });

  it('reads the same changes in German, on the dashboard and in the plan’s history', async () => {
    const world = await worldWithChanges();
    // A German-speaking committee member (the saved language wins once signed in).
    await world.db
      .updateTable('users')
      .set({ locale: 'de' })
      .where('id', '=', world.users.memberNL)
      .execute();
    const dashboard = await renderApp({
      as: 'memberNL',
      world,
      locale: 'de',
      route: `/territories/${world.territories.NL}`,
    });
    const changes = await screen.findByRole('region', { name: 'Letzte Änderungen' });
    expect(
      within(changes).getByText(
        'coordinatorNL hat „Diagnostic des compétences“ (FA-1) von In Arbeit auf Blockiert gesetzt',
      ),
    ).toBeTruthy();
    expect(within(changes).getByText('Verantwortliche(r): lead → otherLead')).toBeTruthy();
    dashboard.unmount();

    await renderApp({ as: 'memberNL', world, locale: 'de', route: `/plans/${world.plans.NL1}` });
    const history = await screen.findByRole('region', { name: 'Verlauf' }, { timeout: 10_000 });
    // The plan's history holds its actions' changes, not only the plan record's.
    expect(
      await within(history).findByText(
        'coordinatorNL hat „Diagnostic des compétences“ (FA-1) von In Arbeit auf Blockiert gesetzt',
      ),
    ).toBeTruthy();
    expect(within(history).getByText('Begründung: „Attente du financement régional“')).toBeTruthy();
    expect(text(history)).not.toMatch(/ownerUserId|statusComment|in_progress/);
  });

  it('shows more of the territory’s changes on demand instead of cutting them off', async () => {
    const world = await buildWorld();
    for (let i = 1; i <= 23; i += 1) {
      await world.db
        .insertInto('auditEvents')
        .values({
          occurredAt: `2025-06-${String(i).padStart(2, '0')}T08:00:00.000Z`,
          userId: world.users.coordinatorNL,
          entityType: 'action',
          entityId: world.actions.NL1b,
          operation: 'update',
          territoryId: null,
          planId: world.plans.NL1,
          oldValue: JSON.stringify({ dueDate: '2025-12-31' }),
          newValue: JSON.stringify({ dueDate: `2026-01-${String(i).padStart(2, '0')}` }),
          comment: null,
        })
        .execute();
    }
    await renderApp({ as: 'memberNL', world, route: `/territories/${world.territories.NL}` });
    const changes = await screen.findByRole('region', { name: 'Changements récents' });
    const entries = () => within(changes).getAllByText(/^Échéance :/);
    // The default window starts on 16 May: all 23 count, 20 are shown first.
    expect(within(changes).getByText(/23 changements depuis le/)).toBeTruthy();
    expect(entries()).toHaveLength(20);
    await userEvent.setup().click(within(changes).getByRole('button', { name: 'Afficher plus' }));
    expect(await within(changes).findByText('Échéance : 31 déc. 2025 → 1 janv. 2026')).toBeTruthy();
    expect(entries()).toHaveLength(23);
    expect(within(changes).queryByRole('button', { name: 'Afficher plus' })).toBeNull();
  });
});
