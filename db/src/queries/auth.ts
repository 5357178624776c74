import type { GlobalRole, Locale, TerritoryRole } from '@jalon/shared';
import type { Db, Trx } from '../connection';

export interface PrincipalRecord {
  id: number;
  email: string;
  name: string;
  locale: Locale;
  globalRole: GlobalRole | null;
  observedRegionIds: number[];
  memberships: { territoryId: number; role: TerritoryRole }[];
  ledPlanIds: number[];
}

export async function findUserByEmail(db: Db | Trx, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/** Everything authorisation needs about a user, in four indexed queries. */
export async function loadPrincipal(db: Db | Trx, userId: number): Promise<PrincipalRecord | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'globalRole'])
    .where('id', '=', userId)
    .where('disabledAt', 'is', null)
    .executeTakeFirst();
  if (!user) return null;
  const [regions, memberships, plans] = await Promise.all([
    db.selectFrom('regionObservers').select('regionId').where('userId', '=', userId).execute(),
    db
      .selectFrom('memberships')
      .select(['territoryId', 'role'])
      .where('userId', '=', userId)
      .execute(),
    db.selectFrom('planLeads').select('planId').where('userId', '=', userId).execute(),
  ]);
  return {
    ...user,
    observedRegionIds: regions.map((r) => r.regionId),
    memberships,
    ledPlanIds: plans.map((p) => p.planId),
  };
}

export async function createSession(
  db: Db | Trx,
  session: { id: string; userId: number; createdAt: string; expiresAt: string },
): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export async function findSessionUserId(
  db: Db | Trx,
  sessionId: string,
  nowIso: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('sessions')
    .select('userId')
    .where('id', '=', sessionId)
    .where('expiresAt', '>', nowIso)
    .executeTakeFirst();
  return row?.userId ?? null;
}

export async function deleteSession(db: Db | Trx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteExpiredSessions(db: Db | Trx, nowIso: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('expiresAt', '<=', nowIso)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A sign-in throttle's counter after an attempt was counted. */
export interface SignInCounter {
  failures: number;
  windowStartedAt: string;
  lockedUntil: string | null;
}

/**
 * Counts one sign-in attempt against `key` in a single statement (an upsert that increments), so
 * that concurrent attempts, from one instance or several, never read the same count: the counter
 * restarts when its window began at or before `windowStartIso`. Returns the counter as it now is.
 */
export async function countSignInAttempt(
  db: Db | Trx,
  attempt: { key: string; nowIso: string; windowStartIso: string },
): Promise<SignInCounter> {
  return db
    .insertInto('loginThrottle')
    .values({ key: attempt.key, failures: 1, windowStartedAt: attempt.nowIso, lockedUntil: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const windowOpen = eb('loginThrottle.windowStartedAt', '>', attempt.windowStartIso);
        return {
          failures: eb
            .case()
            .when(windowOpen)
            .then(eb('loginThrottle.failures', '+', 1))
            .else(1)
            .end(),
          windowStartedAt: eb
            .case()
            .when(windowOpen)
            .then(eb.ref('loginThrottle.windowStartedAt'))
            .else(attempt.nowIso)
            .end(),
        };
      }),
    )
    .returning(['failures', 'windowStartedAt', 'lockedUntil'])
    .executeTakeFirstOrThrow();
}

/** The counter under `key` as stored, or undefined when nothing was counted. */
export async function findSignInCounter(
  db: Db | Trx,
  key: string,
): Promise<SignInCounter | undefined> {
  return db
    .selectFrom('loginThrottle')
    .select(['failures', 'lockedUntil', 'windowStartedAt'])
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Locks `key` until `untilIso`. */
export async function lockSignIn(db: Db | Trx, key: string, untilIso: string): Promise<void> {
  await db
    .updateTable('loginThrottle')
    .set({ lockedUntil: untilIso })
    .where('key', '=', key)
    .execute();
}

/** Gives back one counted attempt (a sign-in that succeeded), never below zero. */
export async function uncountSignInAttempt(db: Db | Trx, key: string): Promise<void> {
  await db
    .updateTable('loginThrottle')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

/** Forgets every attempt counted against `key`, and its lock. */
export async function clearSignInCounter(db: Db | Trx, key: string): Promise<void> {
  await db.deleteFrom('loginThrottle').where('key', '=', key).execute();
}

export async function getSetting(db: Db | Trx, key: string): Promise<string | null> {
  const row = await db
    .selectFrom('appSettings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value ?? null;
}

export async function setSetting(db: Db | Trx, key: string, value: string): Promise<void> {
  await db
    .insertInto('appSettings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function setUserLocale(db: Db | Trx, userId: number, locale: Locale): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}
