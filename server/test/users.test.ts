import { beforeEach, describe, expect, it } from 'vitest';
import { createSession, findUserByEmail, loadPrincipal } from '@jalon/db';
import { verifyPassword } from '../src/auth/password';
import { buildWorld, callerAs, type World } from './support/world';
import { auditOf, codeOf } from './support/expectations';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

describe('user.list', () => {
  it('shows an admin every user, searched and paginated, without password hashes', async () => {
    const admin = await callerAs(world, 'admin');
    const all = await admin.user.list({});
    expect(all.total).toBe(10);
    expect(all.items.every((u) => !('passwordHash' in u))).toBe(true);
    const page = await admin.user.list({ limit: 3, offset: 3 });
    expect(page).toMatchObject({ total: 10, limit: 3, offset: 3 });
    expect(page.items).toHaveLength(3);
    expect((await admin.user.list({ search: 'LEAD' })).total).toBe(2);
    expect((await admin.user.list({ territoryId: world.territories.CH })).items).toEqual([
      expect.objectContaining({ id: world.users.coordinatorCH }),
    ]);
  });

  it('shows a coordinator the members of their territories, and others only by exact email', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const members = await coordinator.user.list({});
    expect(members.items.map((u) => u.name).sort()).toEqual([
      'coordinatorNL',
      'lead',
      'memberNL',
      'observerNL',
      'otherLead',
    ]);
    expect((await coordinator.user.list({ search: 'coordinatorch' })).total).toBe(0);
    const byEmail = await coordinator.user.list({ search: 'CoordinatorCH@world.test' });
    expect(byEmail.items.map((u) => u.id)).toEqual([world.users.coordinatorCH]);
    expect(await codeOf(coordinator.user.list({ territoryId: world.territories.CH }))).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses callers who neither administer nor coordinate', async () => {
    for (const user of ['lead', 'national', 'regionGE', 'outsider'] as const) {
      const caller = await callerAs(world, user);
      expect(await codeOf(caller.user.list({}))).toBe('FORBIDDEN');
    }
  });
});

