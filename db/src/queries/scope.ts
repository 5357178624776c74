import type { Db, Trx } from '../connection';

/** Where an entity lives: the territories (and their regions) and, when it belongs to one, the plan. */
export interface Scope {
  territoryIds: number[];
  regionIds: number[];
  planId: number | null;
}

export type ScopedEntity =
  | 'territory'
  | 'plan'
  | 'stage'
  | 'action'
  | 'funding_line'
  | 'indicator'
  | 'measurement'
  | 'committee'
  | 'committee_member'
  | 'meeting'
  | 'agenda_item'
  | 'decision'
  | 'membership';

async function territoriesScope(
  db: Db | Trx,
  territoryIds: number[],
  planId: number | null,
): Promise<Scope | null> {
  if (territoryIds.length === 0) return null;
  const rows = await db
    .selectFrom('territories')
    .select(['id', 'regionId'])
    .where('id', 'in', territoryIds)
    .execute();
  if (rows.length === 0) return null;
  return {
    territoryIds: rows.map((r) => r.id),
    regionIds: [...new Set(rows.map((r) => r.regionId))],
    planId,
  };
}

export async function scopeOfPlan(db: Db | Trx, planId: number): Promise<Scope | null> {
  const rows = await db
    .selectFrom('planTerritories')
    .select('territoryId')
    .where('planId', '=', planId)
    .execute();
  return territoriesScope(
    db,
    rows.map((r) => r.territoryId),
    planId,
  );
}

/**
 * Resolves the scope of any entity that belongs to a territory, directly or through a plan, a
 * committee or a meeting. Null when the entity does not exist.
 */
export async function scopeOf(
  db: Db | Trx,
  entity: ScopedEntity,
  id: number,
): Promise<Scope | null> {
  switch (entity) {
    case 'territory':
      return territoriesScope(db, [id], null);
    case 'plan':
      return scopeOfPlan(db, id);
    case 'stage':
    case 'action':
    case 'funding_line': {
      const table =
        entity === 'stage' ? 'stages' : entity === 'action' ? 'actions' : 'fundingLines';
      const row = await db
        .selectFrom(table)
        .select('planId')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? scopeOfPlan(db, row.planId) : null;
    }
    case 'indicator': {
      const row = await db
        .selectFrom('indicators')
        .select(['planId', 'territoryId'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      return row.planId !== null
        ? scopeOfPlan(db, row.planId)
        : territoriesScope(db, [row.territoryId ?? 0], null);
    }
    case 'measurement': {
      const row = await db
        .selectFrom('measurements')
        .select('indicatorId')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? scopeOf(db, 'indicator', row.indicatorId) : null;
    }
    case 'committee': {
      const row = await db
        .selectFrom('committees')
        .select('territoryId')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? territoriesScope(db, [row.territoryId], null) : null;
    }
    case 'committee_member': {
      const row = await db
        .selectFrom('committeeMembers')
        .select('committeeId')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? scopeOf(db, 'committee', row.committeeId) : null;
    }
    case 'meeting': {
      const row = await db
        .selectFrom('meetings')
        .select('committeeId')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? scopeOf(db, 'committee', row.committeeId) : null;
    }
    case 'agenda_item':
    case 'decision': {
      const table = entity === 'agenda_item' ? 'agendaItems' : 'decisions';
      const row = await db
        .selectFrom(table)
        .select('meetingId')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? scopeOf(db, 'meeting', row.meetingId) : null;
    }
    case 'membership': {
      const row = await db
        .selectFrom('memberships')
        .select('territoryId')
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? territoriesScope(db, [row.territoryId], null) : null;
    }
  }
}
