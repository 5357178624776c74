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

async function latestMeasurementOfNL1() {
  const observer = await callerAs(world, 'observerNL');
  const list = await observer.measurement.list({ indicatorId: world.indicators.NL1 });
  const latest = list.items[0];
  if (!latest) throw new Error('the world has measurements for NL-1');
  return latest;
}

describe('measurement.update', () => {
  it('lets a coordinator correct a measurement; the corrector becomes its recorder, audited old → new', async () => {
    const latest = await latestMeasurementOfNL1();
    const coordinator = await callerAs(world, 'coordinatorNL');
    const corrected = await coordinator.measurement.update({
      id: latest.id,
      measuredOn: '2024-12-30',
      value: 27,
      source: 'OPCO Grand Est',
      comment: 'Chiffre consolidé',
    });
    expect(corrected).toMatchObject({
      id: latest.id,
      indicatorId: world.indicators.NL1,
      measuredOn: '2024-12-30',
      value: 27,
      source: 'OPCO Grand Est',
      comment: 'Chiffre consolidé',
      recordedBy: world.users.coordinatorNL,
    });

    const list = await coordinator.measurement.list({ indicatorId: world.indicators.NL1 });
    expect(list.items[0]).toMatchObject({ value: 27, recorderName: 'coordinatorNL' });

    const [event] = await auditOf(world, 'measurement', latest.id);
    expect(event).toMatchObject({
      operation: 'update',
      userId: world.users.coordinatorNL,
      oldValue: { measuredOn: '2024-12-31', value: 25, source: 'OPCO', comment: '' },
      newValue: {
        measuredOn: '2024-12-30',
        value: 27,
        source: 'OPCO Grand Est',
        comment: 'Chiffre consolidé',
      },
    });
    // The indicator's track now reads the corrected value.
    const indicator = await coordinator.indicator.byId({ id: world.indicators.NL1 });
    expect(indicator.progress.latest).toMatchObject({ measuredOn: '2024-12-30', value: 27 });
  });

  it('refuses the lead of another plan, other territories, and a date before the baseline', async () => {
    const latest = await latestMeasurementOfNL1();
    const input = { id: latest.id, measuredOn: '2024-12-31', value: 30 };
    const otherLead = await callerAs(world, 'otherLead');
    expect(await codeOf(otherLead.measurement.update(input))).toBe('FORBIDDEN');
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(await codeOf(chartres.measurement.update(input))).toBe('FORBIDDEN');
    const member = await callerAs(world, 'memberNL');
    expect(await codeOf(member.measurement.update(input))).toBe('FORBIDDEN');
    expect(await auditOf(world, 'measurement', latest.id)).toHaveLength(0);

    const lead = await callerAs(world, 'lead');
    expect(
      await codeOf(lead.measurement.update({ ...input, measuredOn: '2023-12-31', value: 30 })),
    ).toBe('BAD_REQUEST');
    expect(await codeOf(lead.measurement.update({ ...input, id: 99_999 }))).toBe('NOT_FOUND');
    expect(await codeOf(lead.measurement.update({ ...input, source: 'x'.repeat(301) }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(lead.measurement.update(input))).toBe('OK');
  });
});

describe('indicators of the territory itself', () => {
  it('are created, listed, measured, corrected and commented within their territory only', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const indicator = await coordinator.indicator.create(territoryIndicator(world.territories.NL));
    expect(indicator).toMatchObject({ planId: null, territoryId: world.territories.NL });

    const measured = await coordinator.measurement.create({
      indicatorId: indicator.id,
      measuredOn: '2025-03-31',
      value: 1040,
      comment: 'Source URSSAF',
    });
    const corrected = await coordinator.measurement.update({
      id: measured.id,
      measuredOn: '2025-03-31',
      value: 1045,
      source: 'URSSAF',
      comment: 'Chiffre révisé',
    });
    expect(corrected.value).toBe(1045);
    const [event] = await auditOf(world, 'measurement', measured.id);
    expect(event).toMatchObject({
      operation: 'update',
      oldValue: { value: 1040 },
      newValue: { value: 1045 },
    });

    // The member reads it among the territory's indicators, with its latest value.
    const member = await callerAs(world, 'memberNL');
    const listed = await member.indicator.list({ territoryId: world.territories.NL });
    expect(listed.items.find((i) => i.id === indicator.id)).toMatchObject({
      planId: null,
      planCode: null,
      progress: { latest: { measuredOn: '2025-03-31', value: 1045 } },
    });
    const comment = await member.comment.create({
      entityType: 'indicator',
      entityId: indicator.id,
      body: 'Quelle source pour 2025 ?',
    });
    expect(comment.authorName).toBe('memberNL');

    // Another territory's coordinator, and a lead, stay out.
    const chartres = await callerAs(world, 'coordinatorCH');
    const lead = await callerAs(world, 'lead');
    const correction = { id: measured.id, measuredOn: '2025-03-31', value: 1 };
    expect(await codeOf(chartres.measurement.update(correction))).toBe('FORBIDDEN');
    expect(await codeOf(lead.measurement.update(correction))).toBe('FORBIDDEN');
    expect(
      await codeOf(
        chartres.measurement.create({
          indicatorId: indicator.id,
          measuredOn: '2025-04-30',
          value: 1,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(await codeOf(chartres.indicator.create(territoryIndicator(world.territories.NL)))).toBe(
      'FORBIDDEN',
    );
    expect(
      await codeOf(chartres.comment.list({ entityType: 'indicator', entityId: indicator.id })),
    ).toBe('FORBIDDEN');
    expect(
      (await chartres.indicator.list({ territoryId: world.territories.NL })).items.map((i) => i.id),
    ).not.toContain(indicator.id);
  });
});

describe('comments on indicators and decisions', () => {
  it('lists them to readers with the author’s name, and lets committee members add one', async () => {
    const member = await callerAs(world, 'memberNL');
    const coordinator = await callerAs(world, 'coordinatorNL');
    const decision = await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Lancer l’étude de foncier',
      kind: 'validation',
    });
    for (const target of [
      { entityType: 'indicator', entityId: world.indicators.NL1 },
      { entityType: 'decision', entityId: decision.id },
    ] as const) {
      await member.comment.create({ ...target, body: 'À revoir en COTECH' });
      const observer = await callerAs(world, 'observerNL');
      const list = await observer.comment.list(target);
      expect(list.items.map((c) => [c.authorName, c.body])).toEqual([
        ['memberNL', 'À revoir en COTECH'],
      ]);
      expect(await codeOf(observer.comment.create({ ...target, body: 'Non' }))).toBe('FORBIDDEN');
    }
  });
});

describe('action.byId', () => {
  it('names the action’s plan, stage and owner', async () => {
    const member = await callerAs(world, 'memberNL');
    const action = await member.action.byId({ id: world.actions.NL1a });
    expect(action).toMatchObject({
      planId: world.plans.NL1,
      planCode: 'FA-1',
      planTitle: 'Plan FA-1',
      stageKind: 'inventory',
    });
    expect(typeof action.ownerName === 'string' || action.ownerName === null).toBe(true);
  });
});
