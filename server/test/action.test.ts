import { beforeEach, describe, expect, it } from 'vitest';
import type { TRPCError } from '@trpc/server';
import { listHistory } from '@jalon/db';
import { buildWorld, callerAs, type World } from './support/world';
import { codeOf } from './support/expectations';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

describe('action.list', () => {
  it('pages, counts and filters in SQL, within the caller’s territories', async () => {
    const lead = await callerAs(world, 'lead');
    const all = await lead.action.list({});
    // NL1 (2) + NL2 (1) are in Nord Lorraine; Chartres' action is invisible to a Nord Lorraine lead.
    expect(all.total).toBe(3);
    expect(all.items.map((a) => a.id)).not.toContain(world.actions.CH1a);

    const page = await lead.action.list({ limit: 1, offset: 1, sort: 'title' });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(3);

    const overdue = await lead.action.list({ overdue: true });
    expect(overdue.items.map((a) => a.id)).toEqual([world.actions.NL1a]);
    expect(overdue.items[0]?.overdue).toBe(true);

    const blocked = await lead.action.list({ statuses: ['blocked'] });
    expect(blocked.items.map((a) => a.id)).toEqual([world.actions.NL2a]);

    const mine = await lead.action.list({ mine: true });
    expect(mine.total).toBe(2);

    const search = await lead.action.list({ search: 'FONCIER' });
    expect(search.items.map((a) => a.id)).toEqual([world.actions.NL2a]);
    // LIKE wildcards typed by a user are taken literally.
    expect((await lead.action.list({ search: '%' })).total).toBe(0);
  });

  it('shows a regional observer every territory of the region, and a national observer all', async () => {
    const region = await callerAs(world, 'regionGE');
    expect((await region.action.list({})).total).toBe(3);
    const national = await callerAs(world, 'national');
    expect((await national.action.list({})).total).toBe(4);
  });
});

