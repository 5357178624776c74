import { beforeEach, describe, expect, it } from 'vitest';
import { AFTER_WORLD_MEETINGS, buildWorld, callerAs, type World } from './support/world';
import { auditOf, codeOf, refusalOf } from './support/expectations';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

/** The coordinator once the world's meetings have started, so they may be marked held. */
const coordinatorNL = () => callerAs(world, 'coordinatorNL', { at: AFTER_WORLD_MEETINGS });

/** Moves the world's Nord Lorraine meeting along its lifecycle; returns its new version. */
async function advance(statuses: ('held' | 'minutes_approved' | 'cancelled')[]): Promise<number> {
  const coordinator = await coordinatorNL();
  let version = 1;
  for (const status of statuses) {
    version = (await coordinator.meeting.setStatus({ id: world.meetings.NL, version, status }))
      .version;
  }
  return version;
}

describe('meeting.list and byId', () => {
  it('lists visible meetings with committee and territory, filtered and paginated', async () => {
    const coordinator = await coordinatorNL();
    await coordinator.meeting.create({
      committeeId: world.committees.copilNL,
      scheduledAt: '2025-09-15T14:00:00.000Z',
      mode: 'video',
    });
    const list = await coordinator.meeting.list({});
    expect(list).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(list.items[0]).toMatchObject({
      id: world.meetings.NL,
      committeeKind: 'copil',
      committeeName: 'COPIL Nord Lorraine',
      territoryId: world.territories.NL,
      status: 'planned',
    });
    const july = await coordinator.meeting.list({ from: '2025-07-01', to: '2025-07-01' });
    expect(july.items.map((m) => m.id)).toEqual([world.meetings.NL]);
    const latestFirst = await coordinator.meeting.list({ direction: 'desc', limit: 1 });
    expect(latestFirst.items[0]?.scheduledAt).toBe('2025-09-15T14:00:00.000Z');
    expect((await coordinator.meeting.list({ statuses: ['held'] })).total).toBe(0);

    const national = await callerAs(world, 'national');
    expect((await national.meeting.list({})).total).toBe(3);
    const chartres = await national.meeting.list({ territoryId: world.territories.CH });
    expect(chartres.items.map((m) => m.id)).toEqual([world.meetings.CH]);
    expect(
      (await national.meeting.list({ committeeId: world.committees.copilCH })).items.map(
        (m) => m.id,
      ),
    ).toEqual([world.meetings.CH]);
  });

  it('gives a meeting with its committee, attendance, agenda and decisions', async () => {
    const coordinator = await coordinatorNL();
    await coordinator.attendance.set({
      meetingId: world.meetings.NL,
      entries: [
        { personName: 'Claire Martin', status: 'present', organisationId: world.orgs.metz },
      ],
    });
    await coordinator.agenda.create({ meetingId: world.meetings.NL, title: 'Point d’étape' });
    await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Lancer l’appel à projets',
      kind: 'arbitration',
    });
    const member = await callerAs(world, 'memberNL');
    const meeting = await member.meeting.byId({ id: world.meetings.NL });
    expect(meeting).toMatchObject({
      territoryId: world.territories.NL,
      committee: { id: world.committees.copilNL, kind: 'copil' },
      attendance: [{ personName: 'Claire Martin', organisationName: 'Eurométropole de Metz' }],
      agenda: [{ title: 'Point d’étape', position: 1 }],
      decisions: [{ number: 1, text: 'Lancer l’appel à projets', followUpStatus: 'todo' }],
    });
  });

  it('forbids a Chartres coordinator everything about Nord Lorraine meetings', async () => {
    const chartres = await callerAs(world, 'coordinatorCH');
    const meetingId = world.meetings.NL;
    expect((await chartres.meeting.list({})).items.map((m) => m.id)).toEqual([world.meetings.CH]);
    const calls: (() => Promise<unknown>)[] = [
      () => chartres.meeting.byId({ id: meetingId }),
      () => chartres.meeting.snapshot({ id: meetingId }),
      () =>
        chartres.meeting.create({
          committeeId: world.committees.copilNL,
          scheduledAt: '2025-09-01T09:00:00Z',
          mode: 'video',
        }),
      () => chartres.meeting.update({ id: meetingId, version: 1, place: 'Chartres' }),
      () => chartres.meeting.setStatus({ id: meetingId, version: 1, status: 'cancelled' }),
      () => chartres.attendance.list({ meetingId }),
      () => chartres.attendance.set({ meetingId, entries: [] }),
      () => chartres.agenda.list({ meetingId }),
      () => chartres.agenda.create({ meetingId, title: 'x' }),
      () => chartres.agenda.reorder({ meetingId, itemIds: [] }),
      () => chartres.decision.create({ meetingId, text: 'x', kind: 'arbitration' }),
    ];
    for (const call of calls) expect(await codeOf(call())).toBe('FORBIDDEN');
    expect((await chartres.decision.list({ meetingId })).total).toBe(0);
  });

  it('lets a committee member comment on a meeting but not create one', async () => {
    const member = await callerAs(world, 'memberNL');
    expect(
      await codeOf(
        member.meeting.create({
          committeeId: world.committees.copilNL,
          scheduledAt: '2025-09-01T09:00:00Z',
          mode: 'video',
        }),
      ),
    ).toBe('FORBIDDEN');
    const comment = await member.comment.create({
      entityType: 'meeting',
      entityId: world.meetings.NL,
      body: 'Merci d’ajouter le point foncier',
    });
    expect(comment).toMatchObject({ userId: world.users.memberNL, authorName: 'memberNL' });
  });
});

