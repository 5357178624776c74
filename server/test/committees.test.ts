import { beforeEach, describe, expect, it } from 'vitest';
import { buildWorld, callerAs, type World } from './support/world';
import { auditOf, codeOf } from './support/expectations';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

describe('committee.list and byId', () => {
  it('lists visible committees with member count and last/next meeting dates from SQL', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    await coordinator.committeeMember.create({
      committeeId: world.committees.copilNL,
      personName: 'Claire Martin',
      role: 'chair',
      organisationId: world.orgs.metz,
    });
    const past = await coordinator.meeting.create({
      committeeId: world.committees.copilNL,
      scheduledAt: '2025-01-30T09:00:00+01:00',
      mode: 'in_person',
    });
    await coordinator.meeting.setStatus({ id: past.id, version: 1, status: 'held' });

    const list = await coordinator.committee.list({});
    expect(list).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(list.items[0]).toMatchObject({
      id: world.committees.copilNL,
      territoryName: 'Nord Lorraine',
      memberCount: 1,
      lastMeetingAt: '2025-01-30T08:00:00.000Z',
      nextMeetingAt: '2025-07-01T09:30:00.000Z',
    });

    const national = await callerAs(world, 'national');
    expect((await national.committee.list({})).total).toBe(2);
    const chartres = await national.committee.list({ territoryId: world.territories.CH });
    expect(chartres.items.map((c) => c.id)).toEqual([world.committees.copilCH]);
    expect(chartres.items[0]).toMatchObject({ memberCount: 0, lastMeetingAt: null });
  });

  it('gives a committee with its members, chairs first', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const committeeId = world.committees.copilNL;
    await coordinator.committeeMember.create({ committeeId, personName: 'Alain', role: 'member' });
    await coordinator.committeeMember.create({
      committeeId,
      personName: 'Zoé',
      role: 'chair',
      userId: world.users.memberNL,
    });
    const member = await callerAs(world, 'memberNL');
    const committee = await member.committee.byId({ id: committeeId });
    expect(committee.members.map((m) => [m.personName, m.userName])).toEqual([
      ['Zoé', 'memberNL'],
      ['Alain', null],
    ]);
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(await codeOf(chartres.committee.byId({ id: committeeId }))).toBe('FORBIDDEN');
  });
});

describe('committee.create and update', () => {
  it('lets the territory’s coordinator create and rename a committee, audited', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const created = await coordinator.committee.create({
      territoryId: world.territories.NL,
      kind: 'cotech',
      name: 'COTECH Nord Lorraine',
    });
    expect(created).toMatchObject({ kind: 'cotech', territoryId: world.territories.NL });
    const renamed = await coordinator.committee.update({ id: created.id, name: 'COTECH NL' });
    expect(renamed.name).toBe('COTECH NL');
    const events = await auditOf(world, 'committee', created.id);
    expect(events.map((e) => e.operation)).toEqual(['update', 'create']);
    expect(events[0]).toMatchObject({
      oldValue: { name: 'COTECH Nord Lorraine' },
      newValue: { name: 'COTECH NL' },
    });
    const filed = await world.db
      .selectFrom('auditEvents')
      .select('territoryId')
      .where('entityType', '=', 'committee')
      .where('entityId', '=', created.id)
      .execute();
    expect(filed.map((e) => e.territoryId)).toEqual([world.territories.NL, world.territories.NL]);

    const lead = await callerAs(world, 'lead');
    const input = { territoryId: world.territories.NL, kind: 'copil' as const, name: 'x' };
    expect(await codeOf(lead.committee.create(input))).toBe('FORBIDDEN');
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(await codeOf(chartres.committee.create(input))).toBe('FORBIDDEN');
    expect(
      await codeOf(chartres.committee.update({ id: world.committees.copilNL, name: 'x' })),
    ).toBe('FORBIDDEN');
  });
});

