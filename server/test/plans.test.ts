import { beforeEach, describe, expect, it } from 'vitest';
import { STAGE_KINDS, planProgress, stageProgress } from '@jalon/shared';
import { buildWorld, callerAs, type World, WORLD_CREATED_AT } from './support/world';
import { auditOf, codeOf } from './support/expectations';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const newPlan = (code: string, territoryIds: number[]) => ({
  code,
  title: 'Campus des métiers de l’industrie',
  axis: 'skills' as const,
  priority: 'medium' as const,
  territoryIds,
});

/** Adds actions whose statuses exercise the roll-up rules (done counts 100, dropped leaves). */
async function addVariedActions() {
  const rows = [
    { stage: world.stages.NL2[0], status: 'done', progress: 60 },
    { stage: world.stages.NL2[1], status: 'in_progress', progress: 25 },
    { stage: world.stages.NL2[1], status: 'dropped', progress: 90 },
    { stage: world.stages.SHARED[2], status: 'dropped', progress: 10 },
    { stage: world.stages.NL1[2], status: 'on_hold', progress: 70 },
  ] as const;
  for (const row of rows) {
    const stage = await world.db
      .selectFrom('stages')
      .select('planId')
      .where('id', '=', row.stage ?? 0)
      .executeTakeFirstOrThrow();
    await world.db
      .insertInto('actions')
      .values({
        createdAt: WORLD_CREATED_AT,
        updatedAt: WORLD_CREATED_AT,
        planId: stage.planId,
        stageId: row.stage ?? 0,
        title: `Action ${row.status}`,
        description: '',
        ownerUserId: null,
        status: row.status,
        progress: row.progress,
        statusComment: null,
        startDate: null,
        dueDate: '2025-01-31',
        completedOn: null,
        archivedAt: null,
      })
      .execute();
  }
}

/** The progress of a plan by the shared pure functions, from its actions as stored. */
async function pureProgress(planId: number): Promise<number | null> {
  const actions = await world.db
    .selectFrom('actions')
    .select(['stageId', 'status', 'progress'])
    .where('planId', '=', planId)
    .where('archivedAt', 'is', null)
    .execute();
  const stages = await world.db
    .selectFrom('stages')
    .select('id')
    .where('planId', '=', planId)
    .execute();
  return planProgress(stages.map((s) => stageProgress(actions.filter((a) => a.stageId === s.id))));
}

describe('plan.list', () => {
  it('lists readable plans with territories, SQL progress and action counts', async () => {
    await addVariedActions();
    const lead = await callerAs(world, 'lead');
    const list = await lead.plan.list({});
    expect(list).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(list.items.map((p) => p.code)).toEqual(['FA-1', 'FA-2', 'FA-X']);
    for (const item of list.items) {
      const expected = await pureProgress(item.id);
      if (expected === null) expect(item.progress).toBeNull();
      else expect(item.progress).toBeCloseTo(expected, 9);
    }
    const shared = list.items.find((p) => p.id === world.plans.SHARED);
    expect(shared?.territories.map((t) => t.name)).toEqual(['Chaumont-Langres', 'Nord Lorraine']);
    expect(shared?.leadOrganisationName).toBe('Eurométropole de Metz');

    const nl2 = list.items.find((p) => p.id === world.plans.NL2);
    expect(nl2?.actionCounts).toMatchObject({ total: 4, overdue: 1 });
    expect(nl2?.actionCounts.byStatus).toMatchObject({
      blocked: 1,
      done: 1,
      in_progress: 1,
      dropped: 1,
      late: 0,
    });
    // NL1a is due 2025-03-31, still in progress on 2025-06-15; the on-hold action is due in January.
    expect(list.items.find((p) => p.id === world.plans.NL1)?.actionCounts.overdue).toBe(2);
  });

  it('filters, sorts (plans without progress last) and paginates in SQL', async () => {
    const national = await callerAs(world, 'national');
    expect((await national.plan.list({ territoryId: world.territories.CH })).items).toEqual([
      expect.objectContaining({ id: world.plans.CH1 }),
    ]);
    expect((await national.plan.list({ search: 'fa-x' })).total).toBe(1);
    expect((await national.plan.list({ axis: 'innovation' })).total).toBe(0);
    const page = await national.plan.list({ sort: 'code', limit: 2, offset: 2 });
    expect(page.total).toBe(4);
    expect(page.items.map((p) => p.code)).toEqual(['FA-2', 'FA-X']);

    const byProgress = await national.plan.list({ sort: 'progress', direction: 'desc' });
    expect(byProgress.items.map((p) => p.id)).toEqual([
      world.plans.CH1, // 40
      world.plans.NL1, // 20
      world.plans.NL2, // 0
      world.plans.SHARED, // no value
    ]);
    const ascending = await national.plan.list({ sort: 'progress' });
    expect(ascending.items.at(-1)?.id).toBe(world.plans.SHARED);

    const chartres = await callerAs(world, 'coordinatorCH');
    expect((await chartres.plan.list({})).items.map((p) => p.id)).toEqual([world.plans.CH1]);
  });
});

