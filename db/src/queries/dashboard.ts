import {
  sql,
  type Compilable,
  type Expression,
  type ExpressionBuilder,
  type SqlBool,
} from 'kysely';
import {
  HELD_MEETING_STATUSES,
  ACTION_STATUSES,
  indicatorProgress,
  mean,
  nationProgress,
  regionProgress,
  territoryProgress,
  type ActionStatus,
  type Axis,
  type CommitteeKind,
  type IndicatorDirection,
  type IndicatorProgress,
  type IndicatorTrack,
  type MeetingMode,
  type MeetingStatus,
  type StageKind,
  type ReadableHistoryEntry,
} from '@jalon/shared';
import type { Db, Trx } from '../connection';
import type { Database } from '../schema';
import { preparedQuery } from '../prepared';
import { overdueActionSql } from './overdue';
import { stageProgressQuery } from './progress';
import { visibleTerritoryIds, type Visibility } from './visibility';
import { listTerritoryHistory } from './history';

// Read models of the two dashboards: one territory as a committee sees it before a meeting, and
// the portfolio of territories a regional or national observer compares. Counts and roll-ups are
// GROUP BY queries; only indicator judgements run in JS (see `offTrackByTerritory`).

export interface DashboardAction {
  id: number;
  planId: number;
  planCode: string;
  title: string;
  ownerName: string | null;
  status: ActionStatus;
  progress: number;
  dueDate: string | null;
  /** The justification a committee reads: required for Bloqué and En retard. */
  statusComment: string | null;
}

export interface DashboardPlan {
  id: number;
  code: string;
  title: string;
  axis: Axis;
  progress: number | null;
  stages: Record<StageKind, number | null>;
}

export interface DashboardIndicator {
  id: number;
  name: string;
  unit: string;
  planId: number | null;
  planCode: string | null;
  direction: IndicatorDirection;
  baselineValue: number;
  targetValue: number;
  targetDate: string;
  latest: { measuredOn: string; value: number } | null;
  expectedValue: number | null;
  progressPct: number | null;
  track: IndicatorTrack;
}

/** A recent change on a territory's dashboard: an audit event as people read it. */
export type DashboardChange = ReadableHistoryEntry;

export interface DashboardMeeting {
  id: number;
  committeeId: number;
  committeeName: string;
  committeeKind: CommitteeKind;
  scheduledAt: string;
  heldAt: string | null;
  place: string;
  mode: MeetingMode;
  status: MeetingStatus;
}

export interface TerritoryOverview {
  territory: { id: number; code: string; name: string; regionId: number; regionName: string };
  progress: number | null;
  plans: DashboardPlan[];
  statusCounts: Record<ActionStatus, number>;
  overdue: { total: number; items: DashboardAction[] };
  blocked: { total: number; items: DashboardAction[] };
  indicators: {
    total: number;
    byTrack: Record<IndicatorTrack, number>;
    offTrack: DashboardIndicator[];
  };
  recentChanges: { since: string; total: number; items: DashboardChange[] };
  nextMeeting: DashboardMeeting | null;
  lastHeldMeeting: DashboardMeeting | null;
}

export interface TerritoryOverviewOptions {
  territoryId: number;
  /** ISO date: actions due before it are overdue. */
  today: string;
  /** ISO timestamp: the next meeting is the first planned one from it on. */
  nowIso: string;
  /** ISO date or timestamp: audit events from it on are "recent changes". */
  changesSince: string;
  /** Maximum rows of each list (overdue, blocked, off-track indicators, changes). */
  listLimit: number;
}

type DashboardEb = ExpressionBuilder<Database & { a: Database['actions'] }, 'a'>;

/** Ids of the live (non-archived) plans of a territory, shared plans included. */
function livePlanIdsOf(db: Db | Trx, territoryId: number) {
  return db
    .selectFrom('planTerritories as lp_pt')
    .innerJoin('plans as lp_p', 'lp_p.id', 'lp_pt.planId')
    .where('lp_pt.territoryId', '=', territoryId)
    .where('lp_p.archivedAt', 'is', null)
    .select('lp_pt.planId');
}