describe('meeting.create and update', () => {
  it('creates a planned meeting in UTC and audits it', async () => {
    const coordinator = await coordinatorNL();
    const created = await coordinator.meeting.create({
      committeeId: world.committees.copilNL,
      scheduledAt: '2025-10-02T10:00:00+02:00',
      place: 'Metz',
      mode: 'hybrid',
    });
    expect(created).toMatchObject({
      status: 'planned',
      scheduledAt: '2025-10-02T08:00:00.000Z',
      version: 1,
      heldAt: null,
    });
    const [event] = await auditOf(world, 'meeting', created.id);
    expect(event).toMatchObject({ operation: 'create', newValue: { place: 'Metz' } });
  });

  it('updates at the expected version only, and audits old → new', async () => {
    const coordinator = await coordinatorNL();
    const updated = await coordinator.meeting.update({
      id: world.meetings.NL,
      version: 1,
      place: 'Thionville',
    });
    expect(updated).toMatchObject({ place: 'Thionville', version: 2 });
    expect(
      await codeOf(coordinator.meeting.update({ id: world.meetings.NL, version: 1, place: 'x' })),
    ).toBe('CONFLICT');
    const [event] = await auditOf(world, 'meeting', world.meetings.NL);
    expect(event).toMatchObject({
      operation: 'update',
      oldValue: { place: 'Amnéville' },
      newValue: { place: 'Thionville' },
    });
  });

  it('refuses to update a cancelled meeting', async () => {
    const version = await advance(['cancelled']);
    const coordinator = await coordinatorNL();
    expect(
      await codeOf(coordinator.meeting.update({ id: world.meetings.NL, version, place: 'x' })),
    ).toBe('BAD_REQUEST');
  });
});

