import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildWorld, callerAs } from '../../server/test/support/world';
import { renderApp, type World } from './support/harness';

async function withTerritoryIndicator(world: World) {
  const coordinator = await callerAs(world, 'coordinatorNL');
  const indicator = await coordinator.indicator.create({
    territoryId: world.territories.NL,
    name: 'Emplois industriels',
    unit: 'emplois',
    kind: 'impact',
    direction: 'increase',
    baselineValue: 1000,
    baselineDate: '2024-01-01',
    targetValue: 1200,
    targetDate: '2027-12-31',
  });
  await coordinator.measurement.create({
    indicatorId: indicator.id,
    measuredOn: '2025-03-31',
    value: 1040,
    source: 'URSSAF',
    comment: 'Premier relevé',
  });
  return indicator;
}

async function territoryIndicatorsOf() {
  const section = await screen.findByRole(
    'region',
    { name: 'Indicateurs du territoire' },
    { timeout: 10_000 },
  );
  const panel = await within(section).findByRole(
    'region',
    { name: 'Emplois industriels (emplois)' },
    { timeout: 10_000 },
  );
  return { section, panel };
}

describe('indicators of the territory itself', { timeout: 25_000 }, () => {
  it('shows a committee member the territory’s own indicator with its data, read-only', async () => {
    const world = await buildWorld();
    await withTerritoryIndicator(world);
    await renderApp({ as: 'memberNL', route: `/territories/${world.territories.NL}`, world });
    const { section, panel } = await territoryIndicatorsOf();
    // Plan indicators stay on their plan's page.
    expect(within(section).queryByRole('region', { name: /Personnes formées/ })).toBeNull();
    const user = userEvent.setup();
    await user.click(within(panel).getByRole('button', { name: 'Voir les données' }));
    const table = await within(panel).findByRole('table');
    const row = within(table).getByRole('row', { name: /31 mars 2025/ });
    expect([...row.children].map((c) => c.textContent)).toEqual([
      '31 mars 2025',
      '1\u202f040',
      expect.any(String),
      expect.any(String),
      'URSSAF',
      'coordinatorNL',
      'Premier relevé',
    ]);
    expect(within(section).queryByRole('button', { name: 'Saisir une mesure' })).toBeNull();
    expect(within(section).queryByRole('link', { name: /Nouvel indicateur/ })).toBeNull();
    expect(within(section).queryByRole('link', { name: /Modifier/ })).toBeNull();
  });

  it('lets the coordinator record a measurement there', async () => {
    const world = await buildWorld();
    await withTerritoryIndicator(world);
    await renderApp({ as: 'coordinatorNL', route: `/territories/${world.territories.NL}`, world });
    const { panel } = await territoryIndicatorsOf();
    const user = userEvent.setup();
    await user.click(within(panel).getByRole('button', { name: 'Saisir une mesure' }));
    const form = await screen.findByRole('region', {
      name: 'Nouvelle mesure de « Emplois industriels »',
    });
    const date = within(form).getByLabelText('Date de la mesure');
    await user.clear(date);
    await user.type(date, '2025-05-31');
    await user.type(within(form).getByLabelText('Valeur (emplois)'), '1 065');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la mesure' }));
    await waitFor(() =>
      expect(within(form).getByRole('status').textContent).toContain('Mesure enregistrée'),
    );
    await user.click(within(panel).getByRole('button', { name: 'Voir les données' }));
    const table = await within(panel).findByRole('table');
    const row = await within(table).findByRole('row', { name: /31 mai 2025/ });
    expect(row.children[1]?.textContent).toBe('1\u202f065');
    expect(row.children[5]?.textContent).toBe('coordinatorNL');
  });

  it('creates an indicator of the territory itself from the indicator form', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'coordinatorNL',
      world,
      route: `/territories/${world.territories.NL}/indicators/new`,
    });
    const user = userEvent.setup();
    const owner = await screen.findByLabelText<HTMLSelectElement>(/^Rattaché à/, undefined, {
      timeout: 10_000,
    });
    expect(owner.value).toBe('territory');
    expect([...owner.options].map((o) => o.textContent)).toContain('Le territoire lui-même');
    await user.type(screen.getByLabelText(/^Intitulé/), 'Foncier disponible');
    await user.type(screen.getByLabelText(/^Unité/), 'hectares');
    await user.type(screen.getByLabelText(/^Valeur de référence/), '40');
    await user.type(screen.getByLabelText(/^Date de référence/), '2025-01-01');
    await user.type(screen.getByLabelText(/^Valeur cible/), '80');
    await user.type(screen.getByLabelText(/^Date cible/), '2027-12-31');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const section = await screen.findByRole(
      'region',
      { name: 'Indicateurs du territoire' },
      { timeout: 10_000 },
    );
    await within(section).findByRole('region', { name: 'Foncier disponible (hectares)' });
    const stored = await world.db
      .selectFrom('indicators')
      .select(['planId', 'territoryId'])
      .where('name', '=', 'Foncier disponible')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ planId: null, territoryId: world.territories.NL });
  });
});
