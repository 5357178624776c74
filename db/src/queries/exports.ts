import { sql } from 'kysely';
import type { ActionStatus, Axis, StageKind } from '@jalon/shared';
import type { Db, Trx } from '../connection';
import { ACTION_SORT_COLUMNS, filteredActionsQuery, type ActionFilter } from './actions';
import type { MeasurementListItem } from './indicators';
import { streamRowBatches } from '../readConnection';
import { overdueActionSql } from './overdue';
import { planProgressQuery, stageProgressQuery } from './progress';
import { visiblePlanIds, visibleTerritoryIds, type Visibility } from './visibility';
import { chunksOf } from './idChunks';

/**
 * The `limit` with which a paginated list function returns every row in one query (an int32,
 * which every SQL engine takes as a LIMIT).
 */
export const ALL_ROWS = 2_147_483_647;

/** One row of the plans export: a plan as seen from one of its territories. */
export interface PlanExportRow {
  territoryCode: string;
  territoryName: string;
  planId: number;
  planCode: string;
  title: string;
  axis: Axis;
  leadOrganisation: string | null;
  inventoryProgress: number | null;
  toolAdaptationProgress: number | null;
  supportForChangeProgress: number | null;
  planProgress: number | null;
  statusCounts: Record<ActionStatus, number>;
  /** Live actions past their due date and neither done nor dropped. */
  overdue: number;
}

export interface PlanExportOptions {
  /** ISO date against which "overdue" is judged. */
  today: string;
  /** Restricts the rows to what a caller may read; everything when absent. */
  visibility?: Visibility;
}

/** Column aliases of the per-status counts (camelCase: the CamelCasePlugin maps them). */
const COUNT_COLUMNS = {
  not_started: 'countNotStarted',
  in_progress: 'countInProgress',
  done: 'countDone',
  late: 'countLate',
  on_hold: 'countOnHold',
  blocked: 'countBlocked',
  dropped: 'countDropped',
  to_discuss: 'countToDiscuss',
} as const satisfies Record<ActionStatus, string>;

/** Per plan: the progress of each of its three stages, side by side. */
function stageProgressByKind(db: Db | Trx) {
  const progressOf = (kind: string) =>
    sql<
      number | null
    >`max(case when ${sql.ref('ex_s.kind')} = ${kind} then ${sql.ref('ex_sp.progress')} end)`;
  return db
    .selectFrom('stages as ex_s')
    .innerJoin(stageProgressQuery(db).as('ex_sp'), 'ex_sp.stageId', 'ex_s.id')
    .select([
      'ex_s.planId',
      progressOf('inventory').as('inventory'),
      progressOf('tool_adaptation').as('toolAdaptation'),
      progressOf('support_for_change').as('supportForChange'),
    ])
    .groupBy('ex_s.planId');
}

/** Per plan: how many live actions are in each status, and how many are overdue. */
function actionCounts(db: Db | Trx, today: string) {
  const status = sql.ref('ex_a.status');
  const countOf = (value: ActionStatus) =>
    sql<number>`sum(case when ${status} = ${value} then 1 else 0 end)`.as(COUNT_COLUMNS[value]);
  return db
    .selectFrom('actions as ex_a')
    .where('ex_a.archivedAt', 'is', null)
    .select([
      'ex_a.planId',
      countOf('not_started'),
      countOf('in_progress'),
      countOf('done'),
      countOf('late'),
      countOf('on_hold'),
      countOf('blocked'),
      countOf('dropped'),
      countOf('to_discuss'),
      sql<number>`sum(case when ${overdueActionSql('ex_a', today)} then 1 else 0 end)`.as(
        'overdue',
      ),
    ])
    .groupBy('ex_a.planId');
}

/** The plans export as one query, in (territory code, plan id) order. */
export function planExportQuery(db: Db | Trx, options: PlanExportOptions) {
  return db
    .selectFrom('planTerritories as pt')
    .innerJoin('plans as p', 'p.id', 'pt.planId')
    .innerJoin('territories as t', 't.id', 'pt.territoryId')
    .leftJoin('organisations as o', 'o.id', 'p.leadOrganisationId')
    .leftJoin(planProgressQuery(db).as('pp'), 'pp.planId', 'p.id')
    .leftJoin(stageProgressByKind(db).as('sp'), 'sp.planId', 'p.id')
    .leftJoin(actionCounts(db, options.today).as('ac'), 'ac.planId', 'p.id')
    .where('p.archivedAt', 'is', null)
    .where('t.archivedAt', 'is', null)
    .$if(options.visibility !== undefined, (qb) => {
      const visibility = options.visibility ?? { all: true };
      return qb
        .where('pt.territoryId', 'in', visibleTerritoryIds(db, visibility))
        .where('pt.planId', 'in', visiblePlanIds(db, visibility));
    })
    .select([
      't.code as territoryCode',
      't.name as territoryName',
      'p.id as planId',
      'p.code as planCode',
      'p.title',
      'p.axis',
      'o.name as leadOrganisation',
      'sp.inventory',
      'sp.toolAdaptation',
      'sp.supportForChange',
      'pp.progress as planProgress',
      'ac.countNotStarted',
      'ac.countInProgress',
      'ac.countDone',
      'ac.countLate',
      'ac.countOnHold',
      'ac.countBlocked',
      'ac.countDropped',
      'ac.countToDiscuss',
      'ac.overdue',
    ])
    .orderBy('t.code')
    .orderBy('p.id');
}

/**
 * The live plans, one row per (plan, territory), ordered by territory code then plan, with their
 * stage and plan progress and their action counts, all aggregated in SQL. One query read through
 * a cursor: the roll-ups are computed once, and a national export streams in bounded memory.
 * Nothing else may run on `db` until the rows are done (its connection holds the cursor).
 */