describe('user.byId', () => {
  it('lets admins, the user themself and their coordinators read a user', async () => {
    const self = await callerAs(world, 'lead');
    const me = await self.user.byId({ id: world.users.lead });
    expect(me).toMatchObject({ email: 'lead@world.test', observedRegionIds: [] });
    expect(me.memberships).toEqual([
      expect.objectContaining({ territoryId: world.territories.NL, role: 'lead' }),
    ]);
    expect('passwordHash' in me).toBe(false);

    const coordinator = await callerAs(world, 'coordinatorNL');
    expect((await coordinator.user.byId({ id: world.users.lead })).name).toBe('lead');
    const admin = await callerAs(world, 'admin');
    expect((await admin.user.byId({ id: world.users.regionGE })).observedRegionIds).toEqual([
      world.regions.GE,
    ]);
  });

  it('answers FORBIDDEN to others and NOT_FOUND for a missing user', async () => {
    const chartres = await callerAs(world, 'coordinatorCH');
    expect(await codeOf(chartres.user.byId({ id: world.users.lead }))).toBe('FORBIDDEN');
    const lead = await callerAs(world, 'lead');
    expect(await codeOf(lead.user.byId({ id: world.users.otherLead }))).toBe('FORBIDDEN');
    const admin = await callerAs(world, 'admin');
    await expect(admin.user.byId({ id: 999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'User 999 not found',
    });
  });
});

describe('user.create and update', () => {
  it('creates a user with a hashed password, a lowercased email and observed regions', async () => {
    const admin = await callerAs(world, 'admin');
    const created = await admin.user.create({
      email: 'Claire.Martin@Grandest.FR',
      name: 'Claire Martin',
      password: 'a-long-enough-secret',
      observedRegionIds: [world.regions.GE],
    });
    expect(created).toMatchObject({
      email: 'claire.martin@grandest.fr',
      locale: 'fr',
      globalRole: null,
      observedRegionIds: [world.regions.GE],
    });
    const stored = await findUserByEmail(world.db, 'claire.martin@grandest.fr');
    expect(await verifyPassword('a-long-enough-secret', stored?.passwordHash ?? '')).toBe(true);
    expect((await loadPrincipal(world.db, created.id))?.observedRegionIds).toEqual([
      world.regions.GE,
    ]);

    const [event] = await auditOf(world, 'user', created.id);
    expect(event?.operation).toBe('create');
    expect(JSON.stringify(event)).not.toContain(stored?.passwordHash ?? 'scrypt$');
    expect(JSON.stringify(event)).not.toContain('a-long-enough-secret');

    const duplicate = admin.user.create({
      email: 'claire.martin@grandest.fr',
      name: 'Claire',
      password: 'a-long-enough-secret',
    });
    expect(await codeOf(duplicate)).toBe('CONFLICT');
  });

  it('refuses non-admins and a short password', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const input = { email: 'x@world.test', name: 'X', password: 'a-long-enough-secret' };
    expect(await codeOf(coordinator.user.create(input))).toBe('FORBIDDEN');
    expect(await codeOf(coordinator.user.update({ id: world.users.lead, name: 'Y' }))).toBe(
      'FORBIDDEN',
    );
    const admin = await callerAs(world, 'admin');
    expect(await codeOf(admin.user.create({ ...input, password: 'short' }))).toBe('BAD_REQUEST');
  });

  it('disables a user, ending their sessions, and audits the change', async () => {
    await createSession(world.db, {
      id: 'session-of-lead',
      userId: world.users.lead,
      createdAt: '2025-06-01T00:00:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    const admin = await callerAs(world, 'admin');
    const updated = await admin.user.update({
      id: world.users.lead,
      disabled: true,
      locale: 'de',
      observedRegionIds: [world.regions.CVL],
    });
    expect(updated).toMatchObject({ locale: 'de', observedRegionIds: [world.regions.CVL] });
    expect(updated.disabledAt).not.toBeNull();
    const sessions = await world.db
      .selectFrom('sessions')
      .selectAll()
      .where('userId', '=', world.users.lead)
      .execute();
    expect(sessions).toEqual([]);
    expect(await loadPrincipal(world.db, world.users.lead)).toBeNull();

    const [event] = await auditOf(world, 'user', world.users.lead);
    expect(event).toMatchObject({
      operation: 'update',
      oldValue: { locale: 'fr', disabledAt: null, observedRegionIds: [] },
      newValue: { locale: 'de', observedRegionIds: [world.regions.CVL] },
    });

    const enabled = await admin.user.update({ id: world.users.lead, disabled: false });
    expect(enabled.disabledAt).toBeNull();
  });

  it('keeps an admin from locking themself out; NOT_FOUND for a missing user', async () => {
    const admin = await callerAs(world, 'admin');
    expect(await codeOf(admin.user.update({ id: world.users.admin, disabled: true }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(admin.user.update({ id: world.users.admin, globalRole: null }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(admin.user.update({ id: world.users.admin, name: 'Root' }))).toBe('OK');
    expect(await codeOf(admin.user.update({ id: 999, name: 'Nobody' }))).toBe('NOT_FOUND');
  });
});

describe('membership', () => {
  it('lists a territory’s members to whoever may read it', async () => {
    const observer = await callerAs(world, 'observerNL');
    const members = await observer.membership.list({ territoryId: world.territories.NL });
    expect(members.total).toBe(5);
    expect(members.items[0]).toMatchObject({ userName: 'coordinatorNL', role: 'coordinator' });
    // E-mail addresses only for those who manage the members (membershipEmails.test.ts).
    expect(members.items[0]?.userEmail).toBeNull();
    const page = await observer.membership.list({
      territoryId: world.territories.NL,
      limit: 2,
      offset: 4,
    });
    expect(page.items).toHaveLength(1);
    expect(await codeOf(observer.membership.list({ territoryId: world.territories.CH }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(observer.membership.list({ territoryId: 999 }))).toBe('NOT_FOUND');
  });

  it('lets a coordinator add, change and remove members, each audited', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const created = await coordinator.membership.create({
      territoryId: world.territories.NL,
      userId: world.users.outsider,
      role: 'committee_member',
    });
    expect(created).toMatchObject({ userId: world.users.outsider, role: 'committee_member' });
    const updated = await coordinator.membership.update({ id: created.id, role: 'lead' });
    expect(updated.role).toBe('lead');
    expect((await loadPrincipal(world.db, world.users.outsider))?.memberships).toEqual([
      { territoryId: world.territories.NL, role: 'lead' },
    ]);
    await coordinator.membership.delete({ id: created.id });
    expect((await loadPrincipal(world.db, world.users.outsider))?.memberships).toEqual([]);

    const events = await auditOf(world, 'membership', created.id);
    expect(events.map((e) => e.operation)).toEqual(['delete', 'update', 'create']);
    expect(events[1]).toMatchObject({
      oldValue: { role: 'committee_member' },
      newValue: { role: 'lead' },
    });
  });

  it('refuses duplicates, unknown users and other territories’ coordinators', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const duplicate = { territoryId: world.territories.NL, userId: world.users.lead, role: 'lead' };
    expect(await codeOf(coordinator.membership.create({ ...duplicate, role: 'lead' }))).toBe(
      'CONFLICT',
    );
    expect(
      await codeOf(coordinator.membership.create({ ...duplicate, userId: 999, role: 'observer' })),
    ).toBe('NOT_FOUND');

    const chartres = await callerAs(world, 'coordinatorCH');
    expect(
      await codeOf(
        chartres.membership.create({
          territoryId: world.territories.NL,
          userId: world.users.outsider,
          role: 'observer',
        }),
      ),
    ).toBe('FORBIDDEN');
    const [leadMembership] = (
      await coordinator.membership.list({ territoryId: world.territories.NL })
    ).items.filter((m) => m.userId === world.users.lead);
    expect(
      await codeOf(chartres.membership.update({ id: leadMembership?.id ?? 0, role: 'observer' })),
    ).toBe('FORBIDDEN');
    expect(await codeOf(chartres.membership.delete({ id: leadMembership?.id ?? 0 }))).toBe(
      'FORBIDDEN',
    );
    const lead = await callerAs(world, 'lead');
    expect(
      await codeOf(lead.membership.update({ id: leadMembership?.id ?? 0, role: 'coordinator' })),
    ).toBe('FORBIDDEN');
    expect(await codeOf(coordinator.membership.delete({ id: 999 }))).toBe('NOT_FOUND');
  });

  it('keeps the last coordinator of a territory unless an admin removes them', async () => {
    const coordinator = await callerAs(world, 'coordinatorNL');
    const own = (
      await coordinator.membership.list({ territoryId: world.territories.NL })
    ).items.find((m) => m.userId === world.users.coordinatorNL);
    const ownId = own?.id ?? 0;
    expect(await codeOf(coordinator.membership.update({ id: ownId, role: 'lead' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await codeOf(coordinator.membership.delete({ id: ownId }))).toBe('BAD_REQUEST');

    // With a second coordinator, the first may step down.
    const second = await coordinator.membership.create({
      territoryId: world.territories.NL,
      userId: world.users.outsider,
      role: 'coordinator',
    });
    expect(await codeOf(coordinator.membership.update({ id: ownId, role: 'lead' }))).toBe('OK');

    const admin = await callerAs(world, 'admin');
    expect(await codeOf(admin.membership.delete({ id: second.id }))).toBe('OK');
    expect(
      (await admin.membership.list({ territoryId: world.territories.NL })).items.filter(
        (m) => m.role === 'coordinator',
      ),
    ).toEqual([]);
  });
});
