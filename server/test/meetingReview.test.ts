import { beforeEach, describe, expect, it } from 'vitest';
import { AFTER_WORLD_MEETINGS, buildWorld, callerAs, type World } from './support/world';
import { codeOf } from './support/expectations';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

// The timeline: the world's COPIL is held, work goes on, the next COPIL starts, then more work.
const BETWEEN_MEETINGS = '2025-07-15T12:00:00.000Z';
const NEXT_MEETING_STARTED = '2025-10-02T09:00:00.000Z';
const AFTER_NEXT_MEETING = '2025-10-03T12:00:00.000Z';

const coordinatorNL = (at = AFTER_WORLD_MEETINGS) => callerAs(world, 'coordinatorNL', { at });

/** Marks the world's Nord Lorraine COPIL held (its snapshot is taken) and adds the next one. */
async function heldThenNext(): Promise<number> {
  const coordinator = await coordinatorNL();
  await coordinator.decision.create({
    meetingId: world.meetings.NL,
    text: 'Relancer les EPCI',
    kind: 'information_request',
  });
  await coordinator.meeting.setStatus({ id: world.meetings.NL, version: 1, status: 'held' });
  const next = await coordinator.meeting.create({
    committeeId: world.committees.copilNL,
    scheduledAt: '2025-10-02T08:30:00.000Z',
    mode: 'hybrid',
  });
  return next.id;
}

/** What the leads and the committee do between two meetings. */
async function workSinceHeld(nextMeetingId: number): Promise<void> {
  const lead = await callerAs(world, 'lead', { at: BETWEEN_MEETINGS });
  await lead.action.setStatus({ id: world.actions.NL1a, version: 1, status: 'done' });
  await lead.measurement.create({
    indicatorId: world.indicators.NL1,
    measuredOn: '2025-06-10',
    value: 60,
  });
  const coordinator = await coordinatorNL(BETWEEN_MEETINGS);
  const [taken] = (await coordinator.decision.list({ meetingId: world.meetings.NL })).items;
  await coordinator.decision.update({ id: taken?.id ?? 0, followUpStatus: 'done' });
  // A validation is recorded once the next meeting has started.
  await (
    await coordinatorNL(NEXT_MEETING_STARTED)
  ).decision.create({
    meetingId: nextMeetingId,
    text: 'L’étape est validée',
    kind: 'validation',
    stageId: world.stages.NL1[0] ?? 0,
  });
}

