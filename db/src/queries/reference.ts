import type { Insertable, Selectable, Updateable } from 'kysely';
import type { OrganisationKind } from '@jalon/shared';
import type { Db, Trx } from '../connection';
import type { OrganisationTable, Territory, TerritoryTable } from '../schema';
import { territoryProgressQuery } from './progress';
import { containsText } from './text';
import { visibleTerritoryIds, type Visibility } from './visibility';

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type OrganisationUpdate = Updateable<OrganisationTable>;
export type NewTerritory = Insertable<TerritoryTable>;
export type TerritoryUpdate = Updateable<TerritoryTable>;

/** True when a patch sets nothing (Kysely drops undefined values, and `SET` with nothing fails). */
export function isEmptyPatch(patch: object): boolean {
  return Object.values(patch).every((value) => value === undefined);
}

// ---- Regions ---------------------------------------------------------------------------------

export interface RegionListItem {
  id: number;
  code: string;
  name: string;
  territoryCount: number;
}

/** Every region with the number of its live territories. */
export async function listRegions(db: Db | Trx): Promise<RegionListItem[]> {
  const rows = await db
    .selectFrom('regions as r')
    .leftJoin('territories as t', (join) =>
      join.onRef('t.regionId', '=', 'r.id').on('t.archivedAt', 'is', null),
    )
    .select(['r.id', 'r.code', 'r.name', (eb) => eb.fn.count<number>('t.id').as('territoryCount')])
    .groupBy(['r.id', 'r.code', 'r.name'])
    .orderBy('r.name')
    .execute();
  return rows.map((r) => ({ ...r, territoryCount: Number(r.territoryCount) }));
}

// ---- Territories -----------------------------------------------------------------------------