describe('plan.byId', () => {
  it('shows a plan with territories, leads, partners, funding and its stages in order', async () => {
    const admin = await callerAs(world, 'admin');
    await admin.fundingLine.create({
      planId: world.plans.NL1,
      funderOrganisationId: world.orgs.bpi,
      scheme: 'Fonds Vert',
      requestedCents: 50_000_00,
      grantedCents: 40_000_00,
      paidCents: 10_000_00,
    });
    await admin.plan.update({
      id: world.plans.NL1,
      version: 1,
      partners: [{ organisationId: world.orgs.region, role: 'cofunder' }],
    });
    const member = await callerAs(world, 'memberNL');
    const plan = await member.plan.byId({ id: world.plans.NL1 });
    expect(plan).toMatchObject({
      code: 'FA-1',
      version: 2,
      territories: [{ id: world.territories.NL, name: 'Nord Lorraine' }],
      leads: [{ userId: world.users.lead, name: 'lead' }],
      partners: [{ organisationId: world.orgs.region, name: 'Région Grand Est', role: 'cofunder' }],
      fundingTotals: { requestedCents: 50_000_00, grantedCents: 40_000_00, paidCents: 10_000_00 },
    });
    expect(plan.fundingLines.map((f) => f.funderName)).toEqual(['Bpifrance']);
    expect(plan.stages.map((s) => [s.kind, s.position])).toEqual([
      ['inventory', 1],
      ['tool_adaptation', 2],
      ['support_for_change', 3],
    ]);
    expect(plan.stages.map((s) => s.progress)).toEqual([40, 0, null]);
    expect(plan.progress).toBeCloseTo(20, 9);
  });

  it('answers FORBIDDEN outside the caller’s territories and NOT_FOUND for a missing plan', async () => {
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(await codeOf(chartres.plan.byId({ id: world.plans.NL1 }))).toBe('FORBIDDEN');
    await expect(chartres.plan.byId({ id: 4242 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Plan 4242 not found',
    });
  });
});

describe('plan.create', () => {
  it('creates a plan with exactly three stages in order, partners and leads, audited', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const created = await coordinator.plan.create({
      ...newPlan('FA-3', [world.territories.NL]),
      partners: [
        { organisationId: world.orgs.bpi, role: 'cofunder' },
        { organisationId: world.orgs.bpi, role: 'cofunder' },
      ],
      leadUserIds: [world.users.otherLead, world.users.coordinatorNL],
    });
    expect(created).toMatchObject({ code: 'FA-3', version: 1, progress: null });
    expect(created.stages.map((s) => s.kind)).toEqual([...STAGE_KINDS]);
    expect(created.stages.map((s) => s.position)).toEqual([1, 2, 3]);
    const stages = await world.db
      .selectFrom('stages')
      .select(['kind', 'position'])
      .where('planId', '=', created.id)
      .orderBy('position')
      .execute();
    expect(stages).toEqual([
      { kind: 'inventory', position: 1 },
      { kind: 'tool_adaptation', position: 2 },
      { kind: 'support_for_change', position: 3 },
    ]);
    expect(created.partners).toHaveLength(1);
    expect(created.leads.map((l) => l.userId).sort()).toEqual(
      [world.users.otherLead, world.users.coordinatorNL].sort(),
    );

    const [event] = await auditOf(world, 'plan', created.id);
    expect(event).toMatchObject({ operation: 'create', userId: world.users.coordinatorNL });
    expect(event?.newValue).toMatchObject({ code: 'FA-3', territoryIds: [world.territories.NL] });
  });

  it('refuses a code already used by a live plan of one of the territories', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    expect(await codeOf(coordinator.plan.create(newPlan('FA-1', [world.territories.NL])))).toBe(
      'CONFLICT',
    );
    expect(await codeOf(coordinator.plan.create(newPlan('fa-x', [world.territories.NL])))).toBe(
      'CONFLICT',
    );
    // The same code in another territory is another fiche action.
    const admin = await callerAs(world, 'admin');
    expect(await codeOf(admin.plan.create(newPlan('FA-2', [world.territories.CH])))).toBe('OK');
  });

  it('refuses leads who are neither leads nor coordinators of the plan’s territories', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    for (const user of [world.users.memberNL, world.users.coordinatorCH]) {
      const attempt = coordinator.plan.create({
        ...newPlan('FA-9', [world.territories.NL]),
        leadUserIds: [user],
      });
      expect(await codeOf(attempt)).toBe('BAD_REQUEST');
    }
    expect(
      await codeOf(
        coordinator.plan.create({
          ...newPlan('FA-9', [world.territories.NL]),
          endDate: '2024-01-01',
          startDate: '2025-01-01',
        }),
      ),
    ).toBe('BAD_REQUEST');
  });

  it('needs manage on every territory: leads and other coordinators are refused', async () => {
    const lead = await callerAs(world, 'lead');
    expect(await codeOf(lead.plan.create(newPlan('FA-9', [world.territories.NL])))).toBe(
      'FORBIDDEN',
    );
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(await codeOf(chartres.plan.create(newPlan('FA-9', [world.territories.NL])))).toBe(
      'FORBIDDEN',
    );
    const coordinator = await callerAs(world, 'coordinatorNL');
    expect(
      await codeOf(
        coordinator.plan.create(newPlan('FA-9', [world.territories.NL, world.territories.CH])),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(coordinator.plan.create(newPlan('FA-9', [world.territories.NL, 999]))),
    ).toBe('NOT_FOUND');
    const created = await world.db
      .selectFrom('plans')
      .select('id')
      .where('code', '=', 'FA-9')
      .execute();
    expect(created).toEqual([]);
  });
});

