import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, listTerritoryHistory, recordAudit, seedDemo } from '@jalon/db';
import { auditFieldKind, type AuditFieldChange } from '@jalon/shared';
import { buildWorld, callerAs, type World } from './support/world';
import { codeOf } from './support/expectations';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

type Entry = { entityType: string; entityId: number; changes: AuditFieldChange[] };
const changeOf = (entry: Entry | undefined, field: string) =>
  entry?.changes.find((c) => c.field === field);

describe('history.forPlan', () => {
  it('tells the plan’s story with its stages, actions, indicators and measurements, by name', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const lead = await callerAs(world, 'lead');
    const [inventory, tools] = world.stages.NL1;
    await coordinator.action.update({
      id: world.actions.NL1a,
      version: 1,
      ownerUserId: world.users.otherLead,
      stageId: tools,
    });
    await lead.action.setStatus({
      id: world.actions.NL1a,
      version: 2,
      status: 'blocked',
      comment: 'Attente du financement régional',
    });
    await coordinator.stage.update({ id: inventory ?? 0, plannedEnd: '2025-09-30' });
    await coordinator.indicator.update({ id: world.indicators.NL1, targetValue: 250 });
    await lead.measurement.create({
      indicatorId: world.indicators.NL1,
      measuredOn: '2025-06-01',
      value: 42,
    });
    const plan = await coordinator.plan.byId({ id: world.plans.NL1 });
    await coordinator.plan.update({
      id: world.plans.NL1,
      version: plan.version,
      leadOrganisationId: world.orgs.bpi,
    });
    // Another plan's change is not this plan's history.
    await coordinator.action.setStatus({
      id: world.actions.NL2a,
      version: 1,
      status: 'in_progress',
    });

    const member = await callerAs(world, 'memberNL');
    const history = await member.history.forPlan({ planId: world.plans.NL1, limit: 50 });
    expect(history.total).toBe(6);
    expect(history.items.map((e) => e.entityType)).toEqual([
      'plan',
      'measurement',
      'indicator',
      'stage',
      'action',
      'action',
    ]);
    expect(
      history.items.some((e) => e.entityType === 'action' && e.entityId === world.actions.NL2a),
    ).toBe(false);
    const [planEvent, measurement, indicator, stage, status, update] = history.items;

    expect(update?.subject).toMatchObject({
      name: 'Diagnostic des compétences',
      plan: { id: world.plans.NL1, code: 'FA-1' },
    });
    expect(changeOf(update, 'ownerUserId')).toEqual({
      field: 'ownerUserId',
      from: { kind: 'names', names: ['lead'] },
      to: { kind: 'names', names: ['otherLead'] },
    });
    expect(changeOf(update, 'stageId')?.to).toEqual({
      kind: 'code',
      list: 'stageKind',
      code: 'tool_adaptation',
    });
    expect(status).toMatchObject({
      operation: 'status',
      userName: 'lead',
      comment: 'Attente du financement régional',
    });
    expect(changeOf(status, 'status')?.to).toMatchObject({ code: 'blocked' });
    expect(stage?.subject.stageKind).toBe('inventory');
    expect(changeOf(stage, 'plannedEnd')?.to).toEqual({ kind: 'date', iso: '2025-09-30' });
    expect(indicator?.subject.name).toBe('Personnes formées');
    expect(measurement?.subject.name).toBe('Personnes formées');
    expect(changeOf(measurement, 'recordedBy')?.to).toEqual({ kind: 'names', names: ['lead'] });
    expect(changeOf(measurement, 'indicatorId')?.to).toEqual({
      kind: 'names',
      names: ['Personnes formées'],
    });
    expect(changeOf(planEvent, 'leadOrganisationId')).toEqual({
      field: 'leadOrganisationId',
      from: { kind: 'names', names: ['Eurométropole de Metz'] },
      to: { kind: 'names', names: ['Bpifrance'] },
    });

    // Paged: the second page continues where the first stopped.
    const second = await member.history.forPlan({ planId: world.plans.NL1, limit: 4, offset: 4 });
    expect(second.items.map((e) => e.id)).toEqual(history.items.slice(4).map((e) => e.id));
  });

  it('is readable by whoever may read the plan, and no one else', async () => {
    for (const user of ['coordinatorCH', 'outsider'] as const) {
      const caller = await callerAs(world, user);
      expect(await codeOf(caller.history.forPlan({ planId: world.plans.NL1 }))).toBe('FORBIDDEN');
    }
    const regional = await callerAs(world, 'regionGE');
    expect(await codeOf(regional.history.forPlan({ planId: world.plans.NL1 }))).toBe('OK');
  });
});

