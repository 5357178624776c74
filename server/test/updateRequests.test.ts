import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionStatus, MeetingStatus } from '@jalon/shared';
import { buildWorld, callerAs, WORLD_CREATED_AT, type World } from './support/world';
import { auditOf, codeOf } from './support/expectations';
import { insertAction as insertActionRow, insertMeeting as insertMeetingRow } from './support/rows';

// The world's Nord Lorraine COPIL is planned on 2025-07-01; "now" is 2025-06-15T12:00Z. The lead
// owns NL-1 a (in progress) and NL-1 b (not started); NL-2 a (blocked) has no owner.

const NOW = '2025-06-15T12:00:00.000Z';
const SINCE = '2025-04-01T11:00:00.000Z';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const coordinatorNL = () => callerAs(world, 'coordinatorNL');
const status = async () =>
  (await coordinatorNL()).updateRequest.status({ meetingId: world.meetings.NL });
const titlesOf = (actions: { title: string }[]) => actions.map((a) => a.title);

const insertMeeting = (
  committeeId: number,
  scheduledAt: string,
  meetingStatus: MeetingStatus,
  heldAt: string | null = null,
) => insertMeetingRow(world, { committeeId, scheduledAt, status: meetingStatus, heldAt });

const touch = (id: number, updatedAt: string, fields: { ownerUserId?: number } = {}) =>
  world.db
    .updateTable('actions')
    .set({ updatedAt, ...fields })
    .where('id', '=', id)
    .execute();

const insertAction = (
  title: string,
  ownerUserId: number,
  status: ActionStatus,
  updatedAt: string,
  archivedAt: string | null = null,
) =>
  insertActionRow(world, {
    updatedAt,
    planId: world.plans.NL2,
    stageId: world.stages.NL2[1] ?? 0,
    title,
    ownerUserId,
    status,
    progress: status === 'done' ? 100 : 20,
    archivedAt,
  });

describe('updateRequest.create', () => {
  it('records a request for a planned meeting, audited, and lists it in the status', async () => {
    const coordinator = await coordinatorNL();
    const created = await coordinator.updateRequest.create({
      meetingId: world.meetings.NL,
      message: '  Merci de mettre à jour vos actions avant le COPIL.  ',
      dueDate: '2025-06-25',
    });
    expect(created).toMatchObject({
      meetingId: world.meetings.NL,
      requestedByUserId: world.users.coordinatorNL,
      requestedAt: NOW,
      message: 'Merci de mettre à jour vos actions avant le COPIL.',
      dueDate: '2025-06-25',
    });
    const audit = await auditOf(world, 'update_request', created.id);
    expect(audit.map((e) => [e.operation, e.userId])).toEqual([
      ['create', world.users.coordinatorNL],
    ]);

    await coordinator.updateRequest.create({ meetingId: world.meetings.NL, message: 'Relance' });
    const { requests } = await (
      await callerAs(world, 'memberNL')
    ).updateRequest.status({ meetingId: world.meetings.NL });
    expect(requests.map((r) => [r.message, r.dueDate, r.requestedByName])).toEqual([
      ['Relance', null, 'coordinatorNL'],
      ['Merci de mettre à jour vos actions avant le COPIL.', '2025-06-25', 'coordinatorNL'],
    ]);
  });

  it('refuses other roles, bad input and meetings that are not planned', async () => {
    const input = { meetingId: world.meetings.NL, message: 'Merci' };
    for (const user of ['lead', 'memberNL', 'observerNL', 'coordinatorCH', 'national'] as const) {
      const caller = await callerAs(world, user);
      expect(await codeOf(caller.updateRequest.create(input))).toBe('FORBIDDEN');
    }
    const coordinator = await coordinatorNL();
    for (const bad of [
      { ...input, message: '   ' },
      { ...input, message: 'x'.repeat(2001) },
      { ...input, dueDate: '25/06/2025' },
    ]) {
      expect(await codeOf(coordinator.updateRequest.create(bad))).toBe('BAD_REQUEST');
    }
    expect(await codeOf(coordinator.updateRequest.create({ ...input, meetingId: 9999 }))).toBe(
      'NOT_FOUND',
    );
    for (const meetingStatus of ['held', 'minutes_approved', 'cancelled'] as const) {
      await world.db
        .updateTable('meetings')
        .set({ status: meetingStatus })
        .where('id', '=', world.meetings.NL)
        .execute();
      expect(await codeOf(coordinator.updateRequest.create(input))).toBe('BAD_REQUEST');
    }
    expect(await world.db.selectFrom('updateRequests').select('id').execute()).toEqual([]);
  });
});

