import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionStatus, DecisionStatus, MeetingStatus } from '@jalon/shared';
import { buildWorld, callerAs, WORLD_CREATED_AT, type World } from './support/world';
import { auditOf, codeOf } from './support/expectations';
import { insertAction as insertActionRow, insertMeeting as insertMeetingRow } from './support/rows';

// The world's Nord Lorraine COPIL meets on 2025-07-01. Out of the box its territory has one
// blocked action (NL-2 a), one overdue action (NL-1 a, due 2025-03-31) and one off-track
// indicator (NL-1: 25 trained on 2024-12-31 where the line from 0 to 120 expects about 40).

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const coordinatorNL = () => callerAs(world, 'coordinatorNL');
const propose = async () =>
  (await coordinatorNL()).agenda.propose({ meetingId: world.meetings.NL });
const keysOf = (proposals: { key: string }[]) => proposals.map((p) => p.key);

const insertMeeting = (
  committeeId: number,
  scheduledAt: string,
  status: MeetingStatus,
  heldAt: string | null = status === 'held' || status === 'minutes_approved' ? scheduledAt : null,
) => insertMeetingRow(world, { committeeId, scheduledAt, status, heldAt });

const insertAction = (
  stageId: number,
  planId: number,
  status: ActionStatus,
  fields: { dueDate?: string | null; archivedAt?: string | null; updatedAt?: string } = {},
) => insertActionRow(world, { stageId, planId, status, ...fields });