describe('meeting.setStatus', () => {
  it('follows planned → held → minutes_approved, audited as status changes', async () => {
    const coordinator = await coordinatorNL();
    const held = await coordinator.meeting.setStatus({
      id: world.meetings.NL,
      version: 1,
      status: 'held',
    });
    // Held on its scheduled time, whenever it is marked.
    expect(held).toMatchObject({ status: 'held', version: 2, heldAt: '2025-07-01T09:30:00.000Z' });
    const approved = await coordinator.meeting.setStatus({
      id: world.meetings.NL,
      version: 2,
      status: 'minutes_approved',
    });
    expect(approved.status).toBe('minutes_approved');
    const events = await auditOf(world, 'meeting', world.meetings.NL);
    expect(events.map((e) => [e.operation, e.newValue?.status])).toEqual([
      ['status', 'minutes_approved'],
      ['status', 'held'],
    ]);
  });

  it('refuses every other transition, and a stale version', async () => {
    const coordinator = await coordinatorNL();
    const id = world.meetings.NL;
    expect(
      await codeOf(coordinator.meeting.setStatus({ id, version: 1, status: 'minutes_approved' })),
    ).toBe('BAD_REQUEST');
    expect(await codeOf(coordinator.meeting.setStatus({ id, version: 1, status: 'planned' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(coordinator.meeting.setStatus({ id, version: 7, status: 'held' }))).toBe(
      'CONFLICT',
    );
    await coordinator.meeting.setStatus({ id, version: 1, status: 'held' });
    for (const status of ['planned', 'held', 'cancelled'] as const) {
      expect(await codeOf(coordinator.meeting.setStatus({ id, version: 2, status }))).toBe(
        'BAD_REQUEST',
      );
    }

    const other = world.meetings.CH;
    const chartres = await callerAs(world, 'coordinatorCH', { at: AFTER_WORLD_MEETINGS });
    await chartres.meeting.setStatus({ id: other, version: 1, status: 'cancelled' });
    for (const status of ['planned', 'held', 'minutes_approved'] as const) {
      expect(await codeOf(chartres.meeting.setStatus({ id: other, version: 2, status }))).toBe(
        'BAD_REQUEST',
      );
    }
    expect(await chartres.meeting.snapshot({ id: other })).toBeNull();
  });

  it('freezes a snapshot when held that later changes do not touch', async () => {
    const coordinator = await coordinatorNL();
    expect(await coordinator.meeting.snapshot({ id: world.meetings.NL })).toBeNull();
    await coordinator.meeting.setStatus({ id: world.meetings.NL, version: 1, status: 'held' });

    const observer = await callerAs(world, 'observerNL');
    const frozen = await observer.meeting.snapshot({ id: world.meetings.NL });
    expect(frozen?.takenAt).toBe(AFTER_WORLD_MEETINGS);
    const snapshot = frozen?.snapshot;
    expect(snapshot?.plans.map((p) => p.code)).toEqual(['FA-1', 'FA-2', 'FA-X']);
    const nl1 = snapshot?.plans[0];
    // NL-1: stage 1 at 40 %, stage 2 at 0 %, stage 3 without actions → plan at 20 %.
    expect(nl1?.progress).toBeCloseTo(20, 5);
    expect(nl1?.stages.map((s) => s.progress)).toEqual([40, 0, null]);
    expect(nl1?.stages[0]?.actions[0]).toMatchObject({
      id: world.actions.NL1a,
      status: 'in_progress',
      progress: 40,
      dueDate: '2025-03-31',
      overdue: true,
    });
    expect(nl1?.indicators[0]).toMatchObject({
      id: world.indicators.NL1,
      latestValue: 25,
      track: 'off_track',
    });
    expect(snapshot?.plans[1]?.stages[0]?.actions[0]).toMatchObject({
      status: 'blocked',
      statusComment: 'En attente du financement',
      overdue: false,
    });

    const lead = await callerAs(world, 'lead');
    await lead.action.setStatus({ id: world.actions.NL1a, version: 1, status: 'done' });
    await lead.measurement.create({
      indicatorId: world.indicators.NL1,
      measuredOn: '2025-06-01',
      value: 60,
    });
    expect(await observer.meeting.snapshot({ id: world.meetings.NL })).toEqual(frozen);
  });
});

describe('a meeting whose minutes are approved', () => {
  it('is read-only, except for the follow-up of its decisions', async () => {
    const coordinator = await coordinatorNL();
    const meetingId = world.meetings.NL;
    const item = await coordinator.agenda.create({ meetingId, title: 'Bilan' });
    const decision = await coordinator.decision.create({
      meetingId,
      text: 'Relancer les EPCI',
      kind: 'information_request',
    });
    const version = await advance(['held', 'minutes_approved']);

    const refused: (() => Promise<unknown>)[] = [
      () => coordinator.meeting.update({ id: meetingId, version, place: 'x' }),
      () => coordinator.attendance.set({ meetingId, entries: [] }),
      () => coordinator.agenda.create({ meetingId, title: 'x' }),
      () => coordinator.agenda.update({ id: item.id, title: 'x' }),
      () => coordinator.agenda.delete({ id: item.id }),
      () => coordinator.agenda.reorder({ meetingId, itemIds: [item.id] }),
      () => coordinator.decision.create({ meetingId, text: 'x', kind: 'arbitration' }),
      () => coordinator.decision.update({ id: decision.id, text: 'Autre chose' }),
      () => coordinator.decision.update({ id: decision.id, kind: 'arbitration' }),
    ];
    for (const call of refused) expect(await codeOf(call())).toBe('BAD_REQUEST');
    await expect(coordinator.agenda.create({ meetingId, title: 'x' })).rejects.toMatchObject({
      message: `Meeting ${meetingId} minutes are approved; it is read-only`,
    });

    const followed = await coordinator.decision.update({
      id: decision.id,
      followUpStatus: 'done',
      ownerName: 'Chef de projet',
      dueDate: '2025-09-30',
    });
    expect(followed).toMatchObject({ followUpStatus: 'done', text: 'Relancer les EPCI' });
  });
});

describe('attendance', () => {
  it('replaces the whole list, members of the committee only, audited', async () => {
    const coordinator = await coordinatorNL();
    const meetingId = world.meetings.NL;
    const member = await coordinator.committeeMember.create({
      committeeId: world.committees.copilNL,
      personName: 'Claire Martin',
      role: 'chair',
    });
    await coordinator.attendance.set({
      meetingId,
      entries: [
        {
          committeeMemberId: member.id,
          personName: 'Claire Martin',
          status: 'represented',
          representedBy: 'Luc',
        },
        { personName: 'Invité Bpifrance', status: 'present', organisationId: world.orgs.bpi },
      ],
    });
    const replaced = await coordinator.attendance.set({
      meetingId,
      entries: [{ committeeMemberId: member.id, personName: 'Claire Martin', status: 'present' }],
    });
    expect(replaced).toMatchObject([{ personName: 'Claire Martin', status: 'present' }]);
    expect(await coordinator.attendance.list({ meetingId })).toHaveLength(1);
    const events = await auditOf(world, 'attendance', meetingId);
    expect(events).toHaveLength(2);
    expect(events[0]?.oldValue?.entries).toHaveLength(2);

    const chartresMember = await (
      await callerAs(world, 'coordinatorCH')
    ).committeeMember.create({
      committeeId: world.committees.copilCH,
      personName: 'X',
      role: 'member',
    });
    expect(
      await codeOf(
        coordinator.attendance.set({
          meetingId,
          entries: [{ committeeMemberId: chartresMember.id, personName: 'X', status: 'present' }],
        }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await codeOf(
        coordinator.attendance.set({
          meetingId,
          entries: [{ personName: 'X', status: 'represented' }],
        }),
      ),
    ).toBe('BAD_REQUEST');
  });
});

describe('agenda', () => {
  it('appends items, links them inside the territory only, updates, reorders and deletes', async () => {
    const coordinator = await coordinatorNL();
    const meetingId = world.meetings.NL;
    const a = await coordinator.agenda.create({ meetingId, title: 'Ouverture' });
    const b = await coordinator.agenda.create({
      meetingId,
      title: 'Diagnostic',
      actionId: world.actions.NL1a,
    });
    const c = await coordinator.agenda.create({
      meetingId,
      title: 'Plan partagé',
      planId: world.plans.SHARED,
    });
    expect([a.position, b.position, c.position]).toEqual([1, 2, 3]);
    // The plan is derived from the linked action.
    expect(b.planId).toBe(world.plans.NL1);

    for (const links of [
      { planId: world.plans.CH1 },
      { actionId: world.actions.CH1a },
      { stageId: world.stages.NL2[0] ?? 0, planId: world.plans.NL1 },
      { stageId: world.stages.NL1[1] ?? 0, actionId: world.actions.NL1a },
    ]) {
      expect(await codeOf(coordinator.agenda.create({ meetingId, title: 'x', ...links }))).toBe(
        'BAD_REQUEST',
      );
    }

    const updated = await coordinator.agenda.update({ id: a.id, notes: 'Mot du président' });
    expect(updated.notes).toBe('Mot du président');

    const reordered = await coordinator.agenda.reorder({ meetingId, itemIds: [c.id, a.id, b.id] });
    expect(reordered.map((i) => i.id)).toEqual([c.id, a.id, b.id]);
    expect(reordered.map((i) => i.position)).toEqual([1, 2, 3]);
    for (const itemIds of [
      [c.id, a.id],
      [c.id, a.id, a.id],
      [c.id, a.id, b.id, 9999],
    ]) {
      expect(await codeOf(coordinator.agenda.reorder({ meetingId, itemIds }))).toBe('BAD_REQUEST');
    }

    await coordinator.agenda.delete({ id: c.id });
    const list = await coordinator.agenda.list({ meetingId });
    expect(list.map((i) => [i.id, i.position])).toEqual([
      [a.id, 1],
      [b.id, 2],
    ]);
    // The item's own edit and creation; the reordering is one event on the meeting.
    expect((await auditOf(world, 'agenda_item', a.id)).map((e) => e.operation)).toEqual([
      'update',
      'create',
    ]);
    expect((await auditOf(world, 'agenda_item', c.id))[0]?.operation).toBe('delete');
    const meetingEvents = await auditOf(world, 'meeting', meetingId);
    const reorders = meetingEvents.filter((e) => e.newValue?.['agendaOrder'] !== undefined);
    expect(reorders.map((e) => e.newValue)).toEqual([{ agendaOrder: [c.title, a.title, b.title] }]);
  });
});

describe('decisions', () => {
  it('numbers decisions within the committee, across its meetings', async () => {
    const coordinator = await coordinatorNL();
    const first = await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Décision A',
      kind: 'arbitration',
    });
    const second = await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Décision B',
      kind: 'reorientation',
      planId: world.plans.NL2,
    });
    const next = await coordinator.meeting.create({
      committeeId: world.committees.copilNL,
      scheduledAt: '2025-10-01T09:00:00Z',
      mode: 'in_person',
    });
    const third = await coordinator.decision.create({
      meetingId: next.id,
      text: 'Décision C',
      kind: 'arbitration',
    });
    expect([first.number, second.number, third.number]).toEqual([1, 2, 3]);
    const chartres = await callerAs(world, 'coordinatorCH');
    const elsewhere = await chartres.decision.create({
      meetingId: world.meetings.CH,
      text: 'Décision Chartres',
      kind: 'arbitration',
    });
    expect(elsewhere.number).toBe(1);
    const [event] = await auditOf(world, 'decision', third.id);
    expect(event).toMatchObject({ operation: 'create', newValue: { number: 3 } });
  });

  it('records a validation during the meeting, and sets the gate when it is held', async () => {
    const coordinator = await coordinatorNL();
    const [first, second] = [world.stages.NL1[0] ?? 0, world.stages.NL1[1] ?? 0];
    const gateOf = (stageId: number) =>
      world.db
        .selectFrom('stages')
        .select(['validatedMeetingId', 'validatedOn'])
        .where('id', '=', stageId)
        .executeTakeFirstOrThrow();
    const decision = await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'État des lieux validé',
      kind: 'validation',
      stageId: first,
    });
    expect(decision.planId).toBe(world.plans.NL1);
    // Still planned: the meeting has validated nothing yet.
    expect(await gateOf(first)).toEqual({ validatedMeetingId: null, validatedOn: null });
    const next = await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Outils validés',
      kind: 'validation',
      stageId: second,
    });

    await advance(['held']);
    // Dated on the meeting's day, not on the day it was marked held.
    const gate = { validatedMeetingId: world.meetings.NL, validatedOn: '2025-07-01' };
    expect(await gateOf(first)).toEqual(gate);
    expect(await gateOf(second)).toEqual(gate);
    const [event] = await auditOf(world, 'stage', first);
    expect(event).toMatchObject({ newValue: { validatedMeetingId: world.meetings.NL } });

    // Stage 2 stands on stage 1: withdrawing stage 1 alone is refused; stage 2 first is fine.
    expect(
      await refusalOf(coordinator.decision.update({ id: decision.id, kind: 'arbitration' })),
    ).toBe('BAD_REQUEST stage_order');
    await coordinator.decision.update({ id: next.id, kind: 'arbitration' });
    expect(await gateOf(second)).toEqual({ validatedMeetingId: null, validatedOn: null });
    expect(await gateOf(first)).toEqual(gate);
    // Held already: a validation recorded now sets the gate at once.
    await coordinator.decision.update({ id: next.id, kind: 'validation' });
    expect(await gateOf(second)).toEqual(gate);

    expect(
      await codeOf(
        coordinator.decision.create({
          meetingId: world.meetings.NL,
          text: 'x',
          kind: 'validation',
          stageId: world.stages.CH1[0] ?? 0,
        }),
      ),
    ).toBe('BAD_REQUEST');
  });

  it('validates a stage only after the stages before it', async () => {
    const coordinator = await coordinatorNL();
    const [first, second, third] = world.stages.NL1;
    const validate = (stageId: number | undefined) =>
      coordinator.decision.create({
        meetingId: world.meetings.NL,
        text: 'Étape validée',
        kind: 'validation',
        stageId: stageId ?? 0,
      });
    expect(await refusalOf(validate(third))).toBe('BAD_REQUEST stage_order');
    expect(await refusalOf(validate(second))).toBe('BAD_REQUEST stage_order');
    // Stage 1 has no stage before it; then stage 2 may follow in the same meeting.
    expect(await refusalOf(validate(first))).toBe('OK');
    expect(await refusalOf(validate(second))).toBe('OK');
    expect(await refusalOf(validate(third))).toBe('OK');
    const arbitration = await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Arbitrage',
      kind: 'arbitration',
      stageId: third ?? 0,
    });
    // Turning a decision into a validation follows the same rule: stages 1 and 2 are validated here.
    expect(
      await refusalOf(coordinator.decision.update({ id: arbitration.id, kind: 'validation' })),
    ).toBe('OK');
    expect(await auditOf(world, 'stage', first ?? 0)).toHaveLength(0);
  });

  it('refuses a validation in a meeting that has not started yet', async () => {
    const early = await callerAs(world, 'coordinatorNL');
    expect(
      await refusalOf(
        early.decision.create({
          meetingId: world.meetings.NL,
          text: 'État des lieux validé',
          kind: 'validation',
          stageId: world.stages.NL1[0] ?? 0,
        }),
      ),
    ).toBe('BAD_REQUEST meeting_not_started');
    // Other decisions may be prepared before the meeting.
    expect(
      await refusalOf(
        early.decision.create({ meetingId: world.meetings.NL, text: 'x', kind: 'arbitration' }),
      ),
    ).toBe('OK');
  });

  it('updates follow-ups with an audit event, and lists with filters', async () => {
    const coordinator = await coordinatorNL();
    const decision = await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Saisir la Région',
      kind: 'information_request',
      planId: world.plans.NL1,
      ownerName: 'Chef de projet',
      dueDate: '2025-08-31',
    });
    await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Autre',
      kind: 'arbitration',
    });
    await advance(['held']);
    const updated = await coordinator.decision.update({
      id: decision.id,
      followUpStatus: 'in_progress',
    });
    expect(updated.followUpStatus).toBe('in_progress');
    const [event] = await auditOf(world, 'decision', decision.id);
    expect(event).toMatchObject({
      operation: 'update',
      oldValue: { followUpStatus: 'todo' },
      newValue: { followUpStatus: 'in_progress' },
    });

    const observer = await callerAs(world, 'regionGE');
    const all = await observer.decision.list({});
    expect(all).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(all.items[0]).toMatchObject({
      committeeName: 'COPIL Nord Lorraine',
      meetingScheduledAt: '2025-07-01T09:30:00.000Z',
      territoryId: world.territories.NL,
    });
    const open = await observer.decision.list({ followUpStatuses: ['in_progress'] });
    expect(open.items.map((d) => d.id)).toEqual([decision.id]);
    const ofPlan = await observer.decision.list({ planId: world.plans.NL1 });
    expect(ofPlan.items.map((d) => d.planCode)).toEqual(['FA-1']);
    expect((await observer.decision.list({ committeeId: world.committees.copilCH })).total).toBe(0);
    expect((await observer.decision.list({ limit: 1, offset: 1 })).items).toHaveLength(1);

    const lead = await callerAs(world, 'lead');
    expect(await codeOf(lead.decision.update({ id: decision.id, followUpStatus: 'done' }))).toBe(
      'FORBIDDEN',
    );
  });

  it('lists decisions of the given kinds only, with their total', async () => {
    const coordinator = await coordinatorNL();
    const arbitration = await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Arbitrer',
      kind: 'arbitration',
    });
    const abandonment = await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Abandonner',
      kind: 'abandonment',
    });
    await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Réorienter',
      kind: 'reorientation',
    });
    const some = await coordinator.decision.list({ kinds: ['arbitration', 'abandonment'] });
    expect(some.total).toBe(2);
    expect(some.items.map((d) => d.id)).toEqual([arbitration.id, abandonment.id]);
    expect((await coordinator.decision.list({ kinds: ['validation'] })).total).toBe(0);
    expect((await coordinator.decision.list({ kinds: [] })).total).toBe(3);
  });
});