describe('history.forTerritory', () => {
  it('shows an agenda reordering as one entry, so it never crowds out real changes', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const meetingId = world.meetings.NL;
    const items = [];
    for (const title of ['Ouverture', 'Point FA-1', 'Questions diverses'])
      items.push(await coordinator.agenda.create({ meetingId, title }));
    const [a, b, c] = items.map((i) => i.id) as [number, number, number];
    await coordinator.agenda.reorder({ meetingId, itemIds: [c, a, b] });
    await coordinator.agenda.reorder({ meetingId, itemIds: [a, b, c] });
    // Events written one per item before reorderings were one event are left out too.
    for (const [id, position] of [
      [a, 2],
      [b, 3],
    ] as const) {
      await recordAudit(world.db, {
        userId: world.users.coordinatorNL,
        entityType: 'agenda_item',
        entityId: id,
        operation: 'update',
        territoryId: world.territories.NL,
        oldValue: { position: position - 1 },
        newValue: { position },
        occurredAt: `${world.today}T12:30:00.000Z`,
      });
    }
    await coordinator.action.setStatus({ id: world.actions.NL1a, version: 1, status: 'done' });

    const member = await callerAs(world, 'memberNL');
    const page = await member.history.forTerritory({
      territoryId: world.territories.NL,
      since: '2025-06-01',
      limit: 3,
    });
    expect(page.total).toBe(6);
    expect(page.items.map((e) => [e.entityType, e.reordered])).toEqual([
      ['action', false],
      ['meeting', true],
      ['meeting', true],
    ]);
    expect(page.items[1]?.changes).toEqual([]);
    expect(page.items[1]?.subject.meeting?.committeeName).toBe('COPIL Nord Lorraine');
    const rest = await member.history.forTerritory({
      territoryId: world.territories.NL,
      since: '2025-06-01',
      limit: 3,
      offset: 3,
    });
    expect(rest.items.map((e) => [e.entityType, e.operation, e.subject.name])).toEqual([
      ['agenda_item', 'create', 'Questions diverses'],
      ['agenda_item', 'create', 'Point FA-1'],
      ['agenda_item', 'create', 'Ouverture'],
    ]);
    expect(
      await codeOf(
        (await callerAs(world, 'coordinatorCH')).history.forTerritory({
          territoryId: world.territories.NL,
          since: '2025-06-01',
        }),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('history of the demo dataset', () => {
  it('records only registered fields, and reads every change with its item named', async () => {
    const db = await createTestDb();
    await seedDemo(db, { passwordHash: 'not-a-real-hash', today: '2025-06-15' });
    const events = await db
      .selectFrom('auditEvents')
      .select(['entityType', 'oldValue', 'newValue'])
      .execute();
    expect(events.length).toBeGreaterThan(0);
    const unregistered = new Set<string>();
    for (const e of events)
      for (const json of [e.oldValue, e.newValue])
        for (const field of Object.keys(json === null ? {} : (JSON.parse(json) as object)))
          if (auditFieldKind(e.entityType, field) === null)
            unregistered.add(`${e.entityType}.${field}`);
    expect([...unregistered]).toEqual([]);

    const territories = await db.selectFrom('territories').select('id').execute();
    let read = 0;
    for (const { id } of territories) {
      const page = await listTerritoryHistory(db, {
        territoryId: id,
        since: '2000-01-01',
        limit: 200,
        offset: 0,
      });
      for (const entry of page.items) {
        read += 1;
        if (entry.entityType === 'action') {
          expect(entry.subject.name).toBeTruthy();
          expect(entry.subject.plan?.title).toBeTruthy();
        }
      }
    }
    expect(read).toBeGreaterThan(0);
    await db.destroy();
  });
});