/**
 * Live indicators `i` (of live plans `p`, or of a territory) each with its latest measurement
 * `il`: the latest day, and on a tie the last recorded, which is the one `latestMeasurement` in
 * @jalon/shared keeps, maintained in `indicator_latest` with every write of a measurement. One
 * join on its key, where a correlated LIMIT 1 per indicator let PostgreSQL's planner, misjudging
 * how many indicators a territory has, hash every measurement of the nation (50 ms).
 */
function indicatorsWithLatestMeasurement(db: Db | Trx) {
  return db
    .selectFrom('indicators as i')
    .leftJoin('plans as p', 'p.id', 'i.planId')
    .leftJoin('indicatorLatest as il', 'il.indicatorId', 'i.id')
    .where('i.archivedAt', 'is', null)
    .where('p.archivedAt', 'is', null);
}

interface IndicatorRow {
  direction: IndicatorDirection;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  measuredOn: string | null;
  value: number | null;
}

/** The shared pure judgement, fed with the latest measurement SQL found (if any). */
function judgeIndicator(row: IndicatorRow): IndicatorProgress {
  const latest =
    row.measuredOn !== null && row.value !== null
      ? [{ measuredOn: row.measuredOn, value: row.value }]
      : [];
  return indicatorProgress(row, latest);
}

const emptyTracks = (): Record<IndicatorTrack, number> => ({
  on_track: 0,
  off_track: 0,
  no_data: 0,
  achieved: 0,
});

/** The territory and its region's name. */
const territoryHeaderQuery = preparedQuery((db, p: { territoryId: number }) =>
  db
    .selectFrom('territories as t')
    .innerJoin('regions as r', 'r.id', 't.regionId')
    .where('t.id', '=', p.territoryId)
    .select(['t.id', 't.code', 't.name', 't.regionId', 'r.name as regionName']),
);

/** Everything the territory dashboard shows, in a dozen indexed queries; null for no territory. */
export async function getTerritoryOverview(
  db: Db | Trx,
  options: TerritoryOverviewOptions,
): Promise<TerritoryOverview | null> {
  const { territoryId, today, nowIso, changesSince, listLimit } = options;
  const territory = await territoryHeaderQuery.executeTakeFirst(db, { territoryId });
  if (!territory) return null;

  const lists = { territoryId, today, limit: listLimit };
  const [plans, counts, overdue, blocked, indicators, changes, meetings] = await Promise.all([
    territoryPlans(db, territoryId),
    territoryStatusCounts(db, territoryId, today),
    overdueActionsQuery.execute(db, lists),
    blockedActionsQuery.execute(db, lists),
    territoryIndicators(db, territoryId, listLimit),
    recentChanges(db, territoryId, changesSince, listLimit),
    territoryMeetings(db, territoryId, nowIso),
  ]);
  return {
    territory,
    // The territory is the mean of its plans: the roll-up of @jalon/shared over the plans above,
    // rather than a second run of their SQL roll-up.
    progress: territoryProgress(plans.map((p) => p.progress)),
    plans,
    statusCounts: counts.byStatus,
    // The totals come with the status counts (the blocked are a status), the lists apart.
    overdue: { total: counts.overdue, items: overdue },
    blocked: { total: counts.byStatus.blocked, items: blocked },
    indicators,
    recentChanges: { since: changesSince, ...changes },
    ...meetings,
  };
}