describe('plan.update and archive', () => {
  it('updates at the expected version, replaces links and audits old → new', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const updated = await coordinator.plan.update({
      id: world.plans.NL2,
      version: 1,
      title: 'Foncier industriel',
      leadUserIds: [world.users.otherLead],
    });
    expect(updated).toMatchObject({ title: 'Foncier industriel', version: 2 });
    expect(updated.leads.map((l) => l.userId)).toEqual([world.users.otherLead]);
    const [event] = await auditOf(world, 'plan', world.plans.NL2);
    expect(event).toMatchObject({
      operation: 'update',
      oldValue: { title: 'Plan FA-2', leadUserIds: [] },
      newValue: { title: 'Foncier industriel', leadUserIds: [world.users.otherLead] },
    });

    expect(
      await codeOf(coordinator.plan.update({ id: world.plans.NL2, version: 1, title: 'Stale' })),
    ).toBe('CONFLICT');
  });

  it('refuses a duplicate code, dates out of order and unmanaged territories', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    expect(
      await codeOf(coordinator.plan.update({ id: world.plans.NL2, version: 1, code: 'FA-1' })),
    ).toBe('CONFLICT');
    // The stored end date is 2026-12-31: a start after it is refused on the merged row.
    expect(
      await codeOf(
        coordinator.plan.update({ id: world.plans.NL2, version: 1, startDate: '2027-06-01' }),
      ),
    ).toBe('BAD_REQUEST');
    // SHARED also lies in Chaumont-Langres, which this coordinator does not manage.
    expect(
      await codeOf(
        coordinator.plan.update({
          id: world.plans.SHARED,
          version: 1,
          territoryIds: [world.territories.NL],
        }),
      ),
    ).toBe('FORBIDDEN');
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(
      await codeOf(chartres.plan.update({ id: world.plans.NL2, version: 1, title: 'X' })),
    ).toBe('FORBIDDEN');
    expect(await codeOf(chartres.plan.update({ id: 999, version: 1, title: 'X' }))).toBe(
      'NOT_FOUND',
    );

    const admin = await callerAs(world, 'admin');
    const moved = await admin.plan.update({
      id: world.plans.SHARED,
      version: 1,
      territoryIds: [world.territories.CL],
    });
    expect(moved.territories.map((t) => t.id)).toEqual([world.territories.CL]);
  });

  it('lets a lead update neither plan fields nor archive the plan', async () => {
    const lead = await callerAs(world, 'lead');
    expect(await codeOf(lead.plan.update({ id: world.plans.NL1, version: 1, title: 'Mine' }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(lead.plan.archive({ id: world.plans.NL1, version: 1 }))).toBe('FORBIDDEN');
  });

  it('archives at the expected version, which frees the code', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    expect(await codeOf(coordinator.plan.archive({ id: world.plans.NL2, version: 7 }))).toBe(
      'CONFLICT',
    );
    const archived = await coordinator.plan.archive({ id: world.plans.NL2, version: 1 });
    expect(archived).toMatchObject({ version: 2 });
    expect(archived.archivedAt).not.toBeNull();
    expect((await auditOf(world, 'plan', world.plans.NL2))[0]?.operation).toBe('archive');
    expect((await coordinator.plan.list({})).items.map((p) => p.id)).not.toContain(world.plans.NL2);
    expect((await coordinator.plan.list({ includeArchived: true })).total).toBe(3);
    expect(await codeOf(coordinator.plan.create(newPlan('FA-2', [world.territories.NL])))).toBe(
      'OK',
    );
  });

  it('refuses to update or archive again an archived plan, keeping its archive date', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const archived = await coordinator.plan.archive({ id: world.plans.NL2, version: 1 });
    const { id, version } = archived;
    expect(await codeOf(coordinator.plan.update({ id, version, title: 'x' }))).toBe('BAD_REQUEST');
    expect(await codeOf(coordinator.plan.archive({ id, version }))).toBe('BAD_REQUEST');
    expect(await coordinator.plan.byId({ id })).toMatchObject({
      version,
      title: 'Plan FA-2',
      archivedAt: archived.archivedAt,
    });
    expect((await auditOf(world, 'plan', id)).map((e) => e.operation)).toEqual(['archive']);
  });
});