describe('committeeMember', () => {
  it('creates, updates and deletes members with audit events; attendance keeps the name', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const member = await coordinator.committeeMember.create({
      committeeId: world.committees.copilNL,
      personName: 'Paul Henry',
      role: 'member',
    });
    const updated = await coordinator.committeeMember.update({
      id: member.id,
      role: 'guest',
      organisationId: world.orgs.bpi,
    });
    expect(updated).toMatchObject({ role: 'guest', organisationId: world.orgs.bpi });
    await coordinator.attendance.set({
      meetingId: world.meetings.NL,
      entries: [{ committeeMemberId: member.id, personName: 'Paul Henry', status: 'present' }],
    });

    expect(await coordinator.committeeMember.delete({ id: member.id })).toEqual({ id: member.id });
    const attendance = await coordinator.attendance.list({ meetingId: world.meetings.NL });
    expect(attendance).toMatchObject([{ personName: 'Paul Henry', committeeMemberId: null }]);
    const events = await auditOf(world, 'committee_member', member.id);
    expect(events.map((e) => e.operation)).toEqual(['delete', 'update', 'create']);
    expect(events[1]).toMatchObject({ oldValue: { role: 'member' }, newValue: { role: 'guest' } });
    expect(await codeOf(coordinator.committeeMember.delete({ id: member.id }))).toBe('NOT_FOUND');
  });

  it('links a member to a user of the committee’s territory only', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const input = {
      committeeId: world.committees.copilNL,
      personName: 'Jeanne',
      role: 'member' as const,
    };
    for (const user of ['outsider', 'coordinatorCH'] as const) {
      expect(
        await codeOf(coordinator.committeeMember.create({ ...input, userId: world.users[user] })),
      ).toBe('BAD_REQUEST');
    }
    const linked = await coordinator.committeeMember.create({
      ...input,
      userId: world.users.memberNL,
    });
    expect(linked.userId).toBe(world.users.memberNL);
  });

  it('refuses members changes to anyone but the coordinator of the territory', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const member = await coordinator.committeeMember.create({
      committeeId: world.committees.copilNL,
      personName: 'Paul Henry',
      role: 'member',
    });
    for (const user of ['memberNL', 'lead', 'coordinatorCH', 'regionGE'] as const) {
      const caller = await callerAs(world, user);
      expect(
        await codeOf(
          caller.committeeMember.create({
            committeeId: world.committees.copilNL,
            personName: 'x',
            role: 'member',
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(await codeOf(caller.committeeMember.update({ id: member.id, role: 'chair' }))).toBe(
        'FORBIDDEN',
      );
      expect(await codeOf(caller.committeeMember.delete({ id: member.id }))).toBe('FORBIDDEN');
    }
  });
});

describe('history.list', () => {
  it('shows the audit events of an entity newest first to those who may read it', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    await coordinator.committee.update({ id: world.committees.copilNL, name: 'COPIL 1' });
    await coordinator.committee.update({ id: world.committees.copilNL, name: 'COPIL 2' });
    const observer = await callerAs(world, 'observerNL');
    const history = await observer.history.list({
      entityType: 'committee',
      entityId: world.committees.copilNL,
      limit: 1,
    });
    expect(history).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(history.items[0]).toMatchObject({
      userName: 'coordinatorNL',
      subject: { name: 'COPIL 2' },
      changes: [
        {
          field: 'name',
          from: { kind: 'text', text: 'COPIL 1' },
          to: { kind: 'text', text: 'COPIL 2' },
        },
      ],
    });

    const outsider = await callerAs(world, 'outsider');
    expect(
      await codeOf(
        outsider.history.list({ entityType: 'committee', entityId: world.committees.copilNL }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('keeps the history of organisations, users and comments to admins', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    for (const entityType of ['organisation', 'user', 'comment'] as const) {
      expect(await codeOf(coordinator.history.list({ entityType, entityId: 1 }))).toBe('FORBIDDEN');
    }
    const admin = await callerAs(world, 'admin');
    expect(await codeOf(admin.history.list({ entityType: 'organisation', entityId: 1 }))).toBe(
      'OK',
    );
  });

  it('files attendance under the meeting and lets admins read the history of deleted things', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    await coordinator.attendance.set({
      meetingId: world.meetings.NL,
      entries: [{ personName: 'Claire Martin', status: 'excused' }],
    });
    const attendance = await coordinator.history.list({
      entityType: 'attendance',
      entityId: world.meetings.NL,
    });
    // Attendance reads as one line of counts, never as the list of entries.
    expect(attendance.items[0]).toMatchObject({
      operation: 'update',
      changes: [
        {
          field: 'entries',
          to: { kind: 'attendance', total: 1, byStatus: { excused: 1 } },
        },
      ],
    });

    const member = await coordinator.committeeMember.create({
      committeeId: world.committees.copilNL,
      personName: 'Paul Henry',
      role: 'member',
    });
    await coordinator.committeeMember.delete({ id: member.id });
    const gone = { entityType: 'committee_member' as const, entityId: member.id };
    expect(await codeOf(coordinator.history.list(gone))).toBe('NOT_FOUND');
    const admin = await callerAs(world, 'admin');
    expect((await admin.history.list(gone)).total).toBe(2);
  });
});