// The roll-ups of progress.ts aggregate every action of the database, and SQLite does not push a
// territory filter down into their GROUP BY. For one territory we therefore restrict the stage
// roll-up to the territory's plans (an index search) and apply the same means above it: a plan is
// the AVG of its stages, the territory the AVG of its plans.
function territoryPlansQuery(db: Db | Trx, territoryId: number) {
  const stageProgress = stageProgressQuery(db)
    .where('rp_a.planId', 'in', livePlanIdsOf(db, territoryId))
    .as('sp');
  const stageOf = (kind: StageKind) =>
    sql<
      number | null
    >`max(case when ${sql.ref('s.kind')} = ${sql.lit(kind)} then ${sql.ref('sp.progress')} end)`;
  return db
    .selectFrom('planTerritories as pt')
    .innerJoin('plans as p', 'p.id', 'pt.planId')
    .leftJoin('stages as s', 's.planId', 'p.id')
    .leftJoin(stageProgress, 'sp.stageId', 's.id')
    .where('pt.territoryId', '=', territoryId)
    .where('p.archivedAt', 'is', null)
    .groupBy(['p.id', 'p.code', 'p.title', 'p.axis'])
    .select([
      'p.id',
      'p.code',
      'p.title',
      'p.axis',
      sql<number | null>`cast(avg(${sql.ref('sp.progress')}) as double precision)`.as('progress'),
      stageOf('inventory').as('inventoryProgress'),
      stageOf('tool_adaptation').as('toolAdaptationProgress'),
      stageOf('support_for_change').as('supportForChangeProgress'),
    ]);
}

const orderedTerritoryPlansQuery = preparedQuery((db, p: { territoryId: number }) =>
  territoryPlansQuery(db, p.territoryId).orderBy('p.code').orderBy('p.id'),
);

async function territoryPlans(db: Db | Trx, territoryId: number): Promise<DashboardPlan[]> {
  const rows = await orderedTerritoryPlansQuery.execute(db, { territoryId });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    axis: r.axis,
    progress: r.progress,
    stages: {
      inventory: r.inventoryProgress,
      tool_adaptation: r.toolAdaptationProgress,
      support_for_change: r.supportForChangeProgress,
    },
  }));
}

/** Live actions of the territory's live plans (a shared plan's actions count in each territory). */
function territoryActions(db: Db | Trx, territoryId: number) {
  return db
    .selectFrom('actions as a')
    .where('a.planId', 'in', livePlanIdsOf(db, territoryId))
    .where('a.archivedAt', 'is', null);
}

const statusCountsQuery = preparedQuery((db, p: { territoryId: number; today: string }) =>
  territoryActions(db, p.territoryId)
    .select((eb) => [
      'a.status',
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .sum<number>(eb.case().when(overdueActionSql('a', p.today)).then(1).else(0).end())
        .as('overdue'),
    ])
    .groupBy('a.status'),
);

async function territoryStatusCounts(
  db: Db | Trx,
  territoryId: number,
  today: string,
): Promise<{ byStatus: Record<ActionStatus, number>; overdue: number }> {
  const rows = await statusCountsQuery.execute(db, { territoryId, today });
  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<
    ActionStatus,
    number
  >;
  let overdue = 0;
  for (const row of rows) {
    byStatus[row.status] = Number(row.n);
    overdue += Number(row.overdue);
  }
  return { byStatus, overdue };
}

interface AttentionParams {
  territoryId: number;
  today: string;
  limit: number;
}

/** The first `limit` live actions of the territory meeting `condition`, oldest due date first. */
function attentionActionsQuery(
  condition: (eb: DashboardEb, p: AttentionParams) => Expression<SqlBool>,
) {
  return preparedQuery((db, p: AttentionParams): Compilable<DashboardAction> =>
    territoryActions(db, p.territoryId)
      .where((eb) => condition(eb, p))
      .innerJoin('plans as p', 'p.id', 'a.planId')
      .leftJoin('users as u', 'u.id', 'a.ownerUserId')
      .select([
        'a.id',
        'a.planId',
        'p.code as planCode',
        'a.title',
        'u.name as ownerName',
        'a.status',
        'a.progress',
        'a.dueDate',
        'a.statusComment',
      ])
      // Oldest due date first, undated last: the longest-standing problems lead the list.
      .orderBy((eb) => eb('a.dueDate', 'is', null))
      .orderBy('a.dueDate')
      .orderBy('a.id')
      .limit(p.limit),
  );
}

