import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildWorld, callerAs, type World } from '../../server/test/support/world';
import { renderApp } from './support/harness';

const PAGE_LOAD = { timeout: 15_000 };

/** A COPIL of Nord Lorraine held on 1 June 2025, then work by the lead since. */
async function copilHeldThenWork(world: World): Promise<void> {
  const coordinator = await callerAs(world, 'coordinatorNL');
  const copil = await coordinator.meeting.create({
    committeeId: world.committees.copilNL,
    scheduledAt: '2025-06-01T09:00:00.000Z',
    mode: 'in_person',
  });
  await coordinator.meeting.setStatus({ id: copil.id, version: copil.version, status: 'held' });
  const lead = await callerAs(world, 'lead');
  await lead.action.setStatus({ id: world.actions.NL1a, version: 1, status: 'done' });
  await lead.action.setStatus({
    id: world.actions.NL1b,
    version: 1,
    status: 'blocked',
    comment: 'Le prestataire a renoncé',
  });
}

describe('territory first screen: what moved since the last meeting', { timeout: 30_000 }, () => {
  it('shows a committee member what moved since the last COPIL, each count opening its items', async () => {
    const world = await buildWorld();
    await copilHeldThenWork(world);
    await renderApp({ as: 'memberNL', world, route: `/territories/${world.territories.NL}` });

    const panel = await screen.findByRole(
      'region',
      { name: 'Depuis le dernier COPIL, le 1 juin 2025' },
      PAGE_LOAD,
    );
    // 10 % at the COPIL (NL-1 at 20, NL-2 at 0), 25 % now.
    expect(within(panel).getByText('25 %')).toBeTruthy();
    expect(within(panel).getByText(/\+15 pts depuis la séance \(10 % alors\)/)).toBeTruthy();
    expect(within(panel).getByRole('button', { name: /Aucun COTECH tenu/ })).toHaveProperty(
      'disabled',
      true,
    );

    const user = userEvent.setup();
    await user.click(
      within(panel).getByRole('link', {
        name: '1 action passée bloquée ou en retard : voir la liste',
      }),
    );
    const list = await within(panel).findByRole('table');
    const row = within(list).getByRole('row', { name: /Adapter l’offre de formation/ });
    expect(within(row).getByText('À venir')).toBeTruthy();
    expect(within(row).getByText('Bloqué')).toBeTruthy();
    expect(within(row).getByText('Le prestataire a renoncé')).toBeTruthy();
    expect(within(panel).queryByText('Diagnostic des compétences')).toBeNull();

    await user.click(
      within(panel).getByRole('link', {
        name: '1 action réalisée : voir la liste',
      }),
    );
    await within(panel).findByText('Diagnostic des compétences');
    expect(within(panel).queryByText('Adapter l’offre de formation')).toBeNull();

    // The recent changes start at the same COPIL.
    expect(
      screen.getByRole('button', { name: 'Depuis le dernier COPIL' }).getAttribute('aria-pressed'),
    ).toBe('true');
    // Read-only: no way to edit the territory.
    expect(screen.queryByRole('link', { name: 'Modifier' })).toBeNull();
  });

  it('says so when the committee has never met', async () => {
    const world = await buildWorld();
    await renderApp({ as: 'memberNL', world, route: `/territories/${world.territories.NL}` });
    expect(
      await screen.findByText(
        'Aucune séance de ce comité n’a encore eu lieu : rien à comparer pour l’instant.',
        {},
        PAGE_LOAD,
      ),
    ).toBeTruthy();
  });
});

describe('territory identity', { timeout: 30_000 }, () => {
  it('lets a coordinator set the chef de projet and add a member EPCI', async () => {
    const world = await buildWorld();
    await renderApp({ as: 'coordinatorNL', world, route: `/territories/${world.territories.NL}` });
    const identity = await screen.findByRole('region', { name: 'Le territoire' }, PAGE_LOAD);
    expect(within(identity).getByText('Aucun EPCI renseigné.')).toBeTruthy();

    const user = userEvent.setup();
    await user.click(within(identity).getByRole('link', { name: 'Modifier' }));
    const lead = await screen.findByLabelText('Chef(fe) de projet', {}, PAGE_LOAD);
    await user.clear(lead);
    await user.type(lead, 'Camille Roux');
    await user.type(
      screen.getByLabelText(
        'Ajouter un EPCI : son nom (au moins deux lettres) ou son numéro SIREN',
      ),
      'Metz',
    );
    await user.click(
      await screen.findByRole('button', { name: 'Ajouter Eurométropole de Metz' }, PAGE_LOAD),
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const saved = await screen.findByRole('region', { name: 'Le territoire' }, PAGE_LOAD);
    await waitFor(() => expect(within(saved).getByText('Camille Roux')).toBeTruthy());
    expect(within(saved).getByText('1 EPCI membre')).toBeTruthy();
    expect(within(saved).getByText('Eurométropole de Metz')).toBeTruthy();
    expect(screen.getByText(/Chef\(fe\) de projet : Camille Roux/)).toBeTruthy();

    const stored = await world.db
      .selectFrom('territories')
      .select('projectLeadName')
      .where('id', '=', world.territories.NL)
      .executeTakeFirstOrThrow();
    expect(stored.projectLeadName).toBe('Camille Roux');
  });
});
