import { describe, expect, it } from 'vitest';
import { createTestDb, type Db } from '../src/connection';
import {
  createSession,
  deleteSession,
  findSessionPrincipal,
  loadPrincipal,
  type PrincipalRecord,
} from '../src/queries/auth';
import { seedDemo } from '../src/seed/demo';

const NOW = '2026-03-16T12:00:00.000Z';
const LATER = '2026-03-30T12:00:00.000Z';
const ROLES = ['coordinator', 'lead', 'observer'] as const;

async function seeded(): Promise<Db> {
  const db = await createTestDb();
  await seedDemo(db, { passwordHash: 'scrypt$test-hash', today: '2026-03-16' });
  return db;
}

/** The lists of a principal carry no order: compare them sorted. */
function normalised(principal: PrincipalRecord | null) {
  if (!principal) return principal;
  return {
    ...principal,
    observedRegionIds: [...principal.observedRegionIds].sort((a, b) => a - b),
    ledPlanIds: [...principal.ledPlanIds].sort((a, b) => a - b),
    memberships: [...principal.memberships].sort(
      (a, b) => a.territoryId - b.territoryId || a.role.localeCompare(b.role),
    ),
  };
}

async function openFor(db: Db, userId: number, expiresAt = LATER): Promise<string> {
  const id = `session-of-${userId}-${expiresAt}`;
  await createSession(db, { id, userId, createdAt: NOW, expiresAt });
  return id;
}

describe('findSessionPrincipal', () => {
  it('gives, for every user of the demo, the principal loadPrincipal gives', async () => {
    const db = await seeded();
    const users = await db.selectFrom('users').select('id').orderBy('id').execute();
    let withLists = 0;
    for (const { id } of users) {
      const sessionId = await openFor(db, id);
      const expected = normalised(await loadPrincipal(db, id));
      expect(normalised(await findSessionPrincipal(db, sessionId, NOW))).toEqual(expected);
      if (expected && expected.memberships.length + expected.ledPlanIds.length > 0) withLists++;
    }
    // The demo has members and plan leads, so the lists' branches were exercised.
    expect(withLists).toBeGreaterThan(0);
  });

  it('gives a user every region observed, membership and plan led, none repeated', async () => {
    const db = await seeded();
    const user = await db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
    const regions = await db.selectFrom('regions').select('id').orderBy('id').limit(2).execute();
    const territories = await db.selectFrom('territories').select('id').orderBy('id').execute();
    const plans = await db.selectFrom('plans').select('id').orderBy('id').limit(3).execute();
    await db.deleteFrom('memberships').where('userId', '=', user.id).execute();
    await db.deleteFrom('planLeads').where('userId', '=', user.id).execute();
    await db.deleteFrom('regionObservers').where('userId', '=', user.id).execute();
    await db
      .insertInto('regionObservers')
      .values(regions.map((r) => ({ userId: user.id, regionId: r.id })))
      .execute();
    await db
      .insertInto('memberships')
      .values(
        territories.slice(0, 3).map((t, i) => ({
          userId: user.id,
          territoryId: t.id,
          role: ROLES[i] ?? 'observer',
          createdAt: NOW,
        })),
      )
      .execute();
    await db
      .insertInto('planLeads')
      .values(plans.map((p) => ({ userId: user.id, planId: p.id })))
      .execute();
    const principal = normalised(await findSessionPrincipal(db, await openFor(db, user.id), NOW));
    expect(principal?.observedRegionIds).toEqual(regions.map((r) => r.id));
    expect(principal?.memberships).toEqual(
      territories.slice(0, 3).map((t, i) => ({ territoryId: t.id, role: ROLES[i] })),
    );
    expect(principal?.ledPlanIds).toEqual(plans.map((p) => p.id));
  });

  it('refuses an expired session, a revoked one, an unknown one and a disabled user', async () => {
    const db = await seeded();
    const [first, second] = await db.selectFrom('users').select('id').orderBy('id').execute();
    if (!first || !second) throw new Error('The demo has at least two users');

    const expiring = await openFor(db, first.id, '2026-03-16T12:00:00.001Z');
    expect(await findSessionPrincipal(db, expiring, NOW)).not.toBeNull();
    expect(await findSessionPrincipal(db, expiring, '2026-03-16T12:00:00.001Z')).toBeNull();

    const revoked = await openFor(db, first.id);
    await deleteSession(db, revoked);
    expect(await findSessionPrincipal(db, revoked, NOW)).toBeNull();
    expect(await findSessionPrincipal(db, 'no-such-session', NOW)).toBeNull();

    const live = await openFor(db, second.id);
    expect((await findSessionPrincipal(db, live, NOW))?.id).toBe(second.id);
    await db.updateTable('users').set({ disabledAt: NOW }).where('id', '=', second.id).execute();
    expect(await findSessionPrincipal(db, live, NOW)).toBeNull();
  });
});