const overdueActionsQuery = attentionActionsQuery((_eb, p) => overdueActionSql('a', p.today));
const blockedActionsQuery = attentionActionsQuery((eb) => eb('a.status', '=', 'blocked'));

// The territory's indicators: those of its live plans and its own.
const territoryIndicatorsQuery = preparedQuery((db, p: { territoryId: number }) =>
  indicatorsWithLatestMeasurement(db)
    .where((eb) =>
      eb.or([
        eb('i.territoryId', '=', p.territoryId),
        eb('i.planId', 'in', livePlanIdsOf(db, p.territoryId)),
      ]),
    )
    .select([
      'i.id',
      'i.name',
      'i.unit',
      'i.planId',
      'p.code as planCode',
      'i.direction',
      'i.baselineValue',
      'i.baselineDate',
      'i.targetValue',
      'i.targetDate',
      'il.measuredOn',
      'il.value',
    ])
    .orderBy('i.id'),
);

async function territoryIndicators(
  db: Db | Trx,
  territoryId: number,
  limit: number,
): Promise<TerritoryOverview['indicators']> {
  const rows = await territoryIndicatorsQuery.execute(db, { territoryId });
  const byTrack = emptyTracks();
  const offTrack: DashboardIndicator[] = [];
  for (const row of rows) {
    const progress = judgeIndicator(row);
    byTrack[progress.track] += 1;
    if (progress.track !== 'off_track' || offTrack.length >= limit) continue;
    offTrack.push({
      id: row.id,
      name: row.name,
      unit: row.unit,
      planId: row.planId,
      planCode: row.planCode,
      direction: row.direction,
      baselineValue: row.baselineValue,
      targetValue: row.targetValue,
      targetDate: row.targetDate,
      latest: progress.latest,
      expectedValue: progress.expectedValue,
      progressPct: progress.progressPct,
      track: progress.track,
    });
  }
  return { total: rows.length, byTrack, offTrack };
}

function recentChanges(
  db: Db | Trx,
  territoryId: number,
  since: string,
  limit: number,
): Promise<{ total: number; items: DashboardChange[] }> {
  return listTerritoryHistory(db, { territoryId, since, limit, offset: 0 });
}

function territoryMeetingsQuery(db: Db | Trx, territoryId: number) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('committees as c', 'c.id', 'm.committeeId')
    .where('c.territoryId', '=', territoryId)
    .where('c.archivedAt', 'is', null)
    .select([
      'm.id',
      'm.committeeId',
      'c.name as committeeName',
      'c.kind as committeeKind',
      'm.scheduledAt',
      'm.heldAt',
      'm.place',
      'm.mode',
      'm.status',
    ]);
}

const nextMeetingQuery = preparedQuery((db, p: { territoryId: number; nowIso: string }) =>
  territoryMeetingsQuery(db, p.territoryId)
    .where('m.status', '=', 'planned')
    .where('m.scheduledAt', '>=', p.nowIso)
    .orderBy('m.scheduledAt')
    .orderBy('m.id')
    .limit(1),
);

const lastHeldMeetingQuery = preparedQuery((db, p: { territoryId: number }) =>
  territoryMeetingsQuery(db, p.territoryId)
    .where('m.status', 'in', HELD_MEETING_STATUSES)
    .orderBy((eb) => eb.fn.coalesce('m.heldAt', 'm.scheduledAt'), 'desc')
    .orderBy('m.id', 'desc')
    .limit(1),
);

async function territoryMeetings(
  db: Db | Trx,
  territoryId: number,
  nowIso: string,
): Promise<{ nextMeeting: DashboardMeeting | null; lastHeldMeeting: DashboardMeeting | null }> {
  const [next, last] = await Promise.all([
    nextMeetingQuery.executeTakeFirst(db, { territoryId, nowIso }),
    lastHeldMeetingQuery.executeTakeFirst(db, { territoryId }),
  ]);
  return { nextMeeting: next ?? null, lastHeldMeeting: last ?? null };
}