export interface TerritoryFilter {
  regionId?: number | undefined;
  search?: string | undefined;
  sort: 'name' | 'code' | 'region';
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface TerritoryListItem {
  id: number;
  code: string;
  name: string;
  regionId: number;
  regionName: string;
  phase: string;
  joinedOn: string | null;
  progress: number | null;
}

const TERRITORY_SORT_COLUMNS = { name: 't.name', code: 't.code', region: 'r.name' } as const;

/** The live territories the caller may read, filtered, sorted and paginated in SQL. */
export async function listTerritories(
  db: Db | Trx,
  visibility: Visibility,
  filter: TerritoryFilter,
): Promise<{ items: TerritoryListItem[]; total: number }> {
  const base = db
    .selectFrom('territories as t')
    .innerJoin('regions as r', 'r.id', 't.regionId')
    .where('t.id', 'in', visibleTerritoryIds(db, visibility))
    .where('t.archivedAt', 'is', null)
    .$if(filter.regionId !== undefined, (qb) => qb.where('t.regionId', '=', filter.regionId ?? 0))
    .$if(!!filter.search, (qb) =>
      qb.where((eb) =>
        eb.or([
          containsText(eb.ref('t.name'), filter.search ?? ''),
          containsText(eb.ref('t.code'), filter.search ?? ''),
        ]),
      ),
    );
  const [items, count] = await Promise.all([
    base
      .leftJoin(territoryProgressQuery(db).as('tp'), 'tp.territoryId', 't.id')
      .select([
        't.id',
        't.code',
        't.name',
        't.regionId',
        'r.name as regionName',
        't.phase',
        't.joinedOn',
        'tp.progress',
      ])
      .orderBy(TERRITORY_SORT_COLUMNS[filter.sort], filter.direction)
      .orderBy('t.name', filter.direction)
      .orderBy('t.id', 'asc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findTerritory(db: Db | Trx, id: number): Promise<Territory | undefined> {
  return db.selectFrom('territories').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface TerritoryDetail extends Territory {
  regionName: string;
  epcis: { id: number; name: string; siren: string | null }[];
  livePlanCount: number;
  progress: number | null;
}

/** A territory with its region, member EPCIs, number of live plans and progress. */
export async function findTerritoryDetail(
  db: Db | Trx,
  id: number,
): Promise<TerritoryDetail | undefined> {
  const territory = await db
    .selectFrom('territories as t')
    .innerJoin('regions as r', 'r.id', 't.regionId')
    .leftJoin(territoryProgressQuery(db).as('tp'), 'tp.territoryId', 't.id')
    .selectAll('t')
    .select(['r.name as regionName', 'tp.progress'])
    .select((eb) =>
      eb
        .selectFrom('planTerritories as pt')
        .innerJoin('plans as p', 'p.id', 'pt.planId')
        .whereRef('pt.territoryId', '=', 't.id')
        .where('p.archivedAt', 'is', null)
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .as('livePlanCount'),
    )
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!territory) return undefined;
  const epcis = await db
    .selectFrom('territoryEpcis as te')
    .innerJoin('organisations as o', 'o.id', 'te.organisationId')
    .select(['o.id', 'o.name', 'o.siren'])
    .where('te.territoryId', '=', id)
    .orderBy('o.name')
    .execute();
  return { ...territory, livePlanCount: Number(territory.livePlanCount ?? 0), epcis };
}

export async function insertTerritory(trx: Db | Trx, values: NewTerritory): Promise<Territory> {
  return trx.insertInto('territories').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateTerritory(
  trx: Db | Trx,
  id: number,
  patch: TerritoryUpdate,
): Promise<Territory | undefined> {
  if (isEmptyPatch(patch)) return findTerritory(trx, id);
  return trx
    .updateTable('territories')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function listTerritoryEpciIds(db: Db | Trx, territoryId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('territoryEpcis')
    .select('organisationId')
    .where('territoryId', '=', territoryId)
    .orderBy('organisationId')
    .execute();
  return rows.map((r) => r.organisationId);
}

export async function replaceTerritoryEpcis(
  trx: Db | Trx,
  territoryId: number,
  organisationIds: readonly number[],
): Promise<void> {
  await trx.deleteFrom('territoryEpcis').where('territoryId', '=', territoryId).execute();
  if (organisationIds.length === 0) return;
  await trx
    .insertInto('territoryEpcis')
    .values(organisationIds.map((organisationId) => ({ territoryId, organisationId })))
    .execute();
}

// ---- Organisations ---------------------------------------------------------------------------

export interface OrganisationFilter {
  kind?: OrganisationKind | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

/** Organisations by name, filtered and paginated in SQL (national reference data). */
export async function listOrganisations(
  db: Db | Trx,
  filter: OrganisationFilter,
): Promise<{ items: Organisation[]; total: number }> {
  const base = db
    .selectFrom('organisations as o')
    .$if(filter.kind !== undefined, (qb) => qb.where('o.kind', '=', filter.kind ?? 'epci'))
    .$if(!!filter.search, (qb) =>
      qb.where((eb) =>
        eb.or([
          containsText(eb.ref('o.name'), filter.search ?? ''),
          eb('o.siren', '=', filter.search ?? ''),
        ]),
      ),
    );
  const [items, count] = await Promise.all([
    base
      .selectAll('o')
      .orderBy('o.name')
      .orderBy('o.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findOrganisation(
  db: Db | Trx,
  id: number,
): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The kinds of the given organisations (missing ids are simply absent). */
export async function listOrganisationKinds(
  db: Db | Trx,
  ids: readonly number[],
): Promise<{ id: number; kind: OrganisationKind }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organisations').select(['id', 'kind']).where('id', 'in', ids).execute();
}

export async function insertOrganisation(
  trx: Db | Trx,
  values: NewOrganisation,
): Promise<Organisation> {
  return trx.insertInto('organisations').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrganisation(
  trx: Db | Trx,
  id: number,
  patch: OrganisationUpdate,
): Promise<Organisation | undefined> {
  if (isEmptyPatch(patch)) return findOrganisation(trx, id);
  return trx
    .updateTable('organisations')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