describe('meeting.review', () => {
  it('has no changes for the first meeting of a committee, and shows the live state', async () => {
    const observer = await callerAs(world, 'observerNL');
    const review = await observer.meeting.review({ id: world.meetings.NL });
    expect(review).toMatchObject({
      meeting: {
        id: world.meetings.NL,
        committeeId: world.committees.copilNL,
        committeeKind: 'copil',
        committeeName: 'COPIL Nord Lorraine',
        territoryId: world.territories.NL,
        territoryName: 'Nord Lorraine',
        status: 'planned',
      },
      previous: null,
      frozen: false,
      changes: null,
    });
    expect(review.state.asOf).toBe(world.today);
    expect(review.state.plans.map((p) => p.code)).toEqual(['FA-1', 'FA-2', 'FA-X']);
  });

  it('compares a planned meeting’s live state with the previous meeting’s snapshot', async () => {
    const nextId = await heldThenNext();
    await workSinceHeld(nextId);
    const review = await (await coordinatorNL(NEXT_MEETING_STARTED)).meeting.review({ id: nextId });
    expect(review.previous).toMatchObject({
      id: world.meetings.NL,
      heldAt: '2025-07-01T09:30:00.000Z',
    });
    expect(review.frozen).toBe(false);
    const changes = review.changes;
    expect(changes?.statusChanges).toEqual([
      {
        actionId: world.actions.NL1a,
        title: 'Diagnostic des compétences',
        planId: world.plans.NL1,
        planCode: 'FA-1',
        from: 'in_progress',
        to: 'done',
      },
    ]);
    // NL1a 40 → 100: stage 1 of FA-1 from 40 to 100, the plan from 20 to 50.
    expect(changes?.progressDeltas.map((d) => [d.level, d.before, d.after, d.delta])).toEqual([
      ['stage', 40, 100, 60],
      ['action', 40, 100, 60],
      ['plan', 20, 50, 30],
    ]);
    expect(changes?.newMeasurements).toEqual([
      expect.objectContaining({
        indicatorId: world.indicators.NL1,
        previousValue: 25,
        previousMeasuredOn: '2024-12-31',
        value: 60,
        measuredOn: '2025-06-10',
      }),
    ]);
    expect(changes?.decisionsOpened.map((d) => [d.text, d.followUpStatus])).toEqual([
      ['L’étape est validée', 'todo'],
    ]);
    expect(changes?.decisionsClosed.map((d) => [d.text, d.followUpStatus])).toEqual([
      ['Relancer les EPCI', 'done'],
    ]);
    // Recorded, but a stage's gate is set only once the meeting is held.
    expect(changes?.stagesValidated).toEqual([]);
  });

  it('freezes a held meeting’s review: later work changes nothing', async () => {
    const nextId = await heldThenNext();
    await workSinceHeld(nextId);
    const coordinator = await coordinatorNL(AFTER_NEXT_MEETING);
    await coordinator.meeting.setStatus({ id: nextId, version: 1, status: 'held' });
    const observer = await callerAs(world, 'observerNL');
    const frozen = await observer.meeting.review({ id: nextId });
    expect(frozen.frozen).toBe(true);
    expect(frozen.changes?.statusChanges).toHaveLength(1);
    expect(frozen.changes?.stagesValidated).toEqual([
      expect.objectContaining({ stageId: world.stages.NL1[0], stageKind: 'inventory' }),
    ]);

    const lead = await callerAs(world, 'lead', { at: AFTER_NEXT_MEETING });
    const action = await lead.action.setStatus({
      id: world.actions.NL1b,
      version: 1,
      status: 'blocked',
      comment: 'Attente du financeur',
    });
    expect(action.status).toBe('blocked');
    await lead.measurement.create({
      indicatorId: world.indicators.NL1,
      measuredOn: '2025-06-14',
      value: 70,
    });
    const [open] = (await coordinator.decision.list({ meetingId: nextId })).items;
    await coordinator.decision.update({ id: open?.id ?? 0, followUpStatus: 'done' });
    expect(await observer.meeting.review({ id: nextId })).toEqual(frozen);
    // The first meeting's review is frozen too, and still has nothing to compare with.
    expect((await observer.meeting.review({ id: world.meetings.NL })).changes).toBeNull();
  });

  it('freezes each action’s lead with the meeting', async () => {
    await heldThenNext();
    const actionOf = async () => {
      const review = await (await coordinatorNL()).meeting.review({ id: world.meetings.NL });
      const actions = review.state.plans.flatMap((p) => p.stages.flatMap((s) => s.actions));
      return actions.find((a) => a.id === world.actions.NL1a);
    };
    const lead = await world.db
      .selectFrom('users')
      .select('name')
      .where('id', '=', world.users.lead)
      .executeTakeFirstOrThrow();
    expect((await actionOf())?.ownerName).toBe(lead.name);
    await world.db
      .updateTable('actions')
      .set({ ownerUserId: world.users.otherLead })
      .where('id', '=', world.actions.NL1a)
      .execute();
    expect((await actionOf())?.ownerName).toBe(lead.name);
  });

  it('ignores the meetings of other committees', async () => {
    const coordinator = await coordinatorNL();
    const cotech = await coordinator.committee.create({
      territoryId: world.territories.NL,
      kind: 'cotech',
      name: 'COTECH Nord Lorraine',
    });
    const earlier = await coordinator.meeting.create({
      committeeId: cotech.id,
      scheduledAt: '2025-06-01T12:00:00.000Z',
      mode: 'video',
    });
    await coordinator.meeting.setStatus({ id: earlier.id, version: 1, status: 'held' });
    const chartres = await callerAs(world, 'coordinatorCH', { at: AFTER_WORLD_MEETINGS });
    await chartres.meeting.setStatus({ id: world.meetings.CH, version: 1, status: 'held' });

    const review = await coordinator.meeting.review({ id: world.meetings.NL });
    expect(review.previous).toBeNull();
    expect(review.changes).toBeNull();
    const cotechNext = await coordinator.meeting.create({
      committeeId: cotech.id,
      scheduledAt: '2025-09-01T12:00:00.000Z',
      mode: 'video',
    });
    expect((await coordinator.meeting.review({ id: cotechNext.id })).previous?.id).toBe(earlier.id);
  });

  it('refuses an unknown meeting and a meeting out of scope', async () => {
    const coordinator = await coordinatorNL();
    expect(await codeOf(coordinator.meeting.review({ id: 999_999 }))).toBe('NOT_FOUND');
    expect(await codeOf(coordinator.meeting.review({ id: world.meetings.CH }))).toBe('FORBIDDEN');
  });
});