async function insertDecision(
  meetingId: number,
  number: number,
  followUpStatus: DecisionStatus,
  dueDate: string | null,
  links: { planId?: number; actionId?: number } = {},
): Promise<number> {
  const row = await world.db
    .insertInto('decisions')
    .values({
      createdAt: WORLD_CREATED_AT,
      updatedAt: WORLD_CREATED_AT,
      meetingId,
      number,
      text: `Décision ${number}`,
      kind: 'arbitration',
      planId: links.planId ?? null,
      stageId: null,
      actionId: links.actionId ?? null,
      ownerName: 'Jeanne Martin',
      dueDate,
      followUpStatus,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const setAction = (id: number, patch: { status?: ActionStatus; dueDate?: string | null }) =>
  world.db.updateTable('actions').set(patch).where('id', '=', id).execute();

describe('agenda.propose', () => {
  it('proposes the blocked, overdue and off-track items of the territory, sorted by reason', async () => {
    const proposals = await propose();
    expect(keysOf(proposals)).toEqual([
      `blocked_action:${world.actions.NL2a}`,
      `overdue_action:${world.actions.NL1a}`,
      `indicator_off_track:${world.indicators.NL1}`,
    ]);
    expect(proposals[1]).toEqual({
      key: `overdue_action:${world.actions.NL1a}`,
      reason: 'overdue_action',
      planId: world.plans.NL1,
      planCode: 'FA-1',
      planTitle: 'Plan FA-1',
      stageId: world.stages.NL1[0],
      stageKind: 'inventory',
      actionId: world.actions.NL1a,
      actionTitle: 'Diagnostic des compétences',
      actionStatus: 'in_progress',
      ownerName: 'lead',
      indicatorId: null,
      indicatorName: null,
      decisionId: null,
      decisionNumber: null,
      decisionText: null,
      dueDate: '2025-03-31',
      lastUpdatedAt: WORLD_CREATED_AT,
      onAgenda: false,
    });
    expect(proposals[2]).toMatchObject({
      reason: 'indicator_off_track',
      planId: world.plans.NL1,
      indicatorId: world.indicators.NL1,
      indicatorName: 'Personnes formées',
      actionId: null,
      onAgenda: false,
    });
    // Chartres's action is not due yet and its indicator has no measurement: nothing to propose,
    // and nothing of Nord Lorraine.
    const chartres = await (
      await callerAs(world, 'coordinatorCH')
    ).agenda.propose({ meetingId: world.meetings.CH });
    expect(chartres).toEqual([]);
  });

  it('tells late from overdue, and leaves out finished, dropped, archived and not-yet-due actions', async () => {
    await setAction(world.actions.NL1b, { status: 'late' });
    const NL2 = world.plans.NL2;
    const stage = world.stages.NL2[1] ?? 0;
    const done = await insertAction(stage, NL2, 'done', { dueDate: '2025-01-31' });
    const dropped = await insertAction(stage, NL2, 'dropped', { dueDate: '2025-01-31' });
    const archived = await insertAction(stage, NL2, 'in_progress', {
      dueDate: '2025-01-31',
      archivedAt: WORLD_CREATED_AT,
    });
    const dueOnTheDay = await insertAction(stage, NL2, 'on_hold', { dueDate: '2025-07-01' });
    const dueTheDayBefore = await insertAction(stage, NL2, 'to_discuss', { dueDate: '2025-06-30' });
    const keys = keysOf(await propose());
    expect(keys).toContain(`late_action:${world.actions.NL1b}`);
    expect(keys).toContain(`overdue_action:${dueTheDayBefore}`);
    for (const id of [done, dropped, archived, dueOnTheDay]) {
      expect(keys.filter((k) => k.endsWith(`_action:${id}`))).toEqual([]);
    }
    // A blocked or late action past its due date is proposed once, for its status.
    await setAction(world.actions.NL1a, { status: 'blocked' });
    const again = keysOf(await propose());
    expect(again.filter((k) => k.endsWith(`_action:${world.actions.NL1a}`))).toEqual([
      `blocked_action:${world.actions.NL1a}`,
    ]);
    expect(again.slice(0, 3)).toEqual([
      `blocked_action:${world.actions.NL1a}`,
      `blocked_action:${world.actions.NL2a}`,
      `late_action:${world.actions.NL1b}`,
    ]);
  });

  it('proposes an indicator only while it is off track, including the territory’s own', async () => {
    await world.db
      .insertInto('measurements')
      .values({
        createdAt: WORLD_CREATED_AT,
        indicatorId: world.indicators.NL1,
        measuredOn: '2025-06-01',
        value: 100,
        source: 'OPCO',
        comment: '',
        recordedBy: null,
      })
      .execute();
    const territorial = await world.db
      .insertInto('indicators')
      .values({
        createdAt: WORLD_CREATED_AT,
        planId: null,
        territoryId: world.territories.NL,
        name: 'Emplois industriels',
        unit: 'emplois',
        kind: 'outcome',
        direction: 'increase',
        baselineValue: 1000,
        baselineDate: '2024-01-01',
        baselineSource: 'URSSAF',
        targetValue: 1200,
        targetDate: '2026-01-01',
        archivedAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await world.db
      .insertInto('measurements')
      .values({
        createdAt: WORLD_CREATED_AT,
        indicatorId: territorial.id,
        measuredOn: '2025-01-01',
        value: 990,
        source: 'URSSAF',
        comment: '',
        recordedBy: null,
      })
      .execute();
    const proposals = await propose();
    const indicators = proposals.filter((p) => p.reason === 'indicator_off_track');
    expect(indicators.map((p) => [p.indicatorId, p.planId])).toEqual([[territorial.id, null]]);
  });

  it('brings back the committee’s open decisions, those falling due first', async () => {
    const earlier = await insertMeeting(
      world.committees.copilNL,
      '2025-03-01T09:00:00.000Z',
      'minutes_approved',
    );
    const due = await insertDecision(earlier, 1, 'todo', '2025-07-01', {
      actionId: world.actions.NL1b,
      planId: world.plans.NL1,
    });
    const lateDecision = await insertDecision(earlier, 2, 'late', '2025-05-01');
    const open = await insertDecision(earlier, 3, 'in_progress', '2025-09-30');
    const undated = await insertDecision(earlier, 4, 'todo', null, { planId: world.plans.NL2 });
    await insertDecision(earlier, 5, 'done', '2025-05-01');
    await insertDecision(earlier, 6, 'cancelled', '2025-05-01');
    // Decisions of another committee, of this meeting and of a later meeting are not brought back.
    await insertDecision(world.meetings.CH, 1, 'todo', '2025-05-01');
    await insertDecision(world.meetings.NL, 7, 'todo', '2025-05-01');
    const later = await insertMeeting(
      world.committees.copilNL,
      '2025-10-01T09:00:00.000Z',
      'planned',
    );
    await insertDecision(later, 8, 'todo', '2025-05-01');

    const proposals = await propose();
    const decisions = proposals.filter((p) => p.decisionId !== null);
    expect(decisions.map((p) => p.key)).toEqual([
      `decision_due:${due}`,
      `decision_due:${lateDecision}`,
      // Within a reason, by plan code; decisions about no plan last.
      `open_decision:${undated}`,
      `open_decision:${open}`,
    ]);
    expect(decisions[0]).toMatchObject({
      decisionNumber: 1,
      decisionText: 'Décision 1',
      ownerName: 'Jeanne Martin',
      dueDate: '2025-07-01',
      planCode: 'FA-1',
      actionId: world.actions.NL1b,
      actionTitle: 'Adapter l’offre de formation',
      actionStatus: 'not_started',
    });
  });

  it('proposes stages that look finished and are not validated yet', async () => {
    const [inventory, adaptation, support] = world.stages.NL1 as [number, number, number];
    const NL1 = world.plans.NL1;
    // Adaptation: NL-1 b plus a done action, once NL-1 b is dropped.
    await insertAction(adaptation, NL1, 'done');
    await setAction(world.actions.NL1b, { status: 'dropped' });
    // Support: only dropped actions and an archived open one.
    await insertAction(support, NL1, 'dropped');
    await insertAction(support, NL1, 'in_progress', { archivedAt: WORLD_CREATED_AT });
    // NL-2's second stage has no action but its end is recorded; its third is already validated.
    await world.db
      .updateTable('stages')
      .set({ actualEnd: '2025-05-31' })
      .where('id', '=', world.stages.NL2[1] ?? 0)
      .execute();
    await world.db
      .updateTable('stages')
      .set({ actualEnd: '2025-05-31', validatedOn: '2025-06-01' })
      .where('id', '=', world.stages.NL2[2] ?? 0)
      .execute();

    const stages = (await propose()).filter((p) => p.reason === 'stage_ready');
    expect(stages.map((p) => p.key)).toEqual([
      `stage_ready:${adaptation}`,
      `stage_ready:${world.stages.NL2[1]}`,
    ]);
    expect(stages[0]).toMatchObject({
      planCode: 'FA-1',
      stageId: adaptation,
      stageKind: 'tool_adaptation',
    });
    expect(stages.map((p) => p.stageId)).not.toContain(inventory);
    expect(stages.map((p) => p.stageId)).not.toContain(support);
  });

  it('proposes the plans not updated since the committee’s previous held meeting', async () => {
    const reasonKeys = async () =>
      keysOf((await propose()).filter((p) => p.reason === 'plan_not_updated'));
    // No previous meeting of this committee: nothing to compare with.
    await insertMeeting(world.committees.copilNL, '2025-04-01T09:00:00.000Z', 'cancelled');
    await insertMeeting(world.committees.copilCH, '2025-04-01T09:00:00.000Z', 'held');
    expect(await reasonKeys()).toEqual([]);

    await insertMeeting(
      world.committees.copilNL,
      '2025-04-01T09:00:00.000Z',
      'held',
      '2025-04-01T11:00:00.000Z',
    );
    const stale = (await propose()).filter((p) => p.reason === 'plan_not_updated');
    expect(stale.map((p) => p.key)).toEqual([
      `plan_not_updated:${world.plans.NL1}`,
      `plan_not_updated:${world.plans.NL2}`,
      `plan_not_updated:${world.plans.SHARED}`,
    ]);
    expect(stale[0]).toMatchObject({ planCode: 'FA-1', lastUpdatedAt: WORLD_CREATED_AT });

    // NL-1: its lead updates an action; NL-2: a stage change is audited; SHARED: only a comment.
    const lead = await callerAs(world, 'lead');
    await lead.action.setStatus({
      id: world.actions.NL1a,
      version: 1,
      status: 'in_progress',
      progress: 60,
    });
    await (
      await coordinatorNL()
    ).stage.update({ id: world.stages.NL2[0] ?? 0, plannedEnd: '2025-12-31' });
    await (
      await coordinatorNL()
    ).comment.create({ entityType: 'plan', entityId: world.plans.SHARED, body: 'À suivre' });
    expect(await reasonKeys()).toEqual([`plan_not_updated:${world.plans.SHARED}`]);

    // A change at exactly the moment of the meeting is not "since".
    await world.db
      .updateTable('plans')
      .set({ updatedAt: '2025-04-01T11:00:00.000Z' })
      .where('id', '=', world.plans.SHARED)
      .execute();
    expect(await reasonKeys()).toEqual([`plan_not_updated:${world.plans.SHARED}`]);
    await world.db
      .updateTable('plans')
      .set({ updatedAt: '2025-04-01T11:00:00.001Z' })
      .where('id', '=', world.plans.SHARED)
      .execute();
    expect(await reasonKeys()).toEqual([]);
  });

  it('leaves out archived plans', async () => {
    await world.db
      .updateTable('plans')
      .set({ archivedAt: WORLD_CREATED_AT })
      .where('id', '=', world.plans.NL2)
      .execute();
    expect(keysOf(await propose())).not.toContain(`blocked_action:${world.actions.NL2a}`);
  });

  it('is for those who prepare the agenda', async () => {
    for (const user of ['lead', 'memberNL', 'observerNL', 'coordinatorCH'] as const) {
      const caller = await callerAs(world, user);
      expect(await codeOf(caller.agenda.propose({ meetingId: world.meetings.NL }))).toBe(
        'FORBIDDEN',
      );
    }
    expect(await codeOf((await coordinatorNL()).agenda.propose({ meetingId: 9999 }))).toBe(
      'NOT_FOUND',
    );
  });
});

describe('agenda.addMany', () => {
  it('appends the kept proposals in order, each audited, and marks them on the agenda', async () => {
    const coordinator = await coordinatorNL();
    await coordinator.agenda.create({ meetingId: world.meetings.NL, title: 'Ouverture' });
    const agenda = await coordinator.agenda.addMany({
      meetingId: world.meetings.NL,
      items: [
        { title: 'Bloqué : cartographie', actionId: world.actions.NL2a },
        { title: 'Indicateurs de FA-1', planId: world.plans.NL1, notes: 'Hors trajectoire' },
      ],
    });
    expect(agenda.map((i) => [i.position, i.title, i.planId, i.actionId])).toEqual([
      [1, 'Ouverture', null, null],
      [2, 'Bloqué : cartographie', world.plans.NL2, world.actions.NL2a],
      [3, 'Indicateurs de FA-1', world.plans.NL1, null],
    ]);
    for (const item of agenda.slice(1)) {
      expect((await auditOf(world, 'agenda_item', item.id)).map((e) => e.operation)).toEqual([
        'create',
      ]);
    }
    const onAgenda = Object.fromEntries((await propose()).map((p) => [p.key, p.onAgenda]));
    expect(onAgenda).toEqual({
      [`blocked_action:${world.actions.NL2a}`]: true,
      // NL-1 a is in plan NL-1, but a plan item is not an item about this action.
      [`overdue_action:${world.actions.NL1a}`]: false,
      [`indicator_off_track:${world.indicators.NL1}`]: true,
    });
  });

  it('marks a stage on the agenda, and not its plan', async () => {
    const coordinator = await coordinatorNL();
    await world.db
      .updateTable('stages')
      .set({ actualEnd: '2025-05-31' })
      .where('id', '=', world.stages.NL1[1] ?? 0)
      .execute();
    await coordinator.agenda.addMany({
      meetingId: world.meetings.NL,
      items: [{ title: 'Valider l’étape 2', stageId: world.stages.NL1[1] ?? 0 }],
    });
    const proposals = await propose();
    expect(proposals.find((p) => p.reason === 'stage_ready')?.onAgenda).toBe(true);
    expect(proposals.find((p) => p.reason === 'indicator_off_track')?.onAgenda).toBe(false);
  });

  it('writes nothing when one item is refused', async () => {
    const coordinator = await coordinatorNL();
    const outside = coordinator.agenda.addMany({
      meetingId: world.meetings.NL,
      items: [
        { title: 'Valable', actionId: world.actions.NL1a },
        { title: 'Fiche de Chartres', planId: world.plans.CH1 },
      ],
    });
    expect(await codeOf(outside)).toBe('BAD_REQUEST');
    const mismatch = coordinator.agenda.addMany({
      meetingId: world.meetings.NL,
      items: [
        { title: 'Incohérent', stageId: world.stages.NL1[2] ?? 0, actionId: world.actions.NL1a },
      ],
    });
    expect(await codeOf(mismatch)).toBe('BAD_REQUEST');
    expect(await coordinator.agenda.list({ meetingId: world.meetings.NL })).toEqual([]);
    expect(await auditOf(world, 'agenda_item', 1)).toEqual([]);
  });

  it('refuses other roles, other territories, bad input and read-only meetings', async () => {
    const items = [{ title: 'Point', actionId: world.actions.NL1a }];
    for (const user of ['memberNL', 'lead', 'coordinatorCH'] as const) {
      const caller = await callerAs(world, user);
      expect(await codeOf(caller.agenda.addMany({ meetingId: world.meetings.NL, items }))).toBe(
        'FORBIDDEN',
      );
    }
    const coordinator = await coordinatorNL();
    expect(
      await codeOf(coordinator.agenda.addMany({ meetingId: world.meetings.NL, items: [] })),
    ).toBe('BAD_REQUEST');
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ title: `Point ${i}` }));
    expect(
      await codeOf(coordinator.agenda.addMany({ meetingId: world.meetings.NL, items: tooMany })),
    ).toBe('BAD_REQUEST');
    expect(
      await codeOf(
        coordinator.agenda.addMany({ meetingId: world.meetings.NL, items: [{ title: ' ' }] }),
      ),
    ).toBe('BAD_REQUEST');

    await world.db
      .updateTable('meetings')
      .set({ status: 'minutes_approved', heldAt: '2025-07-01T09:30:00.000Z' })
      .where('id', '=', world.meetings.NL)
      .execute();
    expect(await codeOf(coordinator.agenda.addMany({ meetingId: world.meetings.NL, items }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(coordinator.agenda.addMany({ meetingId: 9999, items }))).toBe('NOT_FOUND');
  });
});