// ---- Portfolio ------------------------------------------------------------------------------

export interface PortfolioOptions {
  visibility: Visibility;
  /** Narrows the rows and the summary figures to one region; `summary.nation` is then null. */
  regionId?: number | undefined;
  sort: 'name' | 'progress' | 'overdue';
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
  today: string;
  nowIso: string;
}

export interface PortfolioTerritory {
  id: number;
  code: string;
  name: string;
  regionId: number;
  regionName: string;
  progress: number | null;
  planCount: number;
  overdueCount: number;
  blockedCount: number;
  indicatorsOffTrack: number;
  lastHeldMeetingAt: string | null;
  nextMeetingAt: string | null;
}

export interface PortfolioSummary {
  /**
   * The regions of the visible territories. A region's progress is the whole region's, so it is
   * given only when the caller sees every live territory of it; otherwise `partial` is true and
   * progress null, as an average of the visible part would pass for the region's.
   */
  regions: { regionId: number; regionName: string; progress: number | null; partial: boolean }[];
  axes: { axis: Axis; planCount: number; progress: number | null }[];
  /**
   * Only for callers who see every territory, and null when the portfolio is narrowed to one
   * region (`regionId`): a partial "nation" would mislead.
   */
  nation: number | null;
  indicatorsOffTrack: number;
}

export interface Portfolio {
  items: PortfolioTerritory[];
  total: number;
  summary: PortfolioSummary;
}

/** The live territories the caller sees, narrowed to one region when asked. */
function portfolioScope(db: Db | Trx, options: PortfolioOptions) {
  return db
    .selectFrom('territories as ps_t')
    .select('ps_t.id')
    .where('ps_t.id', 'in', visibleTerritoryIds(db, options.visibility))
    .where('ps_t.archivedAt', 'is', null)
    .$if(options.regionId !== undefined, (qb) =>
      qb.where('ps_t.regionId', '=', options.regionId ?? 0),
    );
}

type PortfolioScope = ReturnType<typeof portfolioScope>;

/**
 * The portfolio of territories: one page of rows and the summary figures for the charts.
 *
 * The roll-ups come from aggregates maintained with every write (`portfolioRollupsQuery`: per
 * plan, its progress by the pure `planProgress` and its blocked actions) and one count of the
 * overdue actions, which depend on today (`portfolioOverdueQuery`). The plan → territory →
 * region → axis → nation means are then taken in JS with the pure functions of @jalon/shared, so
 * they equal the pure roll-up exactly; the 183 territories are sorted and paged in JS. Only the
 * page's meeting dates are read, and only the off-track indicators, whose track is maintained
 * (`indicator_latest`).
 */