describe('a cancelled meeting', () => {
  it('never validates anything, and leaves other meetings’ gates', async () => {
    const coordinator = await coordinatorNL();
    const [earlierStage, cancelledStage] = [world.stages.NL1[0] ?? 0, world.stages.NL1[1] ?? 0];
    const earlier = await coordinator.meeting.create({
      committeeId: world.committees.copilNL,
      scheduledAt: '2025-06-01T09:00:00.000Z',
      mode: 'video',
    });
    await coordinator.decision.create({
      meetingId: earlier.id,
      text: 'État des lieux validé',
      kind: 'validation',
      stageId: earlierStage,
    });
    await coordinator.meeting.setStatus({ id: earlier.id, version: 1, status: 'held' });
    await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Plan d’action validé',
      kind: 'validation',
      stageId: cancelledStage,
    });

    await advance(['cancelled']);
    const gateOf = (stageId: number) =>
      world.db
        .selectFrom('stages')
        .select(['validatedMeetingId', 'validatedOn'])
        .where('id', '=', stageId)
        .executeTakeFirstOrThrow();
    expect(await gateOf(cancelledStage)).toEqual({ validatedMeetingId: null, validatedOn: null });
    expect(await auditOf(world, 'stage', cancelledStage)).toHaveLength(0);
    expect(await gateOf(earlierStage)).toEqual({
      validatedMeetingId: earlier.id,
      validatedOn: '2025-06-01',
    });
    expect(await auditOf(world, 'stage', earlierStage)).toHaveLength(1);
  });

  it('refuses any change to its decisions, follow-ups included', async () => {
    const coordinator = await coordinatorNL();
    const decision = await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Relancer les EPCI',
      kind: 'information_request',
    });
    await advance(['cancelled']);
    expect(
      await codeOf(coordinator.decision.update({ id: decision.id, followUpStatus: 'done' })),
    ).toBe('BAD_REQUEST');
    expect(
      await codeOf(coordinator.decision.update({ id: decision.id, ownerName: 'Chef de projet' })),
    ).toBe('BAD_REQUEST');
    expect(await auditOf(world, 'decision', decision.id)).toHaveLength(1);
  });
});

