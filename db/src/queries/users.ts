import type { Insertable, Selectable, Updateable } from 'kysely';
import type { TerritoryRole } from '@jalon/shared';
import type { Db, Trx } from '../connection';
import type { MembershipTable, NewUser, User } from '../schema';
import { isEmptyPatch } from './reference';
import { containsText } from './text';
import { visibleTerritoryIds, type Visibility } from './visibility';

/** A user as the API may show it: everything but the password hash (and their mail choices). */
export type PublicUser = Omit<User, 'passwordHash' | MailPreference>;
export type UserPatch = Omit<Updateable<User>, 'id' | 'passwordHash' | MailPreference>;
/** The optional mails a user may turn off (mail/preferences.ts). */
export type MailPreference = 'mailUpdateRequests' | 'mailReminders';
export type Membership = Selectable<MembershipTable>;
export type NewMembership = Insertable<MembershipTable>;

const PUBLIC_USER_COLUMNS = [
  'id',
  'email',
  'name',
  'organisationId',
  'locale',
  'globalRole',
  'disabledAt',
  'createdAt',
] as const;

// ---- Users -----------------------------------------------------------------------------------

export interface UserFilter {
  search?: string | undefined;
  territoryId?: number | undefined;
  /**
   * Null for everyone (admins). Otherwise only members of these territories, plus the one user
   * whose email is exactly `search`, so that a coordinator can find a person to add.
   */
  memberOfTerritoryIds: number[] | null;
  limit: number;
  offset: number;
}

export interface UserListItem extends PublicUser {
  organisationName: string | null;
}

const membersOf = (db: Db | Trx, territoryIds: readonly number[]) =>
  db
    .selectFrom('memberships as um')
    .select('um.userId')
    .where('um.territoryId', 'in', territoryIds);

