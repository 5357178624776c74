import { sql } from 'kysely';
import type { ActionStatus, Axis } from '@jalon/shared';
import type { Db, Trx } from '../connection';
import { planProgressQuery, stageProgressQuery } from './progress';
import { visiblePlanIds, visibleTerritoryIds, type Visibility } from './visibility';

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
  /** Rows fetched per query; the export never holds more in memory. */
  pageSize?: number;
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
      sql<number>`sum(case when ${sql.ref('ex_a.dueDate')} < ${today} and ${status} not in ('done', 'dropped') then 1 else 0 end)`.as(
        'overdue',
      ),
    ])
    .groupBy('ex_a.planId');
}

interface ExportCursor {
  territoryCode: string;
  planId: number;
}

/** One page of the export, after `cursor` in (territory code, plan id) order. */
async function planExportPage(
  db: Db | Trx,
  options: PlanExportOptions,
  cursor: ExportCursor | null,
  limit: number,
) {
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
    .$if(cursor !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('t.code', '>', cursor?.territoryCode ?? ''),
          eb.and([
            eb('t.code', '=', cursor?.territoryCode ?? ''),
            eb('p.id', '>', cursor?.planId ?? 0),
          ]),
        ]),
      ),
    )
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
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

/**
 * The live plans, one row per (plan, territory), ordered by territory code then plan, with their
 * stage and plan progress and their action counts, all aggregated in SQL. Pages through the
 * table with a keyset so that a national export (thousands of plans) streams in bounded memory.
 */
export async function* exportPlanRows(
  db: Db | Trx,
  options: PlanExportOptions,
): AsyncGenerator<PlanExportRow, void, undefined> {
  const pageSize = options.pageSize ?? 1_000;
  let cursor: ExportCursor | null = null;
  for (;;) {
    const rows = await planExportPage(db, options, cursor, pageSize);
    for (const r of rows) {
      yield {
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
      };
    }
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    cursor = { territoryCode: last.territoryCode, planId: last.planId };
  }
}