describe('marking a meeting held', () => {
  it('is refused before the meeting starts, and allowed from its scheduled time', async () => {
    const before = await callerAs(world, 'coordinatorNL', { at: '2025-07-01T09:29:59.999Z' });
    expect(
      await refusalOf(
        before.meeting.setStatus({ id: world.meetings.NL, version: 1, status: 'held' }),
      ),
    ).toBe('BAD_REQUEST meeting_not_started');
    expect(await before.meeting.snapshot({ id: world.meetings.NL })).toBeNull();
    const onTime = await callerAs(world, 'coordinatorNL', { at: '2025-07-01T09:30:00.000Z' });
    const held = await onTime.meeting.setStatus({
      id: world.meetings.NL,
      version: 1,
      status: 'held',
    });
    expect(held).toMatchObject({ status: 'held', heldAt: '2025-07-01T09:30:00.000Z' });
  });

  it('fixes the time of a held meeting: it is the date of record', async () => {
    const version = await advance(['held']);
    const coordinator = await coordinatorNL();
    expect(
      await refusalOf(
        coordinator.meeting.update({
          id: world.meetings.NL,
          version,
          scheduledAt: '2025-06-20T09:30:00.000Z',
        }),
      ),
    ).toBe('BAD_REQUEST held_meeting_moved');
    const kept = await coordinator.meeting.update({
      id: world.meetings.NL,
      version,
      scheduledAt: '2025-07-01T11:30:00+02:00',
      place: 'Metz',
    });
    expect(kept).toMatchObject({ scheduledAt: '2025-07-01T09:30:00.000Z', place: 'Metz' });
  });

  it('late freezes the state at the scheduled time, not when it was marked', async () => {
    // Before the meeting: the lead moves NL-1a to 50 %.
    const leadBefore = await callerAs(world, 'lead');
    await leadBefore.action.setStatus({
      id: world.actions.NL1a,
      version: 1,
      status: 'in_progress',
      progress: 50,
    });
    // During the meeting, a decision; after it started, the lead blocks NL-1a and measures.
    const during = await callerAs(world, 'coordinatorNL', { at: '2025-07-01T10:00:00.000Z' });
    await during.decision.create({
      meetingId: world.meetings.NL,
      text: 'Relancer les EPCI',
      kind: 'information_request',
    });
    const leadAfter = await callerAs(world, 'lead', { at: '2025-07-01T11:00:00.000Z' });
    await leadAfter.action.setStatus({
      id: world.actions.NL1a,
      version: 2,
      status: 'blocked',
      progress: 55,
      comment: 'Prestataire défaillant',
    });
    await leadAfter.measurement.create({
      indicatorId: world.indicators.NL1,
      measuredOn: '2025-07-01',
      value: 60,
    });

    // Marked held two days later.
    const late = await callerAs(world, 'coordinatorNL', { at: '2025-07-03T16:00:00.000Z' });
    const held = await late.meeting.setStatus({
      id: world.meetings.NL,
      version: 1,
      status: 'held',
    });
    expect(held.heldAt).toBe('2025-07-01T09:30:00.000Z');
    const frozen = await late.meeting.snapshot({ id: world.meetings.NL });
    expect(frozen?.takenAt).toBe('2025-07-03T16:00:00.000Z');
    const snapshot = frozen?.snapshot;
    expect(snapshot?.asOf).toBe('2025-07-01');
    const nl1 = snapshot?.plans.find((p) => p.id === world.plans.NL1);
    expect(nl1?.stages[0]?.actions.find((a) => a.id === world.actions.NL1a)).toMatchObject({
      status: 'in_progress',
      progress: 50,
      statusComment: null,
    });
    expect(nl1?.stages[0]?.progress).toBe(50);
    expect(nl1?.indicators.find((i) => i.id === world.indicators.NL1)).toMatchObject({
      latestValue: 25,
    });
    expect(snapshot?.decisions.map((d) => d.text)).toEqual(['Relancer les EPCI']);
  });
});