describe('stage', () => {
  it('lists the three stages of a readable plan with progress and action counts', async () => {
    const observer = await callerAs(world, 'observerNL');
    const stages = await observer.stage.list({ planId: world.plans.NL1 });
    expect(stages.total).toBe(3);
    expect(stages.items.map((s) => s.id)).toEqual(world.stages.NL1);
    expect(stages.items[0]).toMatchObject({ progress: 40, actionCounts: { total: 1, overdue: 1 } });
    expect(stages.items[2]).toMatchObject({ progress: null, actionCounts: { total: 0 } });
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(await codeOf(chartres.stage.list({ planId: world.plans.NL1 }))).toBe('FORBIDDEN');
    expect(await codeOf(chartres.stage.list({ planId: 999 }))).toBe('NOT_FOUND');
  });

  it('lets the plan’s lead set stage dates, audited, checked on the merged row', async () => {
    const lead = await callerAs(world, 'lead');
    const stageId = world.stages.NL1[0] ?? 0;
    const updated = await lead.stage.update({
      id: stageId,
      plannedStart: '2025-01-01',
      plannedEnd: '2025-06-30',
    });
    expect(updated).toMatchObject({ plannedStart: '2025-01-01', plannedEnd: '2025-06-30' });
    const [event] = await auditOf(world, 'stage', stageId);
    expect(event).toMatchObject({
      operation: 'update',
      userId: world.users.lead,
      oldValue: { plannedStart: null, plannedEnd: null },
      newValue: { plannedStart: '2025-01-01', plannedEnd: '2025-06-30' },
    });

    expect(await codeOf(lead.stage.update({ id: stageId, plannedStart: '2025-07-01' }))).toBe(
      'BAD_REQUEST',
    );
    expect(
      await codeOf(
        lead.stage.update({ id: stageId, actualStart: '2025-03-01', actualEnd: '2025-02-01' }),
      ),
    ).toBe('BAD_REQUEST');
    // Clearing the end lifts the constraint.
    expect(
      await codeOf(
        lead.stage.update({ id: stageId, plannedEnd: null, plannedStart: '2025-07-01' }),
      ),
    ).toBe('OK');
  });

  it('refuses stage dates to leads of other plans, members and other territories', async () => {
    const lead = await callerAs(world, 'lead');
    expect(
      await codeOf(lead.stage.update({ id: world.stages.NL2[0] ?? 0, plannedStart: '2025-01-01' })),
    ).toBe('FORBIDDEN');
    const member = await callerAs(world, 'memberNL');
    expect(
      await codeOf(
        member.stage.update({ id: world.stages.NL1[0] ?? 0, plannedStart: '2025-01-01' }),
      ),
    ).toBe('FORBIDDEN');
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(
      await codeOf(
        chartres.stage.update({ id: world.stages.NL1[0] ?? 0, plannedStart: '2025-01-01' }),
      ),
    ).toBe('FORBIDDEN');
    const coordinator = await callerAs(world, 'coordinatorNL');
    expect(
      await codeOf(
        coordinator.stage.update({ id: world.stages.NL2[0] ?? 0, plannedStart: '2025-01-01' }),
      ),
    ).toBe('OK');
    expect(await codeOf(coordinator.stage.update({ id: 999, plannedStart: '2025-01-01' }))).toBe(
      'NOT_FOUND',
    );
  });
});

