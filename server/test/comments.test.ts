import { beforeEach, describe, expect, it } from 'vitest';
import { buildWorld, callerAs, type World } from './support/world';
import { auditOf, codeOf } from './support/expectations';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

describe('comment.create and list', () => {
  it('lets coordinators, leads and committee members comment; audits each comment', async () => {
    const targets = [
      { entityType: 'plan', entityId: world.plans.NL1 },
      { entityType: 'action', entityId: world.actions.NL1a },
      { entityType: 'indicator', entityId: world.indicators.NL1 },
      { entityType: 'meeting', entityId: world.meetings.NL },
    ] as const;
    for (const [i, user] of (['coordinatorNL', 'lead', 'memberNL'] as const).entries()) {
      const caller = await callerAs(world, user);
      const target = targets[i] ?? targets[0];
      const created = await caller.comment.create({ ...target, body: `Remarque de ${user}` });
      expect(created).toMatchObject({ ...target, userId: world.users[user], authorName: user });
      const [event] = await auditOf(world, 'comment', created.id);
      expect(event).toMatchObject({
        operation: 'create',
        userId: world.users[user],
        newValue: { ...target, body: `Remarque de ${user}` },
      });
    }
  });

  it('lists the comments of an entity oldest first, paginated, to readers', async () => {
    const member = await callerAs(world, 'memberNL');
    const lead = await callerAs(world, 'lead');
    const target = { entityType: 'action', entityId: world.actions.NL1a } as const;
    await member.comment.create({ ...target, body: 'Où en est le diagnostic ?' });
    await lead.comment.create({ ...target, body: 'Rendu fin juin' });

    const observer = await callerAs(world, 'observerNL');
    const list = await observer.comment.list(target);
    expect(list).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(list.items.map((c) => [c.authorName, c.body])).toEqual([
      ['memberNL', 'Où en est le diagnostic ?'],
      ['lead', 'Rendu fin juin'],
    ]);
    expect((await observer.comment.list({ ...target, limit: 1, offset: 1 })).items).toHaveLength(1);
    expect(
      (await observer.comment.list({ entityType: 'action', entityId: world.actions.NL1b })).total,
    ).toBe(0);
  });

  it('keeps observers and other territories out, and names missing entities', async () => {
    const target = { entityType: 'meeting', entityId: world.meetings.NL } as const;
    const observer = await callerAs(world, 'observerNL');
    expect(await codeOf(observer.comment.create({ ...target, body: 'x' }))).toBe('FORBIDDEN');
    const region = await callerAs(world, 'regionGE');
    expect(await codeOf(region.comment.list(target))).toBe('OK');
    expect(await codeOf(region.comment.create({ ...target, body: 'x' }))).toBe('FORBIDDEN');
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(await codeOf(chartres.comment.list(target))).toBe('FORBIDDEN');
    expect(await codeOf(chartres.comment.create({ ...target, body: 'x' }))).toBe('FORBIDDEN');
    const member = await callerAs(world, 'memberNL');
    expect(
      await codeOf(member.comment.create({ entityType: 'decision', entityId: 9999, body: 'x' })),
    ).toBe('NOT_FOUND');
    expect(await codeOf(member.comment.create({ ...target, body: '   ' }))).toBe('BAD_REQUEST');
  });

  it('comments decisions within the meeting’s territory', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const decision = await coordinator.decision.create({
      meetingId: world.meetings.NL,
      text: 'Lancer l’étude',
      kind: 'arbitration',
    });
    const member = await callerAs(world, 'memberNL');
    const target = { entityType: 'decision', entityId: decision.id } as const;
    await member.comment.create({ ...target, body: 'Avec quel budget ?' });
    expect((await coordinator.comment.list(target)).total).toBe(1);
    const admin = await callerAs(world, 'admin');
    const comments = await admin.comment.list(target);
    const history = await admin.history.list({
      entityType: 'comment',
      entityId: comments.items[0]?.id ?? 0,
    });
    expect(history.items[0]?.operation).toBe('create');
  });
});
