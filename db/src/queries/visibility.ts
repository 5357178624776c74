import type { Db, Trx } from '../connection';

/**
 * What a caller may read, as data: everything (admins, national observers), or the territories they
 * belong to plus every territory of the regions they observe. Computed by the server's permission
 * module; turned into SQL here so lists stay filtered and paginated in the database.
 */
export type Visibility =
  { all: true } | { all: false; territoryIds: number[]; regionIds: number[] };

/**
 * Subquery of the ids of the territories the caller may read, for `where(col, 'in', …)`.
 * With `all` it is simply every territory.
 */
export function visibleTerritoryIds(db: Db | Trx, visibility: Visibility) {
  return db
    .selectFrom('territories as vis_t')
    .select('vis_t.id')
    .$if(!visibility.all, (qb) => {
      const v = visibility as Extract<Visibility, { all: false }>;
      return qb.where((eb) =>
        eb.or([
          v.territoryIds.length > 0 ? eb('vis_t.id', 'in', v.territoryIds) : eb.lit(false),
          v.regionIds.length > 0 ? eb('vis_t.regionId', 'in', v.regionIds) : eb.lit(false),
        ]),
      );
    });
}

/** Subquery of the ids of the plans with at least one territory the caller may read. */
export function visiblePlanIds(db: Db | Trx, visibility: Visibility) {
  return db
    .selectFrom('planTerritories as vis_pt')
    .select('vis_pt.planId')
    .where('vis_pt.territoryId', 'in', visibleTerritoryIds(db, visibility));
}