describe('fundingLine', () => {
  const line = (planId: number) => ({
    planId,
    funderOrganisationId: world.orgs.bpi,
    scheme: 'France 2030',
    requestedCents: 200_000_00,
    grantedCents: 150_000_00,
    paidCents: 50_000_00,
  });

  it('creates, lists with totals, updates and deletes funding lines, each audited', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const first = await coordinator.fundingLine.create(line(world.plans.NL1));
    await coordinator.fundingLine.create({
      ...line(world.plans.NL1),
      funderOrganisationId: world.orgs.region,
      scheme: 'Région',
      paidCents: 0,
    });
    const member = await callerAs(world, 'memberNL');
    const list = await member.fundingLine.list({ planId: world.plans.NL1, limit: 1 });
    expect(list).toMatchObject({
      total: 2,
      limit: 1,
      offset: 0,
      totals: { requestedCents: 400_000_00, grantedCents: 300_000_00, paidCents: 50_000_00 },
    });
    expect(list.items.map((f) => f.funderName)).toEqual(['Bpifrance']);

    const updated = await coordinator.fundingLine.update({ id: first.id, paidCents: 150_000_00 });
    expect(updated.paidCents).toBe(150_000_00);
    await coordinator.fundingLine.delete({ id: first.id });
    expect((await member.fundingLine.list({ planId: world.plans.NL1 })).total).toBe(1);

    const events = await auditOf(world, 'funding_line', first.id);
    expect(events.map((e) => e.operation)).toEqual(['delete', 'update', 'create']);
    expect(events[1]).toMatchObject({
      oldValue: { paidCents: 50_000_00 },
      newValue: { paidCents: 150_000_00 },
    });
  });

  it('refuses paid above granted, unknown funders and callers without manage', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    expect(
      await codeOf(
        coordinator.fundingLine.create({ ...line(world.plans.NL1), paidCents: 200_000_00 }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await codeOf(
        coordinator.fundingLine.create({ ...line(world.plans.NL1), funderOrganisationId: 999 }),
      ),
    ).toBe('BAD_REQUEST');
    const created = await coordinator.fundingLine.create(line(world.plans.NL1));
    // Lowering granted below what was already paid is refused on the merged row.
    expect(
      await codeOf(coordinator.fundingLine.update({ id: created.id, grantedCents: 10_000_00 })),
    ).toBe('BAD_REQUEST');

    const lead = await callerAs(world, 'lead');
    expect(await codeOf(lead.fundingLine.create(line(world.plans.NL1)))).toBe('FORBIDDEN');
    expect(await codeOf(lead.fundingLine.delete({ id: created.id }))).toBe('FORBIDDEN');
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(await codeOf(chartres.fundingLine.list({ planId: world.plans.NL1 }))).toBe('FORBIDDEN');
    expect(await codeOf(chartres.fundingLine.update({ id: created.id, scheme: 'X' }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(coordinator.fundingLine.delete({ id: 999 }))).toBe('NOT_FOUND');
  });
});

describe('an archived plan', () => {
  it('refuses new stage dates and funding lines', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    await coordinator.plan.archive({ id: world.plans.NL1, version: 1 });
    expect(
      await codeOf(
        coordinator.stage.update({ id: world.stages.NL1[0] ?? 0, plannedStart: '2024-02-01' }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await codeOf(
        coordinator.fundingLine.create({
          planId: world.plans.NL1,
          funderOrganisationId: world.orgs.bpi,
          scheme: 'France 2030',
        }),
      ),
    ).toBe('BAD_REQUEST');
  });
});