describe('updateRequest.status', () => {
  it('without a previous meeting or request, counts every open action as stale', async () => {
    const result = await status();
    expect(result).toMatchObject({ since: null, requests: [] });
    expect(result.leads).toHaveLength(1);
    expect(result.leads[0]).toMatchObject({
      userId: world.users.lead,
      name: 'lead',
      email: 'lead@world.test',
      actions: 2,
      updated: [],
    });
    expect(result.leads[0]?.stale).toEqual([
      {
        actionId: world.actions.NL1a,
        title: 'Diagnostic des compétences',
        planId: world.plans.NL1,
        planCode: 'FA-1',
        status: 'in_progress',
        progress: 40,
        updatedAt: WORLD_CREATED_AT,
      },
      expect.objectContaining({ actionId: world.actions.NL1b }),
    ]);
  });

  it('splits each lead’s actions around the previous held meeting, most stale lead first', async () => {
    // Meetings that do not count: cancelled, of another committee, or after this one.
    await insertMeeting(world.committees.copilNL, '2025-05-01T09:00:00.000Z', 'cancelled');
    await insertMeeting(world.committees.copilCH, '2025-05-01T09:00:00.000Z', 'held', NOW);
    await insertMeeting(world.committees.copilNL, '2025-08-01T09:00:00.000Z', 'held', NOW);
    await insertMeeting(world.committees.copilNL, '2025-01-15T09:00:00.000Z', 'minutes_approved');
    await insertMeeting(world.committees.copilNL, '2025-04-01T09:00:00.000Z', 'held', SINCE);

    // lead: NL-1 a updated after, NL-1 b exactly at the meeting (so not since), a done action
    // untouched (neither), a dropped one updated after (updated).
    await touch(world.actions.NL1a, '2025-05-02T08:00:00.000Z');
    await touch(world.actions.NL1b, SINCE);
    await insertAction('Clôturée', world.users.lead, 'done', '2025-02-01T08:00:00.000Z');
    await insertAction('Abandonnée', world.users.lead, 'dropped', '2025-06-01T08:00:00.000Z');
    // otherLead: NL-2 a and another, both untouched; an archived one is ignored.
    await touch(world.actions.NL2a, '2025-03-31T23:59:59.999Z', {
      ownerUserId: world.users.otherLead,
    });
    await insertAction('Relancer les EPCI', world.users.otherLead, 'on_hold', WORLD_CREATED_AT);
    await insertAction('Archivée', world.users.otherLead, 'late', WORLD_CREATED_AT, NOW);
    // Chartres's actions are not Nord Lorraine's business.
    await touch(world.actions.CH1a, WORLD_CREATED_AT, { ownerUserId: world.users.coordinatorCH });

    const result = await status();
    expect(result.since).toBe(SINCE);
    expect(
      result.leads.map((l) => [l.name, l.actions, titlesOf(l.updated), titlesOf(l.stale)]),
    ).toEqual([
      ['otherLead', 2, [], ['Relancer les EPCI', 'Cartographie du foncier']],
      ['lead', 4, ['Abandonnée', 'Diagnostic des compétences'], ['Adapter l’offre de formation']],
    ]);
    expect(result.leads[1]?.updated[1]).toMatchObject({
      actionId: world.actions.NL1a,
      updatedAt: '2025-05-02T08:00:00.000Z',
    });
  });

  it('without a previous meeting, counts updates from the latest request', async () => {
    await (
      await coordinatorNL()
    ).updateRequest.create({ meetingId: world.meetings.NL, message: 'Merci' });
    await touch(world.actions.NL1b, '2025-06-15T12:00:00.001Z');
    const result = await status();
    expect(result.since).toBeNull();
    expect(result.requests).toHaveLength(1);
    expect(result.leads.map((l) => [l.name, titlesOf(l.updated), titlesOf(l.stale)])).toEqual([
      ['lead', ['Adapter l’offre de formation'], ['Diagnostic des compétences']],
    ]);
  });
});