export async function getPortfolio(db: Db | Trx, options: PortfolioOptions): Promise<Portfolio> {
  const scope = portfolioScope(db, options);
  // Who sees every territory without a region filter has everything in scope: no filter needed.
  const wholeNation = options.visibility.all && options.regionId === undefined;
  const [territories, links, totals, overdue, partialRegions, indicators] = await Promise.all([
    db
      .selectFrom('territories as t')
      .innerJoin('regions as r', 'r.id', 't.regionId')
      .where('t.id', 'in', scope)
      .select(['t.id', 't.code', 't.name', 't.regionId', 'r.name as regionName'])
      .orderBy('t.id')
      .execute(),
    // In the primary key's order: each territory's plans come out by plan id.
    db
      .selectFrom('planTerritories as pl_pt')
      .innerJoin('plans as pl_p', 'pl_p.id', 'pl_pt.planId')
      .where('pl_p.archivedAt', 'is', null)
      .$if(!wholeNation, (qb) => qb.where('pl_pt.territoryId', 'in', scope))
      .select(['pl_pt.planId', 'pl_pt.territoryId', 'pl_p.axis'])
      .orderBy('pl_pt.planId')
      .orderBy('pl_pt.territoryId')
      .execute(),
    portfolioRollupsQuery(db, wholeNation ? null : scope).execute(),
    portfolioOverdueQuery(db, options.today, wholeNation ? null : scope).execute(),
    options.visibility.all
      ? Promise.resolve(new Set<number>())
      : partialRegionIds(db, options.visibility),
    liveOffTrackIndicators(db),
  ]);

  const scopeIds = new Set(territories.map((t) => t.id));
  const scopeLinks = links.filter((l) => scopeIds.has(l.territoryId));
  const plansByTerritory = groupIds(scopeLinks, 'territoryId', 'planId');
  const offTrack = offTrackByTerritory(
    indicators,
    groupIds(scopeLinks, 'planId', 'territoryId'),
    scopeIds,
  );
  const plans = planFigures(totals, overdue);
  const rows = territories.map((t) => {
    let overdueCount = 0;
    let blockedCount = 0;
    const planIds = plansByTerritory.get(t.id) ?? [];
    const planValues = planIds.map((planId) => {
      const plan = plans.get(planId);
      overdueCount += plan?.overdue ?? 0;
      blockedCount += plan?.blocked ?? 0;
      return plan?.progress ?? null;
    });
    return {
      ...t,
      progress: territoryProgress(planValues),
      planCount: planIds.length,
      overdueCount,
      blockedCount,
      indicatorsOffTrack: offTrack.perTerritory.get(t.id) ?? 0,
    };
  });

  // A sorted copy: the means below add the territories up in id order, as the pure roll-up does.
  const page = rows
    .toSorted(portfolioOrder(options))
    .slice(options.offset, options.offset + options.limit);
  const meetings = await meetingDates(
    db,
    page.map((t) => t.id),
    options.nowIso,
  );
  return {
    items: page.map((t) => ({
      ...t,
      lastHeldMeetingAt: meetings.get(t.id)?.lastHeld ?? null,
      nextMeetingAt: meetings.get(t.id)?.nextPlanned ?? null,
    })),
    total: rows.length,
    summary: {
      regions: regionFigures(rows, partialRegions),
      axes: axisFigures(scopeLinks, plans),
      nation: wholeNation ? nationProgress(rows.map((t) => t.progress)) : null,
      indicatorsOffTrack: offTrack.total,
    },
  };
}

/** `key` → its `value`s, in the order of `rows`. */
function groupIds<K extends string, V extends string>(
  rows: readonly (Record<K, number> & Record<V, number>)[],
  key: K,
  value: V,
): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (const row of rows) {
    const group = groups.get(row[key]);
    if (group) group.push(row[value]);
    else groups.set(row[key], [row[value]]);
  }
  return groups;
}

type PortfolioRow = Omit<PortfolioTerritory, 'lastHeldMeetingAt' | 'nextMeetingAt'>;

/** Binary order of text, as SQL's default collation on SQLite sorts names. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The requested order, then name and id so that pages never overlap. */
function portfolioOrder(options: PortfolioOptions): (a: PortfolioRow, b: PortfolioRow) => number {
  const sign = options.direction === 'asc' ? 1 : -1;
  const first = (a: PortfolioRow, b: PortfolioRow): number => {
    switch (options.sort) {
      case 'name':
        return sign * compareText(a.name, b.name);
      case 'progress':
        // Territories without a value yet come last whatever the direction.
        if (a.progress === null || b.progress === null) {
          return (a.progress === null ? 1 : 0) - (b.progress === null ? 1 : 0);
        }
        return sign * (a.progress - b.progress);
      case 'overdue':
        return sign * (a.overdueCount - b.overdueCount);
    }
  };
  return (a, b) => first(a, b) || compareText(a.name, b.name) || a.id - b.id;
}