export async function* exportPlanRows(
  db: Db | Trx,
  options: PlanExportOptions,
): AsyncGenerator<PlanExportRow, void, undefined> {
  for await (const batch of streamRowBatches(db, planExportQuery(db, options))) {
    yield* batch.map((r) => ({
      territoryCode: r.territoryCode,
      territoryName: r.territoryName,
      planId: r.planId,
      planCode: r.planCode,
      title: r.title,
      axis: r.axis,
      leadOrganisation: r.leadOrganisation,
      inventoryProgress: r.inventory ?? null,
      toolAdaptationProgress: r.toolAdaptation ?? null,
      supportForChangeProgress: r.supportForChange ?? null,
      planProgress: r.planProgress ?? null,
      statusCounts: {
        not_started: Number(r.countNotStarted ?? 0),
        in_progress: Number(r.countInProgress ?? 0),
        done: Number(r.countDone ?? 0),
        late: Number(r.countLate ?? 0),
        on_hold: Number(r.countOnHold ?? 0),
        blocked: Number(r.countBlocked ?? 0),
        dropped: Number(r.countDropped ?? 0),
        to_discuss: Number(r.countToDiscuss ?? 0),
      },
      overdue: Number(r.overdue ?? 0),
    }));
  }
}

/** One row of the actions export: what the actions CSV shows of an action. */
export interface ActionExportRow {
  /** With `version`: what an import of the file back matches each row by. */
  id: number;
  version: number;
  planCode: string;
  planTitle: string;
  stageKind: StageKind;
  title: string;
  ownerName: string | null;
  status: ActionStatus;
  progress: number;
  statusComment: string | null;
  startDate: string | null;
  dueDate: string | null;
  completedOn: string | null;
  updatedAt: string;
}

/**
 * The actions of `action.list` (its filters, visibility and order, every page) as one query
 * read through a cursor, in batches. Nothing else may run on `db` until the rows are done.
 */
export function streamActionRows(
  db: Db | Trx,
  visibility: Visibility,
  filter: Omit<ActionFilter, 'limit' | 'offset'>,
  today: string,
): AsyncGenerator<ActionExportRow[], void, undefined> {
  return streamRowBatches(db, actionExportQuery(db, visibility, filter, today));
}

/** The SQL of the actions export: `action.list`'s filters and order, no page. */
export function actionExportQuery(
  db: Db | Trx,
  visibility: Visibility,
  filter: Omit<ActionFilter, 'limit' | 'offset'>,
  today: string,
) {
  return filteredActionsQuery(db, visibility, filter, today)
    .leftJoin('users as u', 'u.id', 'a.ownerUserId')
    .select([
      'p.code as planCode',
      'p.title as planTitle',
      's.kind as stageKind',
      'a.title',
      'u.name as ownerName',
      'a.status',
      'a.progress',
      'a.statusComment',
      'a.startDate',
      'a.dueDate',
      'a.completedOn',
      'a.updatedAt',
      'a.id',
      'a.version',
    ])
    .orderBy(ACTION_SORT_COLUMNS[filter.sort], filter.direction)
    .orderBy('a.id', 'asc');
}

/** The SQL of an indicator's measurements, newest first, as `measurement.list` orders them. */
export function measurementExportQuery(db: Db | Trx, indicatorId: number) {
  return db
    .selectFrom('measurements as m')
    .leftJoin('users as u', 'u.id', 'm.recordedBy')
    .where('m.indicatorId', '=', indicatorId)
    .select(['m.measuredOn', 'm.value', 'm.source', 'm.comment', 'u.name as recorderName'])
    .orderBy('m.measuredOn', 'desc')
    .orderBy('m.id', 'desc');
}

export type MeasurementExportRow = Pick<
  MeasurementListItem,
  'measuredOn' | 'value' | 'source' | 'comment' | 'recorderName'
>;

/**
 * Every measurement of an indicator, newest first, as one query read through a cursor, in
 * batches. Nothing else may run on `db` until the rows are done.
 */
export function streamMeasurementRows(
  db: Db | Trx,
  indicatorId: number,
): AsyncGenerator<MeasurementExportRow[], void, undefined> {
  return streamRowBatches(db, measurementExportQuery(db, indicatorId));
}

/** What decisions and agenda items link to, named for a file: action titles and stage kinds. */
export interface LinkNames {
  actionTitles: Map<number, string>;
  stageKinds: Map<number, StageKind>;
}

/** The titles of these actions and the kinds of these stages, a few queries for a whole file. */
export async function loadLinkNames(
  db: Db | Trx,
  links: Iterable<{ stageId: number | null; actionId: number | null }>,
): Promise<LinkNames> {
  const actionIds: number[] = [];
  const stageIds: number[] = [];
  for (const link of links) {
    if (link.actionId !== null) actionIds.push(link.actionId);
    else if (link.stageId !== null) stageIds.push(link.stageId);
  }
  const names: LinkNames = { actionTitles: new Map(), stageKinds: new Map() };
  for (const ids of chunksOf(actionIds)) {
    const rows = await db
      .selectFrom('actions')
      .select(['id', 'title'])
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) names.actionTitles.set(r.id, r.title);
  }
  for (const ids of chunksOf(stageIds)) {
    const rows = await db
      .selectFrom('stages')
      .select(['id', 'kind'])
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) names.stageKinds.set(r.id, r.kind);
  }
  return names;
}

/** The names of these territories, by id. */
export async function loadTerritoryNames(
  db: Db | Trx,
  territoryIds: Iterable<number>,
): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (const ids of chunksOf(territoryIds)) {
    const rows = await db
      .selectFrom('territories')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}
