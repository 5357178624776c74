import { beforeEach, describe, expect, it } from 'vitest';
import { buildWorld, callerAs, type World } from './support/world';
import { auditOf, codeOf } from './support/expectations';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const territoryIndicator = (territoryId: number) => ({
  territoryId,
  name: 'Emplois industriels',
  unit: 'emplois',
  kind: 'impact' as const,
  direction: 'increase' as const,
  baselineValue: 1000,
  baselineDate: '2024-01-01',
  targetValue: 1200,
  targetDate: '2027-12-31',
});

describe('indicator.list and byId', () => {
  it('lists visible indicators with the latest measurement and the track computed', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const list = await coordinator.indicator.list({});
    expect(list).toMatchObject({ total: 1, limit: 50, offset: 0 });
    const [item] = list.items;
    expect(item).toMatchObject({ id: world.indicators.NL1, planCode: 'FA-1' });
    // 25 on 2024-12-31, one third of the way in time to 120: the line expects 40, so off track.
    expect(item?.progress.latest).toEqual({ measuredOn: '2024-12-31', value: 25 });
    expect(item?.progress.expectedValue).toBeCloseTo(40, 5);
    expect(item?.progress.progressPct).toBeCloseTo(20.833, 2);
    expect(item?.progress.track).toBe('off_track');

    const national = await callerAs(world, 'national');
    expect((await national.indicator.list({})).total).toBe(2);
    expect((await national.indicator.list({ planId: world.plans.CH1 })).items[0]?.id).toBe(
      world.indicators.CH1,
    );
    expect((await national.indicator.list({ limit: 1, offset: 1 })).items).toHaveLength(1);
  });

  it('filters by territory: its own indicators and those of its plans', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const created = await coordinator.indicator.create(territoryIndicator(world.territories.NL));
    const list = await coordinator.indicator.list({ territoryId: world.territories.NL });
    expect(list.items.map((i) => i.id).sort()).toEqual([world.indicators.NL1, created.id].sort());
    const fresh = list.items.find((i) => i.id === created.id);
    expect(fresh?.progress).toMatchObject({ track: 'no_data', latest: null, progressPct: null });
  });

  it('gives one indicator with all its measurements in date order', async () => {
    const observer = await callerAs(world, 'observerNL');
    const indicator = await observer.indicator.byId({ id: world.indicators.NL1 });
    expect(indicator.measurements.map((m) => m.measuredOn)).toEqual(['2024-06-30', '2024-12-31']);
    expect(indicator.progress.track).toBe('off_track');
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(await codeOf(chartres.indicator.byId({ id: world.indicators.NL1 }))).toBe('FORBIDDEN');
    expect(await codeOf(chartres.indicator.byId({ id: 9999 }))).toBe('NOT_FOUND');
  });
});

describe('indicator.create, update and archive', () => {
  it('creates plan and territory indicators for coordinators only, audited', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const created = await coordinator.indicator.create({
      ...territoryIndicator(world.territories.NL),
      territoryId: null,
      planId: world.plans.NL2,
    });
    expect(created).toMatchObject({ planId: world.plans.NL2, territoryId: null });
    const [event] = await auditOf(world, 'indicator', created.id);
    expect(event).toMatchObject({ operation: 'create', userId: world.users.coordinatorNL });

    const lead = await callerAs(world, 'lead');
    expect(
      await codeOf(
        lead.indicator.create({
          ...territoryIndicator(world.territories.NL),
          territoryId: null,
          planId: world.plans.NL1,
        }),
      ),
    ).toBe('FORBIDDEN');
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(await codeOf(chartres.indicator.create(territoryIndicator(world.territories.NL)))).toBe(
      'FORBIDDEN',
    );
    expect(
      await codeOf(
        coordinator.indicator.create({
          ...territoryIndicator(world.territories.NL),
          targetValue: 900,
        }),
      ),
    ).toBe('BAD_REQUEST');
  });

  it('checks direction and dates on the merged row, and audits old → new', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const id = world.indicators.NL1;
    expect(await codeOf(coordinator.indicator.update({ id, direction: 'decrease' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(coordinator.indicator.update({ id, targetDate: '2023-12-31' }))).toBe(
      'BAD_REQUEST',
    );
    const updated = await coordinator.indicator.update({ id, targetValue: 150 });
    // Fields left out keep their stored value.
    expect(updated).toMatchObject({ targetValue: 150, baselineSource: 'ANCT' });
    const [event] = await auditOf(world, 'indicator', id);
    expect(event).toMatchObject({
      operation: 'update',
      oldValue: { targetValue: 120 },
      newValue: { targetValue: 150 },
    });
    const lead = await callerAs(world, 'lead');
    expect(await codeOf(lead.indicator.update({ id, name: 'x' }))).toBe('FORBIDDEN');
  });

  it('refuses a baseline date after the earliest measurement', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const id = world.indicators.NL1;
    // NL-1's measurements start on 2024-06-30.
    expect(await codeOf(coordinator.indicator.update({ id, baselineDate: '2024-07-01' }))).toBe(
      'BAD_REQUEST',
    );
    const moved = await coordinator.indicator.update({ id, baselineDate: '2024-06-30' });
    expect(moved.baselineDate).toBe('2024-06-30');
    // Without measurements, any baseline before the target will do.
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(
      await chartres.indicator.update({ id: world.indicators.CH1, baselineDate: '2025-01-01' }),
    ).toMatchObject({ baselineDate: '2025-01-01' });
  });

  it('refuses to change the indicators or record the measurements of an archived plan', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    await coordinator.plan.archive({ id: world.plans.NL1, version: 1 });
    expect(
      await codeOf(coordinator.indicator.update({ id: world.indicators.NL1, targetValue: 150 })),
    ).toBe('BAD_REQUEST');
    expect(
      await codeOf(
        coordinator.measurement.create({
          indicatorId: world.indicators.NL1,
          measuredOn: '2025-06-01',
          value: 60,
        }),
      ),
    ).toBe('BAD_REQUEST');
    expect((await coordinator.indicator.byId({ id: world.indicators.NL1 })).targetValue).toBe(120);
  });

  it('archives an indicator out of the default list', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const archived = await coordinator.indicator.archive({ id: world.indicators.NL1 });
    expect(archived.archivedAt).not.toBeNull();
    expect((await coordinator.indicator.list({})).total).toBe(0);
    expect((await coordinator.indicator.list({ includeArchived: true })).total).toBe(1);
    const [event] = await auditOf(world, 'indicator', world.indicators.NL1);
    expect(event?.operation).toBe('archive');
  });
});

