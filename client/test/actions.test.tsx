import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, type World, type WorldUser } from './support/harness';
import { buildWorld } from '../../server/test/support/world';

/** The actions view keeps its filters in the address: the harness's probe shows it. */
const renderActions = (as: WorldUser, route: string, world?: World) =>
  renderApp({ as, route, ...(world ? { world } : {}) });

// The first render loads the lazy page and runs real queries: allow it more than a second.
const table = () => screen.findByRole('table', { name: 'Actions des fiches' }, { timeout: 5000 });
/** The action titles of the table, top to bottom. */
const titles = async () =>
  within(await table())
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
const search = () => new URLSearchParams(screen.getByTestId('location').textContent ?? '');

async function addActions(world: World, count: number) {
  await world.db
    .insertInto('actions')
    .values(
      Array.from({ length: count }, (_, i) => ({
        createdAt: world.today,
        updatedAt: world.today,
        planId: world.plans.NL2,
        stageId: world.stages.NL2[2] ?? 0,
        title: `Action supplémentaire ${String(i).padStart(2, '0')}`,
        description: '',
        ownerUserId: null,
        status: 'not_started' as const,
        progress: 0,
        statusComment: null,
        startDate: null,
        dueDate: '2026-01-31',
        completedOn: null,
        archivedAt: null,
      })),
    )
    .execute();
}

beforeEach(() => localStorage.clear());

describe('actions table', { timeout: 20_000 }, () => {
  it('shows the actions the user may read, with plan, stage, owner, status and an overdue due date in words', async () => {
    await renderActions('coordinatorNL', '/actions');
    expect(await screen.findByRole('heading', { level: 1, name: 'Actions' })).toBeTruthy();
    expect((await titles()).sort()).toEqual(
      [
        'Adapter l’offre de formation',
        'Cartographie du foncier',
        'Diagnostic des compétences',
      ].sort(),
    );
    const row = (await screen.findByRole('rowheader', { name: 'Diagnostic des compétences' }))
      .parentElement as HTMLElement;
    expect(within(row).getByRole('link', { name: 'FA-1' }).getAttribute('href')).toMatch(
      /^\/plans\/\d+$/,
    );
    expect(row.textContent).toContain('En cours');
    expect(row.textContent).toContain('échue');
    expect(within(row).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
  });

  it('sorts on the server when a column header is clicked, and says so in the address', async () => {
    await renderActions('coordinatorNL', '/actions');
    const user = userEvent.setup();
    await table();
    await user.click(screen.getByRole('button', { name: /^Action/ }));
    await waitFor(async () =>
      expect(await titles()).toEqual([
        'Adapter l’offre de formation',
        'Cartographie du foncier',
        'Diagnostic des compétences',
      ]),
    );
    expect(search().get('sort')).toBe('title');
    await user.click(screen.getByRole('button', { name: /^Action/ }));
    await waitFor(async () =>
      expect(await titles()).toEqual([
        'Diagnostic des compétences',
        'Cartographie du foncier',
        'Adapter l’offre de formation',
      ]),
    );
    expect(search().get('dir')).toBe('desc');
    expect(screen.getByRole('columnheader', { name: /^Action/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
  });

  it('narrows the rows by status and writes the filter in the address and the CSV link', async () => {
    await renderActions('coordinatorNL', '/actions');
    const user = userEvent.setup();
    await table();
    await user.click(screen.getByRole('checkbox', { name: 'Bloqué' }));
    await waitFor(async () => expect(await titles()).toEqual(['Cartographie du foncier']));
    expect(search().getAll('statuses')).toEqual(['blocked']);
    await user.click(screen.getByRole('checkbox', { name: 'En cours' }));
    await waitFor(async () => expect(await titles()).toHaveLength(2));
    expect(search().getAll('statuses')).toEqual(['blocked', 'in_progress']);
    const csv = screen.getByRole('link', { name: 'Télécharger en CSV' }).getAttribute('href');
    expect(csv).toMatch(/^\/api\/export\/actions\.csv\?/);
    expect(new URLSearchParams(csv?.split('?')[1]).getAll('statuses')).toEqual([
      'blocked',
      'in_progress',
    ]);
  });

  it('opens filtered from a shared link', async () => {
    const world = await buildWorld();
    await renderActions(
      'admin',
      `/actions?statuses=in_progress&statuses=late&overdue=1&territoryId=${world.territories.NL}`,
      world,
    );
    await waitFor(async () => expect(await titles()).toEqual(['Diagnostic des compétences']));
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'En cours' }).checked).toBe(true);
    const overdue = 'Seulement les échéances dépassées';
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: overdue }).checked).toBe(true);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Territoire' }).value).toBe(
      String(world.territories.NL),
    );
    // With a territory chosen, its members are offered as owners.
    const owner = screen.getByRole('combobox', { name: 'Pilote' });
    await waitFor(() => expect(within(owner).getAllByRole('option').length).toBeGreaterThan(2));
  });

  it('pages through the rows on the server, with the row count', async () => {
    const world = await buildWorld();
    await addActions(world, 30);
    await renderActions('coordinatorNL', '/actions', world);
    const user = userEvent.setup();
    await table();
    await waitFor(async () => expect(await titles()).toHaveLength(25));
    expect(screen.getByText(/33 lignes/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Page suivante' }));
    await waitFor(async () => expect(await titles()).toHaveLength(8));
    expect(search().get('offset')).toBe('25');
    // A new filter starts again at the first page.
    await user.click(screen.getByRole('checkbox', { name: 'À venir' }));
    await waitFor(async () => expect(await titles()).toHaveLength(25));
    expect(search().get('offset')).toBeNull();
  });

  it('hides a column on request and remembers the choice', async () => {
    const first = await renderActions('coordinatorNL', '/actions');
    const user = userEvent.setup();
    await table();
    expect(screen.getByRole('columnheader', { name: 'Pilote' })).toBeTruthy();
    await user.click(screen.getByText('Colonnes', { selector: 'summary' }));
    await user.click(screen.getByRole('checkbox', { name: 'Pilote' }));
    expect(screen.queryByRole('columnheader', { name: 'Pilote' })).toBeNull();
    expect(screen.getByRole('columnheader', { name: /^Statut/ })).toBeTruthy();
    first.unmount();
    await renderActions('coordinatorNL', '/actions');
    await table();
    expect(screen.queryByRole('columnheader', { name: 'Pilote' })).toBeNull();
  });

  it('offers the edit screen to coordinators, never to committee members', async () => {
    const coordinator = await renderActions('coordinatorNL', '/actions');
    await table();
    const edit = screen.getByRole('link', { name: 'Modifier « Cartographie du foncier »' });
    expect(edit.getAttribute('href')).toBe(`/actions/${coordinator.world.actions.NL2a}/edit`);
    coordinator.unmount();
    await renderActions('memberNL', '/actions');
    await waitFor(async () => expect(await titles()).toHaveLength(3));
    expect(screen.queryByRole('link', { name: /^Modifier/ })).toBeNull();
  });
});
