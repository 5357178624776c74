import type { Db, Trx } from '../connection';

// What a spreadsheet import looks up: territories by code or name, people by email or
// name. Each is one query for the whole file, never one per row.

export interface TerritoryKey {
  id: number;
  code: string;
  name: string;
  regionId: number;
}

/** Every territory's code and name (183 nationally). */
export async function listTerritoryKeys(db: Db | Trx): Promise<TerritoryKey[]> {
  return db
    .selectFrom('territories')
    .select(['id', 'code', 'name', 'regionId'])
    .orderBy('id')
    .execute();
}

export interface TerritoryPerson {
  territoryId: number;
  userId: number;
  name: string;
  email: string;
}

/** The active members of `territoryIds`, whatever their role: those who may own an action. */
export async function listTerritoryPeople(
  db: Db | Trx,
  territoryIds: readonly number[],
): Promise<TerritoryPerson[]> {
  if (territoryIds.length === 0) return [];
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['m.territoryId', 'm.userId', 'u.name', 'u.email'])
    .where('m.territoryId', 'in', territoryIds)
    .where('u.disabledAt', 'is', null)
    .orderBy('m.territoryId')
    .orderBy('u.id')
    .execute();
}

/** The codes of the live plans of `territoryId`, as written (a code is unique case aside). */
export async function listLivePlanCodes(db: Db | Trx, territoryId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('plans as p')
    .innerJoin('planTerritories as pt', 'pt.planId', 'p.id')
    .select('p.code')
    .where('pt.territoryId', '=', territoryId)
    .where('p.archivedAt', 'is', null)
    .execute();
  return rows.map((r) => r.code);
}