/** The plans of the scope's territories, for the roll-up queries. */
function plansOfScope(db: Db | Trx, scope: PortfolioScope) {
  return db
    .selectFrom('planTerritories as st_pt')
    .select('st_pt.planId')
    .where('st_pt.territoryId', 'in', scope);
}

/**
 * Per plan with live actions, its progress (the pure `planProgress` over its stages) and its
 * blocked actions: maintained in `plan_rollups` by every write of an action (queries/rollups.ts),
 * so the portfolio never rescans the actions. Exported for the bench, which runs its SQL raw as
 * the portfolio's yardstick.
 */
export function portfolioRollupsQuery(db: Db | Trx, scope: PortfolioScope | null = null) {
  const rollups = db
    .selectFrom('planRollups as pr')
    .select(['pr.planId', 'pr.progress', 'pr.blocked']);
  return scope === null ? rollups : rollups.where('pr.planId', 'in', plansOfScope(db, scope));
}

/**
 * Overdue actions per plan. Overdue depends on today, so it is not maintained: one pass over the
 * covering index `actions_rollup_idx`, without touching the table. Exported for the bench.
 */
export function portfolioOverdueQuery(
  db: Db | Trx,
  today: string,
  scope: PortfolioScope | null = null,
) {
  const overdue = db
    .selectFrom('actions as oa')
    .where('oa.dueDate', '<', today)
    .where('oa.archivedAt', 'is', null)
    .where(overdueActionSql('oa', today))
    .groupBy('oa.planId')
    .select((eb) => ['oa.planId', eb.fn.countAll<number | string>().as('overdue')]);
  return scope === null ? overdue : overdue.where('oa.planId', 'in', plansOfScope(db, scope));
}

interface PlanFigures {
  progress: number | null;
  overdue: number;
  blocked: number;
}

/** Each plan's maintained figures with its overdue actions of today. */
function planFigures(
  totals: Awaited<ReturnType<ReturnType<typeof portfolioRollupsQuery>['execute']>>,
  overdue: Awaited<ReturnType<ReturnType<typeof portfolioOverdueQuery>['execute']>>,
): Map<number, PlanFigures> {
  const plans = new Map<number, PlanFigures>();
  for (const row of totals) {
    plans.set(row.planId, { progress: row.progress, overdue: 0, blocked: row.blocked });
  }
  // An overdue action is live, so its plan has a rollup row. (PostgreSQL's COUNT is a bigint,
  // handed over as a string: hence `Number`.)
  for (const row of overdue) {
    const plan = plans.get(row.planId);
    if (plan) plan.overdue += Number(row.overdue);
  }
  return plans;
}

/**
 * The regions of the scope. A region's progress is the whole region's, so it is given only when
 * the caller sees every live territory of it (then the scope holds them all); otherwise partial.
 * `rows` come in territory id order, the order in which the pure roll-up adds them up.
 */
function regionFigures(
  rows: readonly PortfolioRow[],
  partialRegions: ReadonlySet<number>,
): PortfolioSummary['regions'] {
  const regions = new Map<number, { regionName: string; values: (number | null)[] }>();
  for (const t of rows) {
    const region = regions.get(t.regionId) ?? { regionName: t.regionName, values: [] };
    region.values.push(t.progress);
    regions.set(t.regionId, region);
  }
  return [...regions]
    .map(([regionId, { regionName, values }]) => {
      const partial = partialRegions.has(regionId);
      return {
        regionId,
        regionName,
        progress: partial ? null : regionProgress(values),
        partial,
      };
    })
    .sort((a, b) => compareText(a.regionName, b.regionName) || a.regionId - b.regionId);
}