describe('updateRequest.mine', () => {
  it('shows a lead the open requests of the territories where they own actions', async () => {
    const coordinator = await coordinatorNL();
    await coordinator.updateRequest.create({
      meetingId: world.meetings.NL,
      message: 'Merci de mettre à jour vos actions',
      dueDate: '2025-06-25',
    });
    // Requests that are no longer open: a past meeting still planned, and a meeting since held.
    for (const [scheduledAt, later] of [
      ['2025-06-14T09:00:00.000Z', 'planned'],
      ['2025-07-10T09:00:00.000Z', 'held'],
    ] as const) {
      const meetingId = await insertMeeting(world.committees.copilNL, scheduledAt, 'planned');
      await world.db
        .insertInto('updateRequests')
        .values({
          meetingId,
          requestedByUserId: world.users.coordinatorNL,
          requestedAt: '2025-06-01T08:00:00.000Z',
          message: 'Ancienne demande',
          dueDate: null,
        })
        .execute();
      await world.db
        .updateTable('meetings')
        .set({ status: later })
        .where('id', '=', meetingId)
        .execute();
    }
    await touch(world.actions.NL1a, '2025-06-15T12:30:00.000Z');

    const mine = await (await callerAs(world, 'lead')).updateRequest.mine();
    expect(mine).toEqual([
      {
        id: expect.any(Number) as number,
        meetingId: world.meetings.NL,
        committeeName: 'COPIL Nord Lorraine',
        committeeKind: 'copil',
        territoryName: 'Nord Lorraine',
        scheduledAt: '2025-07-01T09:30:00.000Z',
        message: 'Merci de mettre à jour vos actions',
        dueDate: '2025-06-25',
        requestedAt: NOW,
        requestedByName: 'coordinatorNL',
        // NL-1 b is still as it was; NL-1 a was updated after the request.
        staleCount: 1,
      },
    ]);

    for (const user of ['coordinatorNL', 'otherLead', 'memberNL', 'coordinatorCH'] as const) {
      expect(await (await callerAs(world, user)).updateRequest.mine()).toEqual([]);
    }
    // Once otherLead owns an action of the territory, the request is theirs too.
    await touch(world.actions.NL2a, WORLD_CREATED_AT, { ownerUserId: world.users.otherLead });
    const theirs = await (await callerAs(world, 'otherLead')).updateRequest.mine();
    expect(theirs.map((r) => [r.meetingId, r.staleCount])).toEqual([[world.meetings.NL, 1]]);
  });

  it('counts stale actions from the previous held meeting when there is one', async () => {
    await insertMeeting(world.committees.copilNL, '2025-04-01T09:00:00.000Z', 'held', SINCE);
    await (
      await coordinatorNL()
    ).updateRequest.create({ meetingId: world.meetings.NL, message: 'Merci' });
    // Updated after the meeting but before the request: not stale.
    await touch(world.actions.NL1a, '2025-05-01T08:00:00.000Z');
    const [request] = await (await callerAs(world, 'lead')).updateRequest.mine();
    expect(request?.staleCount).toBe(1);
  });
});
