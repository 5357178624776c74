import { beforeEach, describe, expect, it } from 'vitest';
import { buildWorld, callerAs, recordCookies, WORLD_PASSWORD, type World } from './support/world';
import { auditOf, codeOf } from './support/expectations';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

describe('auth', () => {
  it('signs in by email whatever its case, sets the cookie, and returns the caller’s roles', async () => {
    const cookies = recordCookies();
    const anonymous = await callerAs(world, null, { cookies });
    const me = await anonymous.auth.login({ email: 'Lead@World.test', password: WORLD_PASSWORD });
    expect(cookies.token).toMatch(/^[\w-]{40,}$/);
    expect(me).toMatchObject({
      email: 'lead@world.test',
      memberships: [{ territoryId: world.territories.NL, role: 'lead' }],
      ledPlanIds: [world.plans.NL1],
    });
    expect(me).not.toHaveProperty('passwordHash');
  });

  it('answers the session without refusing: null signed out, the user signed in', async () => {
    expect(await (await callerAs(world, null)).auth.session()).toBeNull();
    const session = await (await callerAs(world, 'memberNL')).auth.session();
    expect(session).toMatchObject({
      id: world.users.memberNL,
      memberships: [{ territoryId: world.territories.NL, role: 'committee_member' }],
    });
    expect(session).not.toHaveProperty('passwordHash');
  });

  it('refuses a disabled user', async () => {
    await world.db
      .updateTable('users')
      .set({ disabledAt: '2025-01-01T00:00:00.000Z' })
      .where('id', '=', world.users.lead)
      .execute();
    const anonymous = await callerAs(world, null);
    expect(
      await codeOf(anonymous.auth.login({ email: 'lead@world.test', password: WORLD_PASSWORD })),
    ).toBe('UNAUTHORIZED');
  });

  it('remembers the language per user, with an audit event', async () => {
    const lead = await callerAs(world, 'lead');
    await lead.auth.setLocale({ locale: 'de' });
    expect((await (await callerAs(world, 'lead')).auth.me()).locale).toBe('de');
    const [event] = await auditOf(world, 'user', world.users.lead);
    expect(event).toMatchObject({ oldValue: { locale: 'fr' }, newValue: { locale: 'de' } });
    expect(await codeOf(lead.auth.setLocale({ locale: 'es' as 'de' }))).toBe('BAD_REQUEST');
  });
});