/** Per axis, the live plans of the scope (each once, even when shared) and their mean progress. */
function axisFigures(
  links: readonly { planId: number; axis: Axis }[],
  plans: ReadonlyMap<number, PlanFigures>,
): PortfolioSummary['axes'] {
  const axes = new Map<Axis, Set<number>>();
  for (const link of links) {
    const planIds = axes.get(link.axis) ?? new Set<number>();
    planIds.add(link.planId);
    axes.set(link.axis, planIds);
  }
  return [...axes]
    .map(([axis, planIds]) => {
      const ids = [...planIds].sort((a, b) => a - b);
      return {
        axis,
        planCount: ids.length,
        progress: mean(ids.map((id) => plans.get(id)?.progress ?? null)),
      };
    })
    .sort((a, b) => compareText(a.axis, b.axis));
}

/** The regions with a live territory the caller does not see. */
async function partialRegionIds(db: Db | Trx, visibility: Visibility): Promise<Set<number>> {
  const rows = await db
    .selectFrom('territories as hidden_t')
    .select('hidden_t.regionId')
    .distinct()
    .where('hidden_t.archivedAt', 'is', null)
    .where('hidden_t.id', 'not in', visibleTerritoryIds(db, visibility))
    .execute();
  return new Set(rows.map((r) => r.regionId));
}

/** Per territory of the page: when its committees last met and will next meet. */
async function meetingDates(
  db: Db | Trx,
  territoryIds: number[],
  nowIso: string,
): Promise<Map<number, { lastHeld: string | null; nextPlanned: string | null }>> {
  if (territoryIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('meetings as md_m')
    .innerJoin('committees as md_c', 'md_c.id', 'md_m.committeeId')
    .where('md_c.archivedAt', 'is', null)
    .where('md_c.territoryId', 'in', territoryIds)
    .groupBy('md_c.territoryId')
    .select((eb) => [
      'md_c.territoryId',
      eb.fn
        .max<string | null>(
          eb
            .case()
            .when('md_m.status', 'in', HELD_MEETING_STATUSES)
            .then(eb.fn.coalesce('md_m.heldAt', 'md_m.scheduledAt'))
            .end(),
        )
        .as('lastHeld'),
      eb.fn
        .min<string | null>(
          eb
            .case()
            .when(eb.and([eb('md_m.status', '=', 'planned'), eb('md_m.scheduledAt', '>=', nowIso)]))
            .then(eb.ref('md_m.scheduledAt'))
            .end(),
        )
        .as('nextPlanned'),
    ])
    .execute();
  return new Map(rows.map((r) => [r.territoryId, r]));
}

/**
 * Every live indicator (of a live plan, or of a territory) that is off track. Its track is
 * judged by the shared rule on its latest measurement and kept in `indicator_latest` with every
 * write of a measurement or an indicator (queries/rollups.ts): it depends on no date but the
 * measurement's, so nothing is judged per request.
 */
function liveOffTrackIndicators(db: Db | Trx) {
  return db
    .selectFrom('indicatorLatest as il')
    .innerJoin('indicators as i', 'i.id', 'il.indicatorId')
    .leftJoin('plans as p', 'p.id', 'i.planId')
    .where('il.track', '=', 'off_track')
    .where('i.archivedAt', 'is', null)
    .where('p.archivedAt', 'is', null)
    .select(['i.planId', 'i.territoryId'])
    .execute();
}

/**
 * Off-track indicators per territory of the scope. A plan indicator counts in every territory of
 * its plan, as plan progress does.
 */
function offTrackByTerritory(
  indicators: Awaited<ReturnType<typeof liveOffTrackIndicators>>,
  territoriesByPlan: ReadonlyMap<number, number[]>,
  scopeIds: ReadonlySet<number>,
): { perTerritory: Map<number, number>; total: number } {
  const perTerritory = new Map<number, number>();
  let total = 0;
  for (const indicator of indicators) {
    const territoryIds =
      indicator.territoryId !== null
        ? [indicator.territoryId].filter((id) => scopeIds.has(id))
        : (territoriesByPlan.get(indicator.planId ?? 0) ?? []);
    if (territoryIds.length === 0) continue;
    total += 1;
    for (const id of territoryIds) perTerritory.set(id, (perTerritory.get(id) ?? 0) + 1);
  }
  return { perTerritory, total };
}