/** Users by name, filtered and paginated in SQL; never returns password hashes. */
export async function listUsers(
  db: Db | Trx,
  filter: UserFilter,
): Promise<{ items: UserListItem[]; total: number }> {
  const search = filter.search?.trim() ?? '';
  const scoped = filter.memberOfTerritoryIds;
  const base = db
    .selectFrom('users as u')
    .$if(scoped !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          scoped && scoped.length > 0 ? eb('u.id', 'in', membersOf(db, scoped)) : eb.lit(false),
          search ? eb('u.email', '=', search.toLowerCase()) : eb.lit(false),
        ]),
      ),
    )
    .$if(filter.territoryId !== undefined, (qb) =>
      qb.where('u.id', 'in', membersOf(db, [filter.territoryId ?? 0])),
    )
    .$if(!!search, (qb) =>
      qb.where((eb) =>
        eb.or([containsText(eb.ref('u.name'), search), containsText(eb.ref('u.email'), search)]),
      ),
    );
  const [items, count] = await Promise.all([
    base
      .leftJoin('organisations as o', 'o.id', 'u.organisationId')
      .select(PUBLIC_USER_COLUMNS.map((c) => `u.${c}` as const))
      .select('o.name as organisationName')
      .orderBy('u.name')
      .orderBy('u.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findUser(db: Db | Trx, id: number): Promise<PublicUser | undefined> {
  return db.selectFrom('users').select(PUBLIC_USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export interface UserDetail extends PublicUser {
  organisationName: string | null;
  observedRegionIds: number[];
  memberships: { id: number; territoryId: number; territoryName: string; role: TerritoryRole }[];
}

/** A user with their observed regions and the memberships in territories the caller may read. */
export async function findUserDetail(
  db: Db | Trx,
  id: number,
  visibility: Visibility,
): Promise<UserDetail | undefined> {
  const user = await db
    .selectFrom('users as u')
    .leftJoin('organisations as o', 'o.id', 'u.organisationId')
    .select(PUBLIC_USER_COLUMNS.map((c) => `u.${c}` as const))
    .select('o.name as organisationName')
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (!user) return undefined;
  const [observedRegionIds, memberships] = await Promise.all([
    listObservedRegionIds(db, id),
    db
      .selectFrom('memberships as m')
      .innerJoin('territories as t', 't.id', 'm.territoryId')
      .select(['m.id', 'm.territoryId', 't.name as territoryName', 'm.role'])
      .where('m.userId', '=', id)
      .where('m.territoryId', 'in', visibleTerritoryIds(db, visibility))
      .orderBy('t.name')
      .execute(),
  ]);
  return { ...user, observedRegionIds, memberships };
}

/** The territories a user belongs to, whatever the role. */
export async function listUserTerritoryIds(db: Db | Trx, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('territoryId')
    .where('userId', '=', userId)
    .execute();
  return rows.map((r) => r.territoryId);
}

/** Whether a user holds a membership, whatever the role, in at least one of `territoryIds`. */
export async function isMemberOfAnyTerritory(
  db: Db | Trx,
  userId: number,
  territoryIds: readonly number[],
): Promise<boolean> {
  if (territoryIds.length === 0) return false;
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('userId', '=', userId)
    .where('territoryId', 'in', territoryIds)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(trx: Db | Trx, values: NewUser): Promise<PublicUser> {
  return trx
    .insertInto('users')
    .values(values)
    .returning(PUBLIC_USER_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateUser(
  trx: Db | Trx,
  id: number,
  patch: UserPatch,
): Promise<PublicUser | undefined> {
  if (isEmptyPatch(patch)) return findUser(trx, id);
  return trx
    .updateTable('users')
    .set(patch)
    .where('id', '=', id)
    .returning(PUBLIC_USER_COLUMNS)
    .executeTakeFirst();
}

export async function listObservedRegionIds(db: Db | Trx, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('regionObservers')
    .select('regionId')
    .where('userId', '=', userId)
    .orderBy('regionId')
    .execute();
  return rows.map((r) => r.regionId);
}

export async function replaceObservedRegions(
  trx: Db | Trx,
  userId: number,
  regionIds: readonly number[],
): Promise<void> {
  await trx.deleteFrom('regionObservers').where('userId', '=', userId).execute();
  if (regionIds.length === 0) return;
  await trx
    .insertInto('regionObservers')
    .values([...new Set(regionIds)].map((regionId) => ({ userId, regionId })))
    .execute();
}

/** Signs a user out everywhere. */
export async function deleteUserSessions(trx: Db | Trx, userId: number): Promise<number> {
  const result = await trx.deleteFrom('sessions').where('userId', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ---- Memberships -----------------------------------------------------------------------------

export interface MembershipListItem {
  id: number;
  userId: number;
  userName: string;
  userEmail: string;
  territoryId: number;
  role: TerritoryRole;
  createdAt: string;
}

export async function listMemberships(
  db: Db | Trx,
  filter: { territoryId: number; limit: number; offset: number },
): Promise<{ items: MembershipListItem[]; total: number }> {
  const base = db.selectFrom('memberships as m').where('m.territoryId', '=', filter.territoryId);
  const [items, count] = await Promise.all([
    base
      .innerJoin('users as u', 'u.id', 'm.userId')
      .select([
        'm.id',
        'm.userId',
        'u.name as userName',
        'u.email as userEmail',
        'm.territoryId',
        'm.role',
        'm.createdAt',
      ])
      .orderBy('u.name')
      .orderBy('m.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findMembership(db: Db | Trx, id: number): Promise<Membership | undefined> {
  return db.selectFrom('memberships').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMembershipOf(
  db: Db | Trx,
  userId: number,
  territoryId: number,
): Promise<Membership | undefined> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('userId', '=', userId)
    .where('territoryId', '=', territoryId)
    .executeTakeFirst();
}

export async function insertMembership(trx: Db | Trx, values: NewMembership): Promise<Membership> {
  return trx.insertInto('memberships').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateMembershipRole(
  trx: Db | Trx,
  id: number,
  role: TerritoryRole,
): Promise<Membership | undefined> {
  return trx
    .updateTable('memberships')
    .set({ role })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteMembership(trx: Db | Trx, id: number): Promise<void> {
  await trx.deleteFrom('memberships').where('id', '=', id).execute();
}

/**
 * Whether giving membership `id` the role `nextRole` (null: removing it) would leave its territory
 * without any coordinator. Run it inside the writing transaction.
 */
export async function leavesTerritoryWithoutCoordinator(
  trx: Db | Trx,
  id: number,
  nextRole: TerritoryRole | null,
): Promise<boolean> {
  const membership = await findMembership(trx, id);
  if (!membership || membership.role !== 'coordinator' || nextRole === 'coordinator') return false;
  const others = await trx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('territoryId', '=', membership.territoryId)
    .where('role', '=', 'coordinator')
    .where('id', '!=', id)
    .executeTakeFirstOrThrow();
  return Number(others.n) === 0;
}
