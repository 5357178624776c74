import { beforeEach, describe, expect, it } from 'vitest';
import { buildWorld, callerAs, type World, type WorldUser } from './support/world';

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const listAs = async (user: WorldUser) =>
  (await callerAs(world, user)).membership.list({
    territoryId: world.territories.NL,
    limit: 50,
    offset: 0,
  });

describe('membership.list and e-mail addresses', () => {
  it('gives e-mail addresses to those who manage the members, as the members CSV does', async () => {
    for (const user of ['coordinatorNL', 'admin'] as const) {
      const { items } = await listAs(user);
      expect(items.length).toBeGreaterThan(1);
      expect(items.every((m) => m.userEmail?.endsWith('@world.test'))).toBe(true);
    }
  });

  it('shows the members to other readers, without their e-mail addresses', async () => {
    for (const user of ['memberNL', 'lead', 'observerNL'] as const) {
      const { items, total } = await listAs(user);
      expect(items.length).toBe(total);
      expect(items.map((m) => m.userName)).toContain('memberNL');
      expect(items.map((m) => m.userEmail)).toEqual(items.map(() => null));
    }
  });
});