describe('action.setStatus', () => {
  it('applies the status rules and writes one audit event with old and new values', async () => {
    const lead = await callerAs(world, 'lead');
    const done = await lead.action.setStatus({
      id: world.actions.NL1a,
      version: 1,
      status: 'done',
    });
    expect(done).toMatchObject({
      status: 'done',
      progress: 100,
      completedOn: world.today,
      version: 2,
      overdue: false,
    });

    const history = await listHistory(world.db, {
      entityType: 'action',
      entityId: world.actions.NL1a,
      limit: 10,
      offset: 0,
    });
    expect(history.total).toBe(1);
    expect(history.items[0]).toMatchObject({
      operation: 'status',
      userId: world.users.lead,
      oldValue: { status: 'in_progress', progress: 40, completedOn: null },
      newValue: { status: 'done', progress: 100, completedOn: world.today },
    });
  });

  it('refuses Bloqué without a comment, with a field error', async () => {
    const lead = await callerAs(world, 'lead');
    await expect(
      lead.action.setStatus({ id: world.actions.NL1a, version: 1, status: 'blocked' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const after = await lead.action.byId({ id: world.actions.NL1a });
    expect(after.status).toBe('in_progress');
  });

  it('lets one of two concurrent updates on the same version win; the other gets CONFLICT', async () => {
    const lead = await callerAs(world, 'lead');
    const coordinator = await callerAs(world, 'coordinatorNL');
    const results = await Promise.allSettled([
      lead.action.setStatus({
        id: world.actions.NL1a,
        version: 1,
        status: 'late',
        comment: 'Retard du prestataire',
      }),
      coordinator.action.setStatus({
        id: world.actions.NL1a,
        version: 1,
        status: 'on_hold',
        progress: 50,
      }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect((rejected[0]?.reason as TRPCError).code).toBe('CONFLICT');
    const history = await listHistory(world.db, {
      entityType: 'action',
      entityId: world.actions.NL1a,
      limit: 10,
      offset: 0,
    });
    expect(history.total).toBe(1);
    const stored = await lead.action.byId({ id: world.actions.NL1a });
    expect(stored.version).toBe(2);
  });

  it('refuses a stale version without overwriting anything', async () => {
    const lead = await callerAs(world, 'lead');
    await lead.action.setStatus({
      id: world.actions.NL1a,
      version: 1,
      status: 'in_progress',
      progress: 60,
    });
    expect(
      await codeOf(lead.action.setStatus({ id: world.actions.NL1a, version: 1, status: 'done' })),
    ).toBe('CONFLICT');
    expect((await lead.action.byId({ id: world.actions.NL1a })).progress).toBe(60);
  });

  it('lets a lead update only the plans they lead', async () => {
    const lead = await callerAs(world, 'lead');
    expect(
      await codeOf(
        lead.action.setStatus({ id: world.actions.NL2a, version: 1, status: 'in_progress' }),
      ),
    ).toBe('FORBIDDEN');
    const other = await callerAs(world, 'otherLead');
    expect(
      await codeOf(
        other.action.setStatus({ id: world.actions.NL1a, version: 1, status: 'in_progress' }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND naming the action', async () => {
    const admin = await callerAs(world, 'admin');
    await expect(admin.action.byId({ id: 9999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Action 9999 not found',
    });
  });
});

describe('action.create, update and archive', () => {
  it('creates an action in the stage’s plan and audits it; a lead may not create', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const created = await coordinator.action.create({
      stageId: world.stages.NL2[2] ?? 0,
      title: 'Accompagner les salariés',
      dueDate: '2026-03-31',
    });
    expect(created).toMatchObject({ planId: world.plans.NL2, status: 'not_started', version: 1 });
    const history = await listHistory(world.db, {
      entityType: 'action',
      entityId: created.id,
      limit: 10,
      offset: 0,
    });
    expect(history.items[0]?.operation).toBe('create');

    const lead = await callerAs(world, 'lead');
    expect(
      await codeOf(lead.action.create({ stageId: world.stages.NL1[0] ?? 0, title: 'x' })),
    ).toBe('FORBIDDEN');
  });

  it('updates fields, refuses a stage of another plan and dates in the wrong order', async () => {
    const lead = await callerAs(world, 'lead');
    const updated = await lead.action.update({
      id: world.actions.NL1b,
      version: 1,
      title: 'Adapter l’offre',
      dueDate: '2026-01-31',
    });
    expect(updated).toMatchObject({ title: 'Adapter l’offre', dueDate: '2026-01-31', version: 2 });
    expect(
      await codeOf(
        lead.action.update({
          id: world.actions.NL1b,
          version: 2,
          stageId: world.stages.NL2[0] ?? 0,
        }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await codeOf(
        lead.action.update({ id: world.actions.NL1b, version: 2, startDate: '2027-01-01' }),
      ),
    ).toBe('BAD_REQUEST');
  });

  it('refuses an owner who is not a member of one of the plan’s territories', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const stageId = world.stages.NL2[0] ?? 0;
    // Chartres' coordinator is a member elsewhere; the outsider is a member nowhere.
    for (const user of ['outsider', 'coordinatorCH'] as const) {
      expect(
        await codeOf(
          coordinator.action.create({ stageId, title: 'x', ownerUserId: world.users[user] }),
        ),
      ).toBe('BAD_REQUEST');
      expect(
        await codeOf(
          coordinator.action.update({
            id: world.actions.NL2a,
            version: 1,
            ownerUserId: world.users[user],
          }),
        ),
      ).toBe('BAD_REQUEST');
    }
    // Any role in the territory will do.
    const created = await coordinator.action.create({
      stageId,
      title: 'Recenser les friches',
      ownerUserId: world.users.observerNL,
    });
    expect(created.ownerUserId).toBe(world.users.observerNL);
    const updated = await coordinator.action.update({
      id: world.actions.NL2a,
      version: 1,
      ownerUserId: world.users.memberNL,
    });
    expect(updated.ownerUserId).toBe(world.users.memberNL);
  });

  it('archives an action so it leaves the default list', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    await coordinator.action.archive({ id: world.actions.NL2a, version: 1 });
    const list = await coordinator.action.list({ planId: world.plans.NL2 });
    expect(list.total).toBe(0);
    const withArchived = await coordinator.action.list({
      planId: world.plans.NL2,
      includeArchived: true,
    });
    expect(withArchived.total).toBe(1);
  });
});

describe('archived actions and plans', () => {
  it('refuses every write to an archived action, including a second archive', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const archived = await coordinator.action.archive({ id: world.actions.NL1a, version: 1 });
    const { id, version } = archived;
    expect(await codeOf(coordinator.action.update({ id, version, title: 'x' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(coordinator.action.setStatus({ id, version, status: 'done' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(coordinator.action.archive({ id, version }))).toBe('BAD_REQUEST');
    const stored = await coordinator.action.byId({ id });
    expect(stored).toMatchObject({
      version,
      archivedAt: archived.archivedAt,
      status: 'in_progress',
    });
  });

  it('refuses to create, change or archive the actions of an archived plan', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    await coordinator.plan.archive({ id: world.plans.NL2, version: 1 });
    const id = world.actions.NL2a;
    const refused: (() => Promise<unknown>)[] = [
      () => coordinator.action.create({ stageId: world.stages.NL2[0] ?? 0, title: 'x' }),
      () => coordinator.action.update({ id, version: 1, title: 'x' }),
      () => coordinator.action.setStatus({ id, version: 1, status: 'in_progress' }),
      () => coordinator.action.archive({ id, version: 1 }),
    ];
    for (const call of refused) expect(await codeOf(call())).toBe('BAD_REQUEST');
    await expect(refused[1]?.()).rejects.toMatchObject({
      message: `Plan ${world.plans.NL2} is archived`,
    });
    expect(await coordinator.action.byId({ id })).toMatchObject({ version: 1, archivedAt: null });
  });
});
