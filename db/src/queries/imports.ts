import type { Db, Trx } from '../connection';
import { chunksOf } from './idChunks';

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

/** The live plans of `territoryId`: their ids and codes (a code is unique case aside). */
export async function listLivePlanCodes(
  db: Db | Trx,
  territoryId: number,
): Promise<{ id: number; code: string }[]> {
  return db
    .selectFrom('plans as p')
    .innerJoin('planTerritories as pt', 'pt.planId', 'p.id')
    .select(['p.id', 'p.code'])
    .where('pt.territoryId', '=', territoryId)
    .where('p.archivedAt', 'is', null)
    .orderBy('p.id')
    .execute();
}

export interface IndicatorKey {
  id: number;
  /** The territory the indicator is found under: its own, or one of its plan's. */
  territoryId: number;
  planId: number | null;
  planCode: string | null;
  planArchivedAt: string | null;
  name: string;
  baselineDate: string;
  archivedAt: string | null;
}

/**
 * The indicators of `territoryIds`, archived ones included: their plans' (under each of the plan's
 * territories, with the plan's code) and the territories' own (no plan).
 */
export async function listIndicatorKeys(
  db: Db | Trx,
  territoryIds: readonly number[],
): Promise<IndicatorKey[]> {
  if (territoryIds.length === 0) return [];
  const [ofPlans, ofTerritories] = await Promise.all([
    db
      .selectFrom('indicators as i')
      .innerJoin('plans as p', 'p.id', 'i.planId')
      .innerJoin('planTerritories as pt', 'pt.planId', 'p.id')
      .select([
        'i.id',
        'pt.territoryId',
        'i.planId',
        'p.code as planCode',
        'p.archivedAt as planArchivedAt',
        'i.name',
        'i.baselineDate',
        'i.archivedAt',
      ])
      .where('pt.territoryId', 'in', territoryIds)
      .orderBy('i.id')
      .execute(),
    db
      .selectFrom('indicators as i')
      .select(['i.id', 'i.territoryId', 'i.name', 'i.baselineDate', 'i.archivedAt'])
      .where('i.territoryId', 'in', territoryIds)
      .orderBy('i.id')
      .execute(),
  ]);
  return [
    ...ofPlans,
    ...ofTerritories.map((i) => ({
      ...i,
      territoryId: i.territoryId ?? 0,
      planId: null,
      planCode: null,
      planArchivedAt: null,
    })),
  ];
}

/** The measurements of `indicatorIds`: the day and value of each. */
export async function listMeasurementDays(
  db: Db | Trx,
  indicatorIds: Iterable<number>,
): Promise<{ indicatorId: number; measuredOn: string; value: number }[]> {
  const rows: { indicatorId: number; measuredOn: string; value: number }[] = [];
  for (const chunk of chunksOf(indicatorIds)) {
    rows.push(
      ...(await db
        .selectFrom('measurements')
        .select(['indicatorId', 'measuredOn', 'value'])
        .where('indicatorId', 'in', chunk)
        .execute()),
    );
  }
  return rows;
}
