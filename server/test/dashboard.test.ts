import { beforeEach, describe, expect, it } from 'vitest';
import { recordAudit, refreshIndicatorLatest, refreshStageRollups } from '@jalon/db';
import {
  STAGE_KINDS,
  indicatorProgress,
  mean,
  nationProgress,
  planProgress,
  regionProgress,
  stageProgress,
  territoryProgress,
  type ActionStatus,
} from '@jalon/shared';
import { buildWorld, callerAs, type World, WORLD_CREATED_AT } from './support/world';
import { codeOf } from './support/expectations';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

type PlanKey = keyof World['plans'];

async function addAction(
  planKey: PlanKey,
  stageIndex: number,
  status: ActionStatus,
  progress: number,
  extra: { dueDate?: string; archivedAt?: string; title?: string } = {},
): Promise<number> {
  const row = await world.db
    .insertInto('actions')
    .values({
      createdAt: WORLD_CREATED_AT,
      updatedAt: WORLD_CREATED_AT,
      planId: world.plans[planKey],
      stageId: world.stages[planKey][stageIndex] ?? 0,
      title: extra.title ?? `${planKey} ${status}`,
      description: '',
      ownerUserId: null,
      status,
      progress,
      statusComment: status === 'blocked' || status === 'late' ? 'Justification' : null,
      startDate: null,
      dueDate: extra.dueDate ?? null,
      completedOn: null,
      archivedAt: extra.archivedAt ?? null,
    })
    .returning(['id', 'planId', 'stageId'])
    .executeTakeFirstOrThrow();
  // Inserted directly: the portfolio's maintained aggregates follow, as the write path keeps them.
  await refreshStageRollups(world.db, [row]);
  return row.id;
}

