import { isOverdue, type ActionStatus, type StageKind } from '@jalon/shared';
import type { Db, Trx } from '../connection';
import type { Action, ActionUpdate, NewAction } from '../schema';
import { visiblePlanIds, type Visibility } from './visibility';
import { containsText } from './text';
import { overdueActionSql } from './overdue';
import { ACTION_ROLLUP_FIELDS, refreshStageRollups, type StageKey } from './rollups';
import { chunksOf } from './idChunks';

export interface ActionFilter {
  territoryId?: number | undefined;
  planId?: number | undefined;
  stageId?: number | undefined;
  stageKind?: StageKind | undefined;
  statuses?: ActionStatus[] | undefined;
  ownerUserId?: number | undefined;
  overdue?: boolean | undefined;
  search?: string | undefined;
  includeArchived: boolean;
  sort: 'title' | 'status' | 'progress' | 'dueDate' | 'updatedAt' | 'plan';
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface ActionListItem {
  id: number;
  planId: number;
  planCode: string;
  planTitle: string;
  stageId: number;
  stageKind: StageKind;
  title: string;
  ownerUserId: number | null;
  ownerName: string | null;
  status: ActionStatus;
  progress: number;
  statusComment: string | null;
  startDate: string | null;
  dueDate: string | null;
  completedOn: string | null;
  version: number;
  archivedAt: string | null;
  updatedAt: string;
  overdue: boolean;
  /** The territories of the action's plan: the scope of who may edit it. */
  territoryIds: number[];
}

/** The columns `action.list` sorts by (then by id). */
export const ACTION_SORT_COLUMNS = {
  title: 'a.title',
  status: 'a.status',
  progress: 'a.progress',
  dueDate: 'a.dueDate',
  updatedAt: 'a.updatedAt',
  plan: 'p.code',
} as const;

/** The actions visible to the caller with `action.list`'s filters, before columns, order and page. */
export function filteredActionsQuery(
  db: Db | Trx,
  visibility: Visibility,
  filter: Omit<ActionFilter, 'sort' | 'direction' | 'limit' | 'offset'>,
  today: string,
) {
  return db
    .selectFrom('actions as a')
    .innerJoin('plans as p', 'p.id', 'a.planId')
    .innerJoin('stages as s', 's.id', 'a.stageId')
    .where('a.planId', 'in', visiblePlanIds(db, visibility))
    .$if(!filter.includeArchived, (qb) =>
      qb.where('a.archivedAt', 'is', null).where('p.archivedAt', 'is', null),
    )
    .$if(filter.territoryId !== undefined, (qb) =>
      qb.where('a.planId', 'in', (eb) =>
        eb
          .selectFrom('planTerritories')
          .select('planId')
          .where('territoryId', '=', filter.territoryId ?? 0),
      ),
    )
    .$if(filter.planId !== undefined, (qb) => qb.where('a.planId', '=', filter.planId ?? 0))
    .$if(filter.stageId !== undefined, (qb) => qb.where('a.stageId', '=', filter.stageId ?? 0))
    .$if(filter.stageKind !== undefined, (qb) =>
      qb.where('s.kind', '=', filter.stageKind ?? 'inventory'),
    )
    .$if(!!filter.statuses?.length, (qb) => qb.where('a.status', 'in', filter.statuses ?? []))
    .$if(filter.ownerUserId !== undefined, (qb) =>
      qb.where('a.ownerUserId', '=', filter.ownerUserId ?? 0),
    )
    .$if(filter.overdue !== undefined, (qb) =>
      qb.where((eb) => {
        const overdue = overdueActionSql('a', today);
        return filter.overdue ? overdue : eb.not(overdue);
      }),
    )
    .$if(!!filter.search, (qb) =>
      qb.where((eb) =>
        eb.or([
          containsText(eb.ref('a.title'), filter.search ?? ''),
          containsText(eb.ref('p.code'), filter.search ?? ''),
        ]),
      ),
    );
}

/** Lists the actions visible to the caller, filtered, sorted and paginated in SQL. */
export async function listActions(
  db: Db | Trx,
  visibility: Visibility,
  filter: ActionFilter,
  today: string,
): Promise<{ items: ActionListItem[]; total: number }> {
  const base = filteredActionsQuery(db, visibility, filter, today);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users as u', 'u.id', 'a.ownerUserId')
      .select([
        'a.id',
        'a.planId',
        'p.code as planCode',
        'p.title as planTitle',
        'a.stageId',
        's.kind as stageKind',
        'a.title',
        'a.ownerUserId',
        'u.name as ownerName',
        'a.status',
        'a.progress',
        'a.statusComment',
        'a.startDate',
        'a.dueDate',
        'a.completedOn',
        'a.version',
        'a.archivedAt',
        'a.updatedAt',
      ])
      .orderBy(ACTION_SORT_COLUMNS[filter.sort], filter.direction)
      .orderBy('a.id', 'asc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const territoriesByPlan = await planTerritoryIds(db, [...new Set(rows.map((r) => r.planId))]);
  return {
    items: rows.map((r) => ({
      ...r,
      overdue: isOverdue(r, today),
      territoryIds: territoriesByPlan.get(r.planId) ?? [],
    })),
    total: Number(count.n),
  };
}

/** The territories of each plan of a page, in one query. */
async function planTerritoryIds(
  db: Db | Trx,
  planIds: readonly number[],
): Promise<Map<number, number[]>> {
  const byPlan = new Map<number, number[]>();
  if (planIds.length === 0) return byPlan;
  const links = await db
    .selectFrom('planTerritories')
    .select(['planId', 'territoryId'])
    .where('planId', 'in', planIds)
    .orderBy('territoryId')
    .execute();
  for (const link of links) {
    const ids = byPlan.get(link.planId) ?? [];
    ids.push(link.territoryId);
    byPlan.set(link.planId, ids);
  }
  return byPlan;
}

export async function findAction(db: Db | Trx, id: number): Promise<Action | undefined> {
  return db.selectFrom('actions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The actions with these ids (any number of them), archived ones included, in no order. */
export async function findActionsByIds(db: Db | Trx, ids: Iterable<number>): Promise<Action[]> {
  const found: Action[] = [];
  for (const chunk of chunksOf(ids)) {
    found.push(...(await db.selectFrom('actions').selectAll().where('id', 'in', chunk).execute()));
  }
  return found;
}

export async function insertAction(trx: Db | Trx, values: NewAction): Promise<Action> {
  const action = await trx
    .insertInto('actions')
    .values(values)
    .returningAll()
    .executeTakeFirstOrThrow();
  await refreshStageRollups(trx, [action]);
  return action;
}

/**
 * Updates an action only if it is still at `expectedVersion`, bumping the version. Returns the
 * new row, or undefined when someone else saved it first (the caller then reports CONFLICT).
 */
export async function updateActionAtVersion(
  trx: Db | Trx,
  id: number,
  expectedVersion: number,
  patch: ActionUpdate,
  nowIso: string,
): Promise<Action | undefined> {
  // A move leaves the former (plan, stage) to refresh as well.
  const before: StageKey[] =
    patch.planId !== undefined || patch.stageId !== undefined
      ? await trx.selectFrom('actions').select(['planId', 'stageId']).where('id', '=', id).execute()
      : [];
  const action = await trx
    .updateTable('actions')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updatedAt: nowIso }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  // The roll-ups read only where an action is, whether it is live, its status and progress: a
  // change of title, dates, owner or comment leaves them as they are.
  if (action && ACTION_ROLLUP_FIELDS.some((field) => patch[field] !== undefined)) {
    await refreshStageRollups(trx, [...before, action]);
  }
  return action;
}

export async function findStage(db: Db | Trx, id: number) {
  return db.selectFrom('stages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What an action's page shows beside the action itself: its plan, stage and owner by name. */
export interface ActionContext {
  planCode: string;
  planTitle: string;
  stageKind: StageKind;
  ownerName: string | null;
}

export async function findActionContext(
  db: Db | Trx,
  action: Pick<Action, 'planId' | 'stageId' | 'ownerUserId'>,
): Promise<ActionContext> {
  const row = await db
    .selectFrom('plans as p')
    .innerJoin('stages as s', (join) =>
      join.onRef('s.planId', '=', 'p.id').on('s.id', '=', action.stageId),
    )
    .leftJoin('users as u', (join) => join.on('u.id', '=', action.ownerUserId ?? 0))
    .select([
      'p.code as planCode',
      'p.title as planTitle',
      's.kind as stageKind',
      'u.name as ownerName',
    ])
    .where('p.id', '=', action.planId)
    .executeTakeFirstOrThrow();
  return row;
}
