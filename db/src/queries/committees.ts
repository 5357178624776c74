import type { Insertable, Selectable, Updateable } from 'kysely';
import { HELD_MEETING_STATUSES, type CommitteeKind } from '@jalon/shared';
import type { Db, Trx } from '../connection';
import type { CommitteeMemberTable, CommitteeTable } from '../schema';
import { visibleTerritoryIds, type Visibility } from './visibility';

export type CommitteeRow = Selectable<CommitteeTable>;
export type CommitteeMemberRow = Selectable<CommitteeMemberTable>;

export interface CommitteeListItem {
  id: number;
  territoryId: number;
  territoryName: string;
  kind: CommitteeKind;
  name: string;
  memberCount: number;
  /** Date-time of the latest meeting that took place (held or minutes approved). */
  lastMeetingAt: string | null;
  /** Date-time of the next planned meeting from now on. */
  nextMeetingAt: string | null;
}

export interface CommitteeMemberItem extends CommitteeMemberRow {
  userName: string | null;
  organisationName: string | null;
}

/** Lists the live committees the caller may read, with member count and meeting dates from SQL. */
export async function listCommittees(
  db: Db | Trx,
  visibility: Visibility,
  filter: { territoryId?: number | undefined; limit: number; offset: number },
  nowIso: string,
): Promise<{ items: CommitteeListItem[]; total: number }> {
  const base = db
    .selectFrom('committees as c')
    .innerJoin('territories as t', 't.id', 'c.territoryId')
    .where('c.territoryId', 'in', visibleTerritoryIds(db, visibility))
    .where('c.archivedAt', 'is', null)
    .$if(filter.territoryId !== undefined, (qb) =>
      qb.where('c.territoryId', '=', filter.territoryId ?? 0),
    );
  const [rows, count] = await Promise.all([
    base
      .select((eb) => [
        'c.id',
        'c.territoryId',
        't.name as territoryName',
        'c.kind',
        'c.name',
        eb
          .selectFrom('committeeMembers as cm')
          .select((sub) => sub.fn.countAll<number>().as('n'))
          .whereRef('cm.committeeId', '=', 'c.id')
          .as('memberCount'),
        eb
          .selectFrom('meetings as pm')
          .select((sub) => sub.fn.max('pm.scheduledAt').as('at'))
          .whereRef('pm.committeeId', '=', 'c.id')
          .where('pm.status', 'in', HELD_MEETING_STATUSES)
          .as('lastMeetingAt'),
        eb
          .selectFrom('meetings as nm')
          .select((sub) => sub.fn.min('nm.scheduledAt').as('at'))
          .whereRef('nm.committeeId', '=', 'c.id')
          .where('nm.status', '=', 'planned')
          .where('nm.scheduledAt', '>=', nowIso)
          .as('nextMeetingAt'),
      ])
      .orderBy('t.name', 'asc')
      .orderBy('c.kind', 'asc')
      .orderBy('c.name', 'asc')
      .orderBy('c.id', 'asc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      memberCount: Number(r.memberCount ?? 0),
      lastMeetingAt: r.lastMeetingAt ?? null,
      nextMeetingAt: r.nextMeetingAt ?? null,
    })),
    total: Number(count.n),
  };
}

export async function findCommittee(db: Db | Trx, id: number): Promise<CommitteeRow | undefined> {
  return db.selectFrom('committees').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCommittee(
  trx: Db | Trx,
  values: Insertable<CommitteeTable>,
): Promise<CommitteeRow> {
  return trx.insertInto('committees').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateCommittee(
  trx: Db | Trx,
  id: number,
  patch: Updateable<CommitteeTable>,
): Promise<CommitteeRow> {
  return trx
    .updateTable('committees')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The members of a committee, chairs first, with the user's and the organisation's names. */
export async function listCommitteeMembers(
  db: Db | Trx,
  committeeId: number,
): Promise<CommitteeMemberItem[]> {
  return db
    .selectFrom('committeeMembers as cm')
    .leftJoin('users as u', 'u.id', 'cm.userId')
    .leftJoin('organisations as o', 'o.id', 'cm.organisationId')
    .selectAll('cm')
    .select(['u.name as userName', 'o.name as organisationName'])
    .where('cm.committeeId', '=', committeeId)
    .orderBy((eb) => eb.case('cm.role').when('chair').then(0).when('member').then(1).else(2).end())
    .orderBy('cm.personName', 'asc')
    .orderBy('cm.id', 'asc')
    .execute();
}

export async function findCommitteeMember(
  db: Db | Trx,
  id: number,
): Promise<CommitteeMemberRow | undefined> {
  return db.selectFrom('committeeMembers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCommitteeMember(
  trx: Db | Trx,
  values: Insertable<CommitteeMemberTable>,
): Promise<CommitteeMemberRow> {
  return trx.insertInto('committeeMembers').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateCommitteeMember(
  trx: Db | Trx,
  id: number,
  patch: Updateable<CommitteeMemberTable>,
): Promise<CommitteeMemberRow> {
  return trx
    .updateTable('committeeMembers')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Removes a member from a committee. Past attendance lists keep the person's name and
 * organisation; only their link to the membership goes.
 */
export async function deleteCommitteeMember(trx: Db | Trx, id: number): Promise<void> {
  await trx
    .updateTable('attendance')
    .set({ committeeMemberId: null })
    .where('committeeMemberId', '=', id)
    .execute();
  await trx.deleteFrom('committeeMembers').where('id', '=', id).execute();
}
