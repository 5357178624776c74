import { sql } from 'kysely';
import type { GlobalRole, Locale, TerritoryRole } from '@jalon/shared';
import type { Db, Trx } from '../connection';
import { preparedQuery } from '../prepared';

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
  session: {
    id: string;
    userId: number;
    createdAt: string;
    expiresAt: string;
    idToken?: string | null;
  },
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

type PrincipalPart = 'user' | 'region' | 'membership' | 'plan';

/**
 * The principal behind a live session (unexpired, of an enabled user), or null: what
 * `findSessionUserId` then `loadPrincipal` give, in ONE statement, as every request asks it. The
 * user and each of their lists come as rows of a UNION ALL, each branch behind the same session
 * join, so a user with many memberships costs rows, not a product of lists.
 */
const sessionPrincipalQuery = preparedQuery((db, p: { sessionId: string; nowIso: string }) => {
  const live = () =>
    db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.userId')
      .where('s.id', '=', p.sessionId)
      .where('s.expiresAt', '>', p.nowIso)
      .where('u.disabledAt', 'is', null);
  const part = (name: PrincipalPart) => sql<PrincipalPart>`${sql.lit(name)}`.as('part');
  // The user's own columns are null in the branches of their lists.
  const noUser = [
    sql<string | null>`null`.as('email'),
    sql<string | null>`null`.as('name'),
    sql<Locale | null>`null`.as('locale'),
    sql<GlobalRole | null>`null`.as('globalRole'),
  ] as const;
  const noRole = sql<TerritoryRole | null>`null`.as('role');
  return live()
    .select((eb) => [
      part('user'),
      'u.id as ref',
      eb.ref('u.email').$castTo<string | null>().as('email'),
      eb.ref('u.name').$castTo<string | null>().as('name'),
      eb.ref('u.locale').$castTo<Locale | null>().as('locale'),
      'u.globalRole',
      noRole,
    ])
    .unionAll(
      live()
        .innerJoin('regionObservers as ro', 'ro.userId', 'u.id')
        .select([part('region'), 'ro.regionId as ref', ...noUser, noRole]),
    )
    .unionAll(
      live()
        .innerJoin('memberships as ms', 'ms.userId', 'u.id')
        .select([
          part('membership'),
          'ms.territoryId as ref',
          ...noUser,
          (eb) => eb.ref('ms.role').$castTo<TerritoryRole | null>().as('role'),
        ]),
    )
    .unionAll(
      live()
        .innerJoin('planLeads as pl', 'pl.userId', 'u.id')
        .select([part('plan'), 'pl.planId as ref', ...noUser, noRole]),
    );
});

/** The principal of the session `sessionId` at `nowIso`, or null (expired, unknown, disabled). */
export async function findSessionPrincipal(
  db: Db | Trx,
  sessionId: string,
  nowIso: string,
): Promise<PrincipalRecord | null> {
  const rows = await sessionPrincipalQuery.execute(db, { sessionId, nowIso });
  const user = rows.find((r) => r.part === 'user');
  if (!user?.email || !user.name || !user.locale) return null;
  const principal: PrincipalRecord = {
    id: user.ref,
    email: user.email,
    name: user.name,
    locale: user.locale,
    globalRole: user.globalRole,
    observedRegionIds: [],
    memberships: [],
    ledPlanIds: [],
  };
  for (const row of rows) {
    if (row.part === 'region') principal.observedRegionIds.push(row.ref);
    else if (row.part === 'plan') principal.ledPlanIds.push(row.ref);
    else if (row.part === 'membership' && row.role) {
      principal.memberships.push({ territoryId: row.ref, role: row.role });
    }
  }
  return principal;
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

export async function setUserPassword(
  db: Db | Trx,
  userId: number,
  passwordHash: string,
): Promise<void> {
  await db.updateTable('users').set({ passwordHash }).where('id', '=', userId).execute();
}

/** Ends every session of the user but `keepSessionId` (null: every one). */
export async function deleteOtherSessions(
  db: Db | Trx,
  userId: number,
  keepSessionId: string | null,
): Promise<number> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (keepSessionId !== null) query = query.where('id', '<>', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function setUserLocale(db: Db | Trx, userId: number, locale: Locale): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

// ---- Sign-in through an OpenID provider ----------------------------------------------------------

/** Records a sign-in begun at the provider (by its state's hash) and drops the expired ones. */
export async function insertOidcLogin(
  db: Db | Trx,
  login: { id: string; nonce: string; codeVerifier: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db.deleteFrom('oidcLogins').where('expiresAt', '<=', login.createdAt).execute();
  await db.insertInto('oidcLogins').values(login).execute();
}

/**
 * Takes the sign-in whose state hashes to `id`, once: it is deleted in the same step, so a
 * replayed callback finds nothing. Null when unknown, used or expired.
 */
export async function takeOidcLogin(
  db: Db | Trx,
  id: string,
  nowIso: string,
): Promise<{ nonce: string; codeVerifier: string } | null> {
  const login = await db
    .selectFrom('oidcLogins')
    .select(['nonce', 'codeVerifier', 'expiresAt'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!login) return null;
  const taken = await db.deleteFrom('oidcLogins').where('id', '=', id).executeTakeFirst();
  if (Number(taken.numDeletedRows) !== 1 || login.expiresAt <= nowIso) return null;
  return { nonce: login.nonce, codeVerifier: login.codeVerifier };
}

/** The provider's ID token of a session opened through it; null for a password session. */
export async function findSessionIdToken(db: Db | Trx, sessionId: string): Promise<string | null> {
  const row = await db
    .selectFrom('sessions')
    .select('idToken')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row?.idToken ?? null;
}