/** SQL AVG and the pure means may differ in the last bits; null must stay null. */
function expectSameProgress(actual: number | null | undefined, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

describe('dashboard.territoryOverview', () => {
  it('summarises a territory for its committee', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const overview = await coordinator.dashboard.territoryOverview({
      territoryId: world.territories.NL,
    });

    expect(overview.territory).toMatchObject({ name: 'Nord Lorraine', regionName: 'Grand Est' });
    expect(overview.plans.map((p) => p.code)).toEqual(['FA-1', 'FA-2', 'FA-X']);
    const nl1 = overview.plans.find((p) => p.id === world.plans.NL1);
    // NL-1: inventory 40 (in progress), tool adaptation 0 (not started), no support action yet.
    expect(nl1?.stages).toEqual({ inventory: 40, tool_adaptation: 0, support_for_change: null });
    expect(nl1?.progress).toBe(20);
    // The shared plan has no action: no value, and it does not drag the territory down.
    expect(overview.plans.find((p) => p.id === world.plans.SHARED)?.progress).toBeNull();
    expect(overview.progress).toBe(10);

    expect(overview.statusCounts).toEqual({
      not_started: 1,
      in_progress: 1,
      done: 0,
      late: 0,
      on_hold: 0,
      blocked: 1,
      dropped: 0,
      to_discuss: 0,
    });
    expect(overview.overdue.total).toBe(1);
    expect(overview.overdue.items).toEqual([
      expect.objectContaining({
        id: world.actions.NL1a,
        planCode: 'FA-1',
        ownerName: 'lead',
        dueDate: '2025-03-31',
      }),
    ]);
    expect(overview.blocked.total).toBe(1);
    expect(overview.blocked.items[0]).toMatchObject({
      id: world.actions.NL2a,
      planCode: 'FA-2',
      statusComment: 'En attente du financement',
    });

    // 25 people trained on 2024-12-31 where the line from 0 to 120 expects 40: off track.
    expect(overview.indicators.total).toBe(1);
    expect(overview.indicators.byTrack.off_track).toBe(1);
    expect(overview.indicators.offTrack[0]).toMatchObject({
      id: world.indicators.NL1,
      planCode: 'FA-1',
      latest: { measuredOn: '2024-12-31', value: 25 },
      track: 'off_track',
    });

    expect(overview.nextMeeting?.id).toBe(world.meetings.NL);
    expect(overview.nextMeeting?.committeeKind).toBe('copil');
    expect(overview.lastHeldMeeting).toBeNull();
  });

  it('limits each list to listLimit but counts everything', async () => {
    for (const due of ['2025-01-10', '2025-02-10', '2025-05-10'])
      await addAction('NL2', 1, 'late', 30, { dueDate: due });
    const coordinator = await callerAs(world, 'coordinatorNL');
    const overview = await coordinator.dashboard.territoryOverview({
      territoryId: world.territories.NL,
      listLimit: 2,
    });
    expect(overview.overdue.total).toBe(4);
    expect(overview.overdue.items.map((a) => a.dueDate)).toEqual(['2025-01-10', '2025-02-10']);
    expect(overview.overdue.items[0]?.statusComment).toBe('Justification');
    expect(overview.statusCounts.late).toBe(3);
  });

  it('refuses a coordinator of another territory, and answers NOT_FOUND and UNAUTHORIZED', async () => {
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(
      await codeOf(chartres.dashboard.territoryOverview({ territoryId: world.territories.NL })),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(chartres.dashboard.territoryOverview({ territoryId: world.territories.CH })),
    ).toBe('OK');
    const regionGE = await callerAs(world, 'regionGE');
    expect(
      await codeOf(regionGE.dashboard.territoryOverview({ territoryId: world.territories.CL })),
    ).toBe('OK');
    const admin = await callerAs(world, 'admin');
    expect(await codeOf(admin.dashboard.territoryOverview({ territoryId: 9_999 }))).toBe(
      'NOT_FOUND',
    );
    const anonymous = await callerAs(world, null);
    expect(
      await codeOf(anonymous.dashboard.territoryOverview({ territoryId: world.territories.NL })),
    ).toBe('UNAUTHORIZED');
  });

  it('lists recent changes of the territory, newest first, with names and parsed values', async () => {
    // An old event, outside the default 30 days, and a change in Chartres: neither shows.
    await recordAudit(world.db, {
      userId: world.users.lead,
      entityType: 'action',
      entityId: world.actions.NL1a,
      operation: 'update',
      planId: world.plans.NL1,
      newValue: { title: 'Old' },
      occurredAt: '2025-01-02T10:00:00.000Z',
    });
    const chartres = await callerAs(world, 'coordinatorCH');
    await chartres.action.setStatus({ id: world.actions.CH1a, version: 1, status: 'done' });
    // An event recorded on the territory itself.
    await recordAudit(world.db, {
      userId: world.users.coordinatorNL,
      entityType: 'committee',
      entityId: world.committees.copilNL,
      operation: 'update',
      territoryId: world.territories.NL,
      newValue: { name: 'COPIL' },
      occurredAt: '2025-06-01T08:00:00.000Z',
    });

    const coordinator = await callerAs(world, 'coordinatorNL');
    await coordinator.action.setStatus({
      id: world.actions.NL2a,
      version: 1,
      status: 'in_progress',
      progress: 10,
    });
    const overview = await coordinator.dashboard.territoryOverview({
      territoryId: world.territories.NL,
    });
    expect(overview.recentChanges.since).toBe('2025-05-16');
    expect(overview.recentChanges.total).toBe(2);
    expect(overview.recentChanges.items[0]).toMatchObject({
      entityType: 'action',
      entityId: world.actions.NL2a,
      operation: 'status',
      userName: 'coordinatorNL',
      subject: { plan: { id: world.plans.NL2, code: 'FA-2' } },
    });
    expect(overview.recentChanges.items[0]?.changes).toEqual(
      expect.arrayContaining([
        {
          field: 'status',
          from: { kind: 'code', list: 'actionStatus', code: 'blocked' },
          to: { kind: 'code', list: 'actionStatus', code: 'in_progress' },
        },
        {
          field: 'progress',
          from: { kind: 'percent', value: 0 },
          to: { kind: 'percent', value: 10 },
        },
      ]),
    );
    expect(overview.recentChanges.items[1]).toMatchObject({
      entityType: 'committee',
      entityId: world.committees.copilNL,
      subject: { name: 'COPIL Nord Lorraine' },
      changes: [{ field: 'name', from: null, to: { kind: 'text', text: 'COPIL' } }],
    });
    // The status change is now visible in the counts too.
    expect(overview.statusCounts.blocked).toBe(0);
    expect(overview.statusCounts.in_progress).toBe(2);

    const sinceJanuary = await coordinator.dashboard.territoryOverview({
      territoryId: world.territories.NL,
      changesSince: '2025-01-01',
      listLimit: 1,
    });
    expect(sinceJanuary.recentChanges.total).toBe(3);
    expect(sinceJanuary.recentChanges.items).toHaveLength(1);

    // A change to the shared plan is news in both of its territories.
    const clOverview = await (
      await callerAs(world, 'regionGE')
    ).dashboard.territoryOverview({ territoryId: world.territories.CL });
    expect(clOverview.recentChanges.total).toBe(0);
    const sharedAction = await addAction('SHARED', 0, 'in_progress', 20);
    await coordinator.action.setStatus({ id: sharedAction, version: 1, status: 'done' });
    const clAfter = await (
      await callerAs(world, 'regionGE')
    ).dashboard.territoryOverview({ territoryId: world.territories.CL });
    expect(clAfter.recentChanges.items.map((c) => c.entityId)).toEqual([sharedAction]);
  });

  it('keeps a meeting event on a shared plan to its own territory, a plan change to all', async () => {
    // A decision of a Chaumont-Langres meeting about the shared plan: readable only from CL.
    await recordAudit(world.db, {
      userId: world.users.regionGE,
      entityType: 'decision',
      entityId: 1,
      operation: 'create',
      territoryId: world.territories.CL,
      planId: world.plans.SHARED,
      newValue: { text: 'Lancer l’étude' },
      occurredAt: '2025-06-10T10:00:00.000Z',
    });
    // A status change of an action of the shared plan: recorded on the plan, with no territory.
    const sharedAction = await addAction('SHARED', 0, 'in_progress', 20);
    const coordinator = await callerAs(world, 'coordinatorNL');
    await coordinator.action.setStatus({ id: sharedAction, version: 1, status: 'done' });

    const nl = await coordinator.dashboard.territoryOverview({ territoryId: world.territories.NL });
    expect(nl.recentChanges.items.map((c) => c.entityType)).toEqual(['action']);
    expect(nl.recentChanges.total).toBe(1);
    const cl = await (
      await callerAs(world, 'regionGE')
    ).dashboard.territoryOverview({ territoryId: world.territories.CL });
    expect(cl.recentChanges.items.map((c) => c.entityType)).toEqual(['action', 'decision']);
    expect(cl.recentChanges.total).toBe(2);
  });

  it('judges indicators with the shared rule, the last recorded measurement winning a tie', async () => {
    // A second measurement on the latest day, recorded after the first: 50 ≥ 40 expected.
    await world.db
      .insertInto('measurements')
      .values({
        createdAt: WORLD_CREATED_AT,
        indicatorId: world.indicators.NL1,
        measuredOn: '2024-12-31',
        value: 50,
        source: 'OPCO',
        comment: 'Correction',
        recordedBy: null,
      })
      .execute();
    await refreshIndicatorLatest(world.db, [world.indicators.NL1]);
    const definition = await world.db
      .selectFrom('indicators')
      .selectAll()
      .where('id', '=', world.indicators.NL1)
      .executeTakeFirstOrThrow();
    const measurements = await world.db
      .selectFrom('measurements')
      .select(['measuredOn', 'value'])
      .where('indicatorId', '=', world.indicators.NL1)
      .orderBy('id')
      .execute();
    const expected = indicatorProgress(definition, measurements).track;
    expect(expected).toBe('on_track');

    const coordinator = await callerAs(world, 'coordinatorNL');
    const overview = await coordinator.dashboard.territoryOverview({
      territoryId: world.territories.NL,
    });
    expect(overview.indicators.byTrack[expected]).toBe(1);
    expect(overview.indicators.offTrack).toEqual([]);
  });
});

