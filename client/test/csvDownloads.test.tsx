import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { buildWorld } from '../../server/test/support/world';
import { callerAs } from '../../server/test/support/world';
import { renderApp } from './support/harness';

/** The CSV link of a region: its table and its parameters. */
async function csvLinkIn(region: HTMLElement) {
  const link = await within(region).findByRole('link', { name: 'Télécharger en CSV' });
  const href = link.getAttribute('href');
  const [path, query] = (href ?? '').split('?');
  const params = new URLSearchParams(query);
  return { path, params, all: (key: string) => params.getAll(key) };
}

describe('CSV downloads beside the tables', { timeout: 20_000 }, () => {
  it('gives each attention list of the territory dashboard its filters', async () => {
    const world = await buildWorld();
    await renderApp({ as: 'memberNL', world, route: `/territories/${world.territories.NL}` });
    const territoryId = String(world.territories.NL);

    const overdue = await csvLinkIn(
      await screen.findByRole(
        'region',
        { name: /Actions en retard d’échéance/ },
        { timeout: 5000 },
      ),
    );
    expect(overdue.path).toBe('/api/export/actions.csv');
    expect(Object.fromEntries(overdue.params)).toEqual({ territoryId, overdue: '1', lang: 'fr' });

    const blocked = await csvLinkIn(screen.getByRole('region', { name: /Actions bloquées/ }));
    expect(blocked.path).toBe('/api/export/actions.csv');
    expect(blocked.all('statuses')).toEqual(['blocked']);
    expect(blocked.params.get('territoryId')).toBe(territoryId);

    const offTrack = await csvLinkIn(
      screen.getByRole('region', { name: /Indicateurs hors trajectoire/ }),
    );
    expect(offTrack.path).toBe('/api/export/indicators.csv');
    expect(offTrack.all('tracks')).toEqual(['off_track']);
    expect(offTrack.params.get('territoryId')).toBe(territoryId);
  });

  it('links the plan page’s funding, indicators, measurements and history to their files', async () => {
    const world = await buildWorld();
    const coordinator = await callerAs(world, 'coordinatorNL');
    await coordinator.fundingLine.create({
      planId: world.plans.NL1,
      funderOrganisationId: world.orgs.bpi,
      scheme: 'Fonds friches',
      requestedCents: 500_000_00,
    });
    const plan = await coordinator.plan.byId({ id: world.plans.NL1 });
    await coordinator.plan.update({ id: plan.id, version: plan.version, priority: 'low' });
    // A German-speaking committee member: the files come with German headers.
    await world.db
      .updateTable('users')
      .set({ locale: 'de' })
      .where('id', '=', world.users.memberNL)
      .execute();
    await renderApp({ as: 'memberNL', world, route: `/plans/${world.plans.NL1}`, locale: 'de' });
    const planId = String(world.plans.NL1);
    const linkIn = async (region: HTMLElement) => {
      const link = await within(region).findByRole('link', { name: 'Als CSV herunterladen' });
      return new URL(link.getAttribute('href') ?? '', 'http://app.test');
    };

    const funding = await linkIn(
      await screen.findByRole('region', { name: 'Budget und Finanzierung' }, { timeout: 5000 }),
    );
    expect(funding.pathname).toBe('/api/export/funding-lines.csv');
    expect(funding.searchParams.get('planId')).toBe(planId);
    expect(funding.searchParams.get('lang')).toBe('de');

    const chart = await screen.findByRole('region', { name: /Personnes formées \(personnes\)/ });
    const measurements = await linkIn(chart);
    expect(measurements.pathname).toBe('/api/export/measurements.csv');
    expect(measurements.searchParams.get('indicatorId')).toBe(String(world.indicators.NL1));

    const indicators = screen
      .getAllByRole('link', { name: 'Als CSV herunterladen' })
      .map((a) => new URL(a.getAttribute('href') ?? '', 'http://app.test'))
      .find((url) => url.pathname === '/api/export/indicators.csv');
    expect(indicators?.searchParams.get('planId')).toBe(planId);

    const history = await linkIn(await screen.findByRole('region', { name: 'Verlauf' }));
    expect(history.pathname).toBe('/api/export/history.csv');
    expect(Object.fromEntries(history.searchParams)).toEqual({
      entityType: 'plan',
      entityId: planId,
      lang: 'de',
    });
  });

  it('offers the coordinator the members list as CSV', async () => {
    const world = await buildWorld();
    await renderApp({
      as: 'coordinatorNL',
      world,
      route: `/territories/${world.territories.NL}/members`,
    });
    const members = await csvLinkIn(
      await screen.findByRole('region', { name: 'Membres et rôles' }, { timeout: 5000 }),
    );
    expect(members.path).toBe('/api/export/members.csv');
    expect(members.params.get('territoryId')).toBe(String(world.territories.NL));
  });
});
