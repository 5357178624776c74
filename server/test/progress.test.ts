import { beforeEach, describe, expect, it } from 'vitest';
import { findMeetingSnapshot } from '@jalon/db';
import { buildWorld, callerAs, type World } from './support/world';
import { codeOf } from './support/expectations';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

/** Acts as the coordinator of Nord Lorraine on `day`. */
async function coordinatorOn(day: string) {
  world.today = day;
  return callerAs(world, 'coordinatorNL');
}

describe('progress over time, on what the app itself recorded', () => {
  it('agrees with the snapshot a held meeting took, whether read from it or from the audit trail', async () => {
    const [first, second] = world.stages.NL1;
    let coordinator = await coordinatorOn('2025-02-01');
    const created = await coordinator.action.create({
      stageId: first ?? 0,
      title: 'Cartographie des compétences',
      status: 'in_progress',
      progress: 20,
      startDate: '2025-02-01',
      dueDate: '2025-05-31',
    });
    coordinator = await coordinatorOn('2025-02-10');
    const moved = await coordinator.action.setStatus({
      id: created.id,
      version: created.version,
      status: 'in_progress',
      progress: 40,
    });

    // The COPIL is brought forward to the morning of 1 March, and marked held that day.
    const brought = await coordinator.meeting.update({
      id: world.meetings.NL,
      version: 1,
      scheduledAt: '2025-03-01T09:00:00.000Z',
    });
    coordinator = await coordinatorOn('2025-03-01');
    await coordinator.meeting.setStatus({
      id: world.meetings.NL,
      version: brought.version,
      status: 'held',
    });

    // After the meeting: more progress, a move to the next stage, an action archived.
    coordinator = await coordinatorOn('2025-04-01');
    const later = await coordinator.action.setStatus({
      id: moved.id,
      version: moved.version,
      status: 'in_progress',
      progress: 80,
    });
    await coordinator.action.update({ id: later.id, version: later.version, stageId: second });
    const archived = await coordinator.action.byId({ id: world.actions.NL1a });
    await coordinator.action.archive({ id: archived.id, version: archived.version });

    const member = await (async () => {
      world.today = '2025-06-15';
      return callerAs(world, 'memberNL');
    })();
    const frozen = await findMeetingSnapshot(world.db, world.meetings.NL);
    const snapshotPlans = frozen?.snapshot.plans.map((p) => [p.id, p.progress]);
    expect(snapshotPlans?.length).toBeGreaterThan(0);

    const fromSnapshot = await member.progress.territoryAt({
      territoryId: world.territories.NL,
      at: '2025-03-01',
    });
    expect(fromSnapshot.then.plans.map((p) => [p.id, p.progress])).toEqual(snapshotPlans);
    expect(fromSnapshot.now.plans.map((p) => [p.id, p.progress])).not.toEqual(snapshotPlans);

    // Without the snapshot, the audit trail alone gives the same day.
    await world.db.deleteFrom('meetingSnapshots').execute();
    const fromAudit = await member.progress.territoryAt({
      territoryId: world.territories.NL,
      at: '2025-03-01',
    });
    expect(fromAudit.then).toEqual(fromSnapshot.then);

    const series = await member.progress.territorySeries({ territoryId: world.territories.NL });
    const meetingPoint = series.points.find((p) => p.day === '2025-03-01');
    expect(meetingPoint?.meetings.map((m) => m.id)).toEqual([world.meetings.NL]);
    expect(meetingPoint?.value.progress).toBe(fromSnapshot.then.progress);
    expect(series.points.at(-1)).toMatchObject({ day: '2025-06-15', monthEnd: true });

    const plan = await member.progress.planSeries({ planId: world.plans.NL1 });
    const feb = plan.points.find((p) => p.day === '2025-02-28');
    const jun = plan.points.at(-1);
    // The new action sat in the first stage at 40 % in February, in the second at 80 % now.
    expect(feb?.value.stages[0]?.progress).not.toBe(jun?.value.stages[0]?.progress);
    expect(jun?.value.stages[1]?.progress).toBeGreaterThan(0);
  });
});

describe('progress inputs', () => {
  it('takes dates as ISO days within the programme’s years only', async () => {
    const member = await callerAs(world, 'memberNL');
    const territoryId = world.territories.NL;
    for (const at of ['2025-13-01', '2025-02-30', '01/03/2025', '2017-12-31', '2101-01-01', '']) {
      expect(await codeOf(member.progress.territoryAt({ territoryId, at })), at).toBe(
        'BAD_REQUEST',
      );
    }
    expect(await codeOf(member.progress.planSeries({ planId: -1 }))).toBe('BAD_REQUEST');
    expect(await codeOf(member.progress.territorySeries({ territoryId: 1.5 }))).toBe('BAD_REQUEST');
  });

  it('names what does not exist', async () => {
    const admin = await callerAs(world, 'admin');
    expect(await codeOf(admin.progress.territorySeries({ territoryId: 9999 }))).toBe('NOT_FOUND');
    expect(await codeOf(admin.progress.planSeries({ planId: 9999 }))).toBe('NOT_FOUND');
    expect(await codeOf(admin.progress.territoryAt({ territoryId: 9999, at: '2025-01-01' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('treats a day after today as today', async () => {
    const member = await callerAs(world, 'memberNL');
    const result = await member.progress.territoryAt({
      territoryId: world.territories.NL,
      at: '2030-01-01',
    });
    expect(result.at).toBe(world.today);
    expect(result.then).toEqual(result.now);
  });
});