describe('dashboard.portfolio', () => {
  it('shows a regional observer the territories of the region only; a national observer all', async () => {
    const regionGE = await callerAs(world, 'regionGE');
    const regional = await regionGE.dashboard.portfolio({});
    expect(regional.items.map((t) => t.name)).toEqual(['Chaumont-Langres', 'Nord Lorraine']);
    expect(regional.total).toBe(2);
    expect(regional.summary.regions.map((r) => r.regionName)).toEqual(['Grand Est']);
    expect(regional.summary.nation).toBeNull();

    const national = await (await callerAs(world, 'national')).dashboard.portfolio({});
    expect(national.items.map((t) => t.name)).toEqual([
      'Chartres métropole',
      'Chaumont-Langres',
      'Nord Lorraine',
    ]);
    expect(national.summary.nation).not.toBeNull();

    const coordinator = await (await callerAs(world, 'coordinatorNL')).dashboard.portfolio({});
    expect(coordinator.items.map((t) => t.id)).toEqual([world.territories.NL]);
    const outsider = await (await callerAs(world, 'outsider')).dashboard.portfolio({});
    expect(outsider).toMatchObject({ items: [], total: 0 });
    expect(outsider.summary.regions).toEqual([]);
  });

  it('gives each territory its figures', async () => {
    const national = await (await callerAs(world, 'national')).dashboard.portfolio({});
    const nl = national.items.find((t) => t.id === world.territories.NL);
    expect(nl).toMatchObject({
      regionName: 'Grand Est',
      progress: 10,
      planCount: 3,
      overdueCount: 1,
      blockedCount: 1,
      indicatorsOffTrack: 1,
      lastHeldMeetingAt: null,
      nextMeetingAt: '2025-07-01T09:30:00.000Z',
    });
    const ch = national.items.find((t) => t.id === world.territories.CH);
    expect(ch).toMatchObject({ planCount: 1, overdueCount: 0, indicatorsOffTrack: 0 });
    expect(national.summary.indicatorsOffTrack).toBe(1);
  });

  it('sorts, filters by region and paginates in SQL', async () => {
    const national = await callerAs(world, 'national');
    const byOverdue = await national.dashboard.portfolio({ sort: 'overdue', direction: 'desc' });
    expect(byOverdue.items[0]?.id).toBe(world.territories.NL);
    const byProgress = await national.dashboard.portfolio({ sort: 'progress', direction: 'desc' });
    // Chartres 40, Nord Lorraine 10, Chaumont-Langres without a value: last whatever the direction.
    expect(byProgress.items.map((t) => t.id)).toEqual([
      world.territories.CH,
      world.territories.NL,
      world.territories.CL,
    ]);
    const ascending = await national.dashboard.portfolio({ sort: 'progress', direction: 'asc' });
    expect(ascending.items.map((t) => t.id)).toEqual([
      world.territories.NL,
      world.territories.CH,
      world.territories.CL,
    ]);
    const page = await national.dashboard.portfolio({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.items.map((t) => t.name)).toEqual(['Chaumont-Langres']);
    const grandEst = await national.dashboard.portfolio({ regionId: world.regions.GE });
    expect(grandEst.total).toBe(2);
    expect(grandEst.summary.regions.map((r) => r.regionId)).toEqual([world.regions.GE]);
  });

  it('gives a region its figure only to callers who see all of it', async () => {
    // SHARED at 60 puts Nord Lorraine at mean(20, 0, 60) and Chaumont-Langres at 60.
    await addAction('SHARED', 0, 'in_progress', 60);
    const wholeGrandEst = regionProgress([territoryProgress([20, 0, 60]), 60]);

    const member = await (await callerAs(world, 'memberNL')).dashboard.portfolio({});
    expect(member.summary.regions).toEqual([
      { regionId: world.regions.GE, regionName: 'Grand Est', progress: null, partial: true },
    ]);

    const observer = await (await callerAs(world, 'regionGE')).dashboard.portfolio({});
    expect(observer.summary.regions).toHaveLength(1);
    expect(observer.summary.regions[0]).toMatchObject({
      regionId: world.regions.GE,
      partial: false,
    });
    expectSameProgress(observer.summary.regions[0]?.progress, wholeGrandEst);

    // A member of every territory of the region sees it in full as well.
    await world.db
      .insertInto('memberships')
      .values({
        createdAt: WORLD_CREATED_AT,
        userId: world.users.memberNL,
        territoryId: world.territories.CL,
        role: 'observer',
      })
      .execute();
    const both = await (await callerAs(world, 'memberNL')).dashboard.portfolio({});
    expect(both.summary.regions[0]?.partial).toBe(false);
    expectSameProgress(both.summary.regions[0]?.progress, wholeGrandEst);

    const national = await (await callerAs(world, 'national')).dashboard.portfolio({});
    expect(national.summary.regions.map((r) => r.partial)).toEqual([false, false]);
  });

  it('gives no nation figure when narrowed to one region', async () => {
    const national = await callerAs(world, 'national');
    expect((await national.dashboard.portfolio({})).summary.nation).not.toBeNull();
    const grandEst = await national.dashboard.portfolio({ regionId: world.regions.GE });
    expect(grandEst.summary.nation).toBeNull();
    expect(grandEst.summary.regions[0]?.progress).not.toBeNull();
  });
});

describe('dashboard progress figures', () => {
  it('equal the pure roll-ups of @jalon/shared over the same rows', async () => {
    // Nord Lorraine: NL-2's tool-adaptation stage holds only dropped actions, its last stage is
    // empty; an archived action must not count; the shared plan counts in NL and CL alike.
    await addAction('NL2', 1, 'dropped', 60);
    await addAction('NL2', 1, 'dropped', 0);
    await addAction('NL2', 0, 'done', 30);
    await addAction('NL1', 2, 'in_progress', 90, { archivedAt: '2025-05-01T00:00:00.000Z' });
    await addAction('NL1', 2, 'on_hold', 15);
    await addAction('SHARED', 0, 'done', 10);
    await addAction('SHARED', 0, 'in_progress', 50);
    await addAction('SHARED', 2, 'late', 25, { dueDate: '2025-01-01' });
    await addAction('CH1', 1, 'to_discuss', 35);
    await world.db
      .updateTable('plans')
      .set({ axis: 'innovation' })
      .where('id', '=', world.plans.NL2)
      .execute();

    // The pure side, from the raw rows.
    const actions = await world.db
      .selectFrom('actions')
      .select(['planId', 'stageId', 'status', 'progress'])
      .where('archivedAt', 'is', null)
      .execute();
    const stages = await world.db.selectFrom('stages').select(['id', 'planId', 'kind']).execute();
    const links = await world.db.selectFrom('planTerritories').selectAll().execute();
    const plans = await world.db.selectFrom('plans').select(['id', 'axis']).execute();
    const stageValue = (stageId: number) =>
      stageProgress(actions.filter((a) => a.stageId === stageId));
    const planValue = (planId: number) =>
      planProgress(stages.filter((s) => s.planId === planId).map((s) => stageValue(s.id)));
    const territoryValue = (territoryId: number) =>
      territoryProgress(
        links.filter((l) => l.territoryId === territoryId).map((l) => planValue(l.planId)),
      );
    const { NL, CL, CH } = world.territories;

    const national = await callerAs(world, 'national');
    const overview = await national.dashboard.territoryOverview({ territoryId: NL });
    for (const plan of overview.plans) {
      expectSameProgress(plan.progress, planValue(plan.id));
      for (const kind of STAGE_KINDS) {
        const stage = stages.find((s) => s.planId === plan.id && s.kind === kind);
        expectSameProgress(plan.stages[kind], stage ? stageValue(stage.id) : null);
      }
    }
    const nl2 = overview.plans.find((p) => p.id === world.plans.NL2);
    expect(nl2?.stages.tool_adaptation).toBeNull();
    expect(nl2?.stages.support_for_change).toBeNull();
    expectSameProgress(overview.progress, territoryValue(NL));

    const portfolio = await national.dashboard.portfolio({});
    for (const territory of portfolio.items) {
      expectSameProgress(territory.progress, territoryValue(territory.id));
    }
    const ge = portfolio.summary.regions.find((r) => r.regionId === world.regions.GE);
    expectSameProgress(ge?.progress, regionProgress([territoryValue(NL), territoryValue(CL)]));
    expectSameProgress(
      portfolio.summary.nation,
      nationProgress([NL, CL, CH].map((t) => territoryValue(t))),
    );
    for (const axis of portfolio.summary.axes) {
      const axisPlans = plans.filter((p) => p.axis === axis.axis);
      expect(axis.planCount).toBe(axisPlans.length);
      expectSameProgress(axis.progress, mean(axisPlans.map((p) => planValue(p.id))));
    }
    expect(portfolio.summary.axes.map((a) => a.axis)).toEqual(['innovation', 'skills']);

    // The Chaumont-Langres overview sees the shared plan exactly as Nord Lorraine does.
    const cl = await national.dashboard.territoryOverview({ territoryId: CL });
    expectSameProgress(cl.progress, territoryValue(CL));
    expectSameProgress(cl.plans[0]?.progress ?? null, planValue(world.plans.SHARED));
    expect(cl.overdue.total).toBe(1);
  });
});

describe('dashboard.sinceLastMeeting', () => {
  it('compares the last held COPIL with today: done, blocked, indicators back on track, progress', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const copil = await coordinator.meeting.create({
      committeeId: world.committees.copilNL,
      scheduledAt: '2025-06-01T09:00:00.000Z',
      mode: 'in_person',
    });
    await coordinator.meeting.setStatus({ id: copil.id, version: copil.version, status: 'held' });
    const member = await callerAs(world, 'memberNL');
    const before = await member.dashboard.sinceLastMeeting({ territoryId: world.territories.NL });
    expect(before.reference).toMatchObject({ id: copil.id, committeeKind: 'copil' });
    expect(before.movement?.done).toEqual([]);
    expect(before.movement?.progress.delta).toBe(0);

    const lead = await callerAs(world, 'lead');
    await lead.action.setStatus({ id: world.actions.NL1a, version: 1, status: 'done' });
    await lead.action.setStatus({
      id: world.actions.NL1b,
      version: 1,
      status: 'blocked',
      comment: 'Le prestataire a renoncé',
    });
    // 100 people trained by 10 June 2025, above the line from 0 to 120: back on track.
    await lead.measurement.create({
      indicatorId: world.indicators.NL1,
      measuredOn: '2025-06-10',
      value: 100,
    });

    const after = await member.dashboard.sinceLastMeeting({ territoryId: world.territories.NL });
    const movement = after.movement;
    expect(movement?.done.map((a) => a.id)).toEqual([world.actions.NL1a]);
    expect(movement?.blockedOrLate).toEqual([
      expect.objectContaining({
        id: world.actions.NL1b,
        title: 'Adapter l’offre de formation',
        planCode: 'FA-1',
        from: 'not_started',
        to: 'blocked',
        statusComment: 'Le prestataire a renoncé',
      }),
    ]);
    expect(movement?.indicatorsBackOnTrack.map((i) => i.id)).toEqual([world.indicators.NL1]);
    expect(movement?.indicatorsOffTrack).toEqual([]);
    // NL-1 goes from (40 + 0) / 2 = 20 to (100 + 0) / 2 = 50; NL-2 stays at 0: 10 → 25.
    expect(movement?.progress).toEqual({ before: 10, after: 25, delta: 15 });
    expect(after.lastMeetings.copil?.id).toBe(copil.id);
    expect(after.lastMeetings.cotech).toBeNull();
  });

  it('compares with the territory as it stood on a chosen day, rewound from the audit trail', async () => {
    const lead = await callerAs(world, 'lead', { at: '2025-06-10T10:00:00.000Z' });
    await lead.action.setStatus({ id: world.actions.NL1a, version: 1, status: 'done' });
    const member = await callerAs(world, 'memberNL');
    const sinceJune = await member.dashboard.sinceLastMeeting({
      territoryId: world.territories.NL,
      since: '2025-06-01',
    });
    expect(sinceJune.reference).toBeNull();
    expect(sinceJune.since).toBe('2025-06-01');
    expect(sinceJune.movement?.done.map((a) => a.id)).toEqual([world.actions.NL1a]);
    expect(sinceJune.movement?.done[0]?.from).toBe('in_progress');
    expect(sinceJune.movement?.progress).toEqual({ before: 10, after: 25, delta: 15 });

    // After the change, nothing moved; a day after today counts as today.
    const sinceLater = await member.dashboard.sinceLastMeeting({
      territoryId: world.territories.NL,
      since: '2025-06-12',
    });
    expect(sinceLater.movement?.done).toEqual([]);
    const future = await member.dashboard.sinceLastMeeting({
      territoryId: world.territories.NL,
      since: '2030-01-01',
    });
    expect(future.since).toBe(world.today);
    expect(
      await codeOf(
        member.dashboard.sinceLastMeeting({
          territoryId: world.territories.NL,
          since: '2025-02-30',
        }),
      ),
    ).toBe('BAD_REQUEST');
  });

  it('has no reference and no movement for a committee that never met', async () => {
    const member = await callerAs(world, 'memberNL');
    const result = await member.dashboard.sinceLastMeeting({
      territoryId: world.territories.NL,
      committeeKind: 'cotech',
    });
    expect(result).toMatchObject({ reference: null, movement: null });
  });

  it('ignores a planned meeting, and refuses another territory', async () => {
    const member = await callerAs(world, 'memberNL');
    const result = await member.dashboard.sinceLastMeeting({ territoryId: world.territories.NL });
    expect(result.reference).toBeNull();
    expect(
      await codeOf(member.dashboard.sinceLastMeeting({ territoryId: world.territories.CH })),
    ).toBe('FORBIDDEN');
  });
});