describe('measurements', () => {
  it('lets the lead of NL-1 record one, not another lead; the track follows', async () => {
    const lead = await callerAs(world, 'lead');
    const created = await lead.measurement.create({
      indicatorId: world.indicators.NL1,
      measuredOn: '2025-06-01',
      value: 60,
      source: 'OPCO',
    });
    expect(created.recordedBy).toBe(world.users.lead);
    const [event] = await auditOf(world, 'measurement', created.id);
    expect(event).toMatchObject({ operation: 'create', newValue: { value: 60 } });
    // The line expects about 56.7 on 2025-06-01: 60 is on track.
    const indicator = await lead.indicator.byId({ id: world.indicators.NL1 });
    expect(indicator.progress.track).toBe('on_track');

    const other = await callerAs(world, 'otherLead');
    const input = { indicatorId: world.indicators.NL1, measuredOn: '2025-06-02', value: 61 };
    expect(await codeOf(other.measurement.create(input))).toBe('FORBIDDEN');
    const member = await callerAs(world, 'memberNL');
    expect(await codeOf(member.measurement.create(input))).toBe('FORBIDDEN');
    expect(await codeOf(other.measurement.delete({ id: created.id }))).toBe('FORBIDDEN');
  });

  it('refuses a measurement dated before the baseline', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    expect(
      await codeOf(
        coordinator.measurement.create({
          indicatorId: world.indicators.NL1,
          measuredOn: '2023-12-31',
          value: 1,
        }),
      ),
    ).toBe('BAD_REQUEST');
  });

  it('leaves territory indicators to the territory’s coordinators', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const indicator = await coordinator.indicator.create(territoryIndicator(world.territories.NL));
    const input = { indicatorId: indicator.id, measuredOn: '2025-01-01', value: 1050 };
    const lead = await callerAs(world, 'lead');
    expect(await codeOf(lead.measurement.create(input))).toBe('FORBIDDEN');
    expect(await codeOf(coordinator.measurement.create(input))).toBe('OK');
  });

  it('lists newest first with the recorder’s name, and deletes with an audit event', async () => {
    const observer = await callerAs(world, 'observerNL');
    const list = await observer.measurement.list({ indicatorId: world.indicators.NL1 });
    expect(list.total).toBe(2);
    expect(list.items.map((m) => m.measuredOn)).toEqual(['2024-12-31', '2024-06-30']);
    expect(list.items[0]?.recorderName).toBe('lead');
    const page = await observer.measurement.list({ indicatorId: world.indicators.NL1, limit: 1 });
    expect(page).toMatchObject({ total: 2, limit: 1 });

    const lead = await callerAs(world, 'lead');
    const latest = list.items[0]?.id ?? 0;
    expect(await lead.measurement.delete({ id: latest })).toEqual({ id: latest });
    expect((await lead.measurement.list({ indicatorId: world.indicators.NL1 })).total).toBe(1);
    const [event] = await auditOf(world, 'measurement', latest);
    expect(event).toMatchObject({ operation: 'delete', oldValue: { value: 25 } });
    expect(await codeOf(lead.measurement.delete({ id: latest }))).toBe('NOT_FOUND');
  });
});
