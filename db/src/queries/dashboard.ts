import { sql, type ExpressionBuilder } from 'kysely';
import {
  HELD_MEETING_STATUSES,
  ACTION_STATUSES,
  indicatorProgress,
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
import {
  nationProgress,
  planProgressQuery,
  regionProgressQuery,
  stageProgressQuery,
  territoryProgressQuery,
} from './progress';
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

/** Same rule as `isOverdue` in @jalon/shared: a past due date on an action neither done nor dropped. */
function isOverdueSql(eb: DashboardEb, today: string) {
  return eb.and([
    eb('a.dueDate', 'is not', null),
    eb('a.dueDate', '<', today),
    eb('a.status', 'not in', ['done', 'dropped']),
  ]);
}

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
 * Live indicators `i` (of live plans `p`, or of a territory) each joined to its latest
 * measurement `m`: the latest day, and on a tie the last recorded, which is the one
 * `latestMeasurement` in @jalon/shared keeps. A correlated LIMIT 1 seeks the
 * (indicator_id, measured_on) index once per indicator instead of grouping every measurement.
 */
function indicatorsWithLatestMeasurement(db: Db | Trx) {
  return db
    .selectFrom('indicators as i')
    .leftJoin('plans as p', 'p.id', 'i.planId')
    .leftJoin('measurements as m', (join) =>
      join.on((eb) =>
        eb(
          'm.id',
          '=',
          eb
            .selectFrom('measurements as lm')
            .select('lm.id')
            .whereRef('lm.indicatorId', '=', 'i.id')
            .orderBy('lm.measuredOn', 'desc')
            .orderBy('lm.id', 'desc')
            .limit(1),
        ),
      ),
    )
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

/** Everything the territory dashboard shows, in a dozen indexed queries; null for no territory. */
export async function getTerritoryOverview(
  db: Db | Trx,
  options: TerritoryOverviewOptions,
): Promise<TerritoryOverview | null> {
  const { territoryId, today, nowIso, changesSince, listLimit } = options;
  const territory = await db
    .selectFrom('territories as t')
    .innerJoin('regions as r', 'r.id', 't.regionId')
    .where('t.id', '=', territoryId)
    .select(['t.id', 't.code', 't.name', 't.regionId', 'r.name as regionName'])
    .executeTakeFirst();
  if (!territory) return null;

  const [plans, counts, overdue, blocked, indicators, changes, meetings] = await Promise.all([
    territoryPlans(db, territoryId),
    territoryStatusCounts(db, territoryId, today),
    attentionActions(db, territoryId, listLimit, (eb) => isOverdueSql(eb, today)),
    attentionActions(db, territoryId, listLimit, (eb) => eb('a.status', '=', 'blocked')),
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

async function territoryPlans(db: Db | Trx, territoryId: number): Promise<DashboardPlan[]> {
  const rows = await territoryPlansQuery(db, territoryId)
    .orderBy('p.code')
    .orderBy('p.id')
    .execute();
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

async function territoryStatusCounts(
  db: Db | Trx,
  territoryId: number,
  today: string,
): Promise<{ byStatus: Record<ActionStatus, number>; overdue: number }> {
  const rows = await territoryActions(db, territoryId)
    .select((eb) => [
      'a.status',
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .sum<number>(eb.case().when(isOverdueSql(eb, today)).then(1).else(0).end())
        .as('overdue'),
    ])
    .groupBy('a.status')
    .execute();
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

/** The first `limit` live actions of the territory meeting `condition`, oldest due date first. */
function attentionActions(
  db: Db | Trx,
  territoryId: number,
  limit: number,
  condition: (eb: DashboardEb) => ReturnType<DashboardEb['and']>,
): Promise<DashboardAction[]> {
  return (
    territoryActions(db, territoryId)
      .where((eb) => condition(eb))
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
      .limit(limit)
      .execute()
  );
}

async function territoryIndicators(
  db: Db | Trx,
  territoryId: number,
  limit: number,
): Promise<TerritoryOverview['indicators']> {
  // The territory's indicators: those of its live plans and its own.
  const rows = await indicatorsWithLatestMeasurement(db)
    .where((eb) =>
      eb.or([
        eb('i.territoryId', '=', territoryId),
        eb('i.planId', 'in', livePlanIdsOf(db, territoryId)),
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
      'm.measuredOn',
      'm.value',
    ])
    .orderBy('i.id')
    .execute();
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

async function territoryMeetings(
  db: Db | Trx,
  territoryId: number,
  nowIso: string,
): Promise<{ nextMeeting: DashboardMeeting | null; lastHeldMeeting: DashboardMeeting | null }> {
  const base = db
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
  const [next, last] = await Promise.all([
    base
      .where('m.status', '=', 'planned')
      .where('m.scheduledAt', '>=', nowIso)
      .orderBy('m.scheduledAt')
      .orderBy('m.id')
      .executeTakeFirst(),
    base
      .where('m.status', 'in', HELD_MEETING_STATUSES)
      .orderBy((eb) => eb.fn.coalesce('m.heldAt', 'm.scheduledAt'), 'desc')
      .orderBy('m.id', 'desc')
      .executeTakeFirst(),
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
 * The portfolio of territories: one page of rows, sorted in SQL, and the summary figures for the
 * charts. Each figure is one GROUP BY over the whole scope, whatever its size, never a query per
 * territory.
 */
export async function getPortfolio(db: Db | Trx, options: PortfolioOptions): Promise<Portfolio> {
  const scope = portfolioScope(db, options);
  const territories = db.selectFrom('territories as t').where('t.id', 'in', scope);
  const sorted = territories
    .innerJoin('regions as r', 'r.id', 't.regionId')
    .leftJoin(territoryProgressQuery(db).as('tp'), 'tp.territoryId', 't.id')
    .leftJoin(planCountsQuery(db, scope).as('pc'), 'pc.territoryId', 't.id')
    .leftJoin(actionCountsQuery(db, scope, options.today).as('ac'), 'ac.territoryId', 't.id')
    .leftJoin(meetingDatesQuery(db, scope, options.nowIso).as('md'), 'md.territoryId', 't.id')
    .select((eb) => [
      't.id',
      't.code',
      't.name',
      't.regionId',
      'r.name as regionName',
      'tp.progress',
      eb.fn.coalesce('pc.n', eb.lit(0)).as('planCount'),
      eb.fn.coalesce('ac.overdue', eb.lit(0)).as('overdueCount'),
      eb.fn.coalesce('ac.blocked', eb.lit(0)).as('blockedCount'),
      'md.lastHeld',
      'md.nextPlanned',
    ])
    .$call((qb) => {
      switch (options.sort) {
        case 'name':
          return qb.orderBy('t.name', options.direction);
        case 'progress':
          // Territories without a value yet come last whatever the direction.
          return qb
            .orderBy((eb) => eb('tp.progress', 'is', null))
            .orderBy('tp.progress', options.direction);
        case 'overdue':
          return qb.orderBy('overdueCount', options.direction);
      }
    })
    .orderBy('t.name')
    .orderBy('t.id')
    .limit(options.limit)
    .offset(options.offset);

  const [rows, count, offTrack, summary] = await Promise.all([
    sorted.execute(),
    territories.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    offTrackByTerritory(db, scope),
    portfolioSummary(db, options, scope),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      regionId: r.regionId,
      regionName: r.regionName,
      progress: r.progress,
      planCount: Number(r.planCount),
      overdueCount: Number(r.overdueCount),
      blockedCount: Number(r.blockedCount),
      indicatorsOffTrack: offTrack.perTerritory.get(r.id) ?? 0,
      lastHeldMeetingAt: r.lastHeld,
      nextMeetingAt: r.nextPlanned,
    })),
    total: Number(count.n),
    summary: { ...summary, indicatorsOffTrack: offTrack.total },
  };
}

/** Per territory of the scope: its live plans. */
function planCountsQuery(db: Db | Trx, scope: PortfolioScope) {
  return db
    .selectFrom('planTerritories as pc_pt')
    .innerJoin('plans as pc_p', 'pc_p.id', 'pc_pt.planId')
    .where('pc_p.archivedAt', 'is', null)
    .where('pc_pt.territoryId', 'in', scope)
    .groupBy('pc_pt.territoryId')
    .select(['pc_pt.territoryId', (eb) => eb.fn.countAll<number>().as('n')]);
}

/** Per territory of the scope: overdue and blocked live actions of its live plans. */
function actionCountsQuery(db: Db | Trx, scope: PortfolioScope, today: string) {
  // Counted per plan first (one pass over actions), then spread over the plans' territories:
  // cheaper than joining every action to its territories before grouping.
  const actionsPerPlan = db
    .selectFrom('actions as a')
    .where('a.archivedAt', 'is', null)
    .where((eb) => eb.or([eb('a.status', '=', 'blocked'), isOverdueSql(eb, today)]))
    .groupBy('a.planId')
    .select((eb) => [
      'a.planId',
      eb.fn
        .sum<number>(eb.case().when(isOverdueSql(eb, today)).then(1).else(0).end())
        .as('overdue'),
      eb.fn
        .sum<number>(eb.case().when('a.status', '=', 'blocked').then(1).else(0).end())
        .as('blocked'),
    ]);
  return db
    .selectFrom(actionsPerPlan.as('ap'))
    .innerJoin('plans as ac_p', 'ac_p.id', 'ap.planId')
    .innerJoin('planTerritories as ac_pt', 'ac_pt.planId', 'ap.planId')
    .where('ac_p.archivedAt', 'is', null)
    .where('ac_pt.territoryId', 'in', scope)
    .groupBy('ac_pt.territoryId')
    .select((eb) => [
      'ac_pt.territoryId',
      eb.fn.sum<number>('ap.overdue').as('overdue'),
      eb.fn.sum<number>('ap.blocked').as('blocked'),
    ]);
}

/** Per territory of the scope: when its committees last met and will next meet. */
function meetingDatesQuery(db: Db | Trx, scope: PortfolioScope, nowIso: string) {
  return db
    .selectFrom('meetings as md_m')
    .innerJoin('committees as md_c', 'md_c.id', 'md_m.committeeId')
    .where('md_c.archivedAt', 'is', null)
    .where('md_c.territoryId', 'in', scope)
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
    ]);
}

/**
 * Off-track indicators per territory. Whether an indicator is on track is a date-based straight
 * line from baseline to target (`indicatorProgress` in @jalon/shared); rewriting that in portable
 * SQL (no julianday) would duplicate the rule. So ONE query returns each indicator of the scope
 * with its latest measurement (~5,000 rows at national scale, one index seek per indicator) and
 * JS judges each indicator once and counts per territory. A plan indicator counts in
 * every territory of its plan, as plan progress does.
 */
async function offTrackByTerritory(
  db: Db | Trx,
  scope: PortfolioScope,
): Promise<{ perTerritory: Map<number, number>; total: number }> {
  const rows = await indicatorsWithLatestMeasurement(db)
    .leftJoin('planTerritories as pt', 'pt.planId', 'i.planId')
    .where((eb) => eb.fn.coalesce('i.territoryId', 'pt.territoryId'), 'in', scope)
    .select((eb) => [
      'i.id',
      eb.fn.coalesce('i.territoryId', 'pt.territoryId').as('territoryId'),
      'i.direction',
      'i.baselineValue',
      'i.baselineDate',
      'i.targetValue',
      'i.targetDate',
      'm.measuredOn',
      'm.value',
    ])
    .execute();
  const offTrack = new Map<number, boolean>();
  const perTerritory = new Map<number, number>();
  for (const row of rows) {
    let isOff = offTrack.get(row.id);
    if (isOff === undefined) {
      isOff = judgeIndicator(row).track === 'off_track';
      offTrack.set(row.id, isOff);
    }
    if (isOff && row.territoryId !== null) {
      perTerritory.set(row.territoryId, (perTerritory.get(row.territoryId) ?? 0) + 1);
    }
  }
  let total = 0;
  for (const isOff of offTrack.values()) if (isOff) total += 1;
  return { perTerritory, total };
}

async function portfolioSummary(
  db: Db | Trx,
  options: PortfolioOptions,
  scope: PortfolioScope,
): Promise<Omit<PortfolioSummary, 'indicatorsOffTrack'>> {
  // For a region seen in full, its territories in the scope are all its live territories, so the
  // scope-restricted mean is the whole region's; other regions get no figure (see `partial`).
  const regionProgress = regionProgressQuery(db).where('rp_t.id', 'in', scope).as('rg');
  const scopePlans = db
    .selectFrom('planTerritories as sp_pt')
    .select('sp_pt.planId')
    .where('sp_pt.territoryId', 'in', scope);
  const [regions, axes, nation] = await Promise.all([
    db
      .selectFrom('regions as r')
      .leftJoin(regionProgress, 'rg.regionId', 'r.id')
      .where(
        'r.id',
        'in',
        db.selectFrom('territories as sr_t').select('sr_t.regionId').where('sr_t.id', 'in', scope),
      )
      .select((eb) => [
        'r.id as regionId',
        'r.name as regionName',
        'rg.progress',
        eb
          .exists(
            eb
              .selectFrom('territories as hidden_t')
              .select('hidden_t.id')
              .whereRef('hidden_t.regionId', '=', 'r.id')
              .where('hidden_t.archivedAt', 'is', null)
              .where('hidden_t.id', 'not in', visibleTerritoryIds(db, options.visibility)),
          )
          .as('partial'),
      ])
      .orderBy('r.name')
      .execute(),
    db
      .selectFrom('plans as p')
      .leftJoin(planProgressQuery(db).as('pp'), 'pp.planId', 'p.id')
      .where('p.archivedAt', 'is', null)
      .where('p.id', 'in', scopePlans)
      .groupBy('p.axis')
      .select((eb) => [
        'p.axis',
        eb.fn.countAll<number>().as('planCount'),
        sql<number | null>`cast(avg(${sql.ref('pp.progress')}) as double precision)`.as('progress'),
      ])
      .orderBy('p.axis')
      .execute(),
    options.visibility.all && options.regionId === undefined
      ? nationProgress(db)
      : Promise.resolve(null),
  ]);
  return {
    regions: regions.map((r) => {
      const partial = Boolean(r.partial);
      return {
        regionId: r.regionId,
        regionName: r.regionName,
        progress: partial ? null : r.progress,
        partial,
      };
    }),
    axes: axes.map((a) => ({ ...a, planCount: Number(a.planCount) })),
    nation,
  };
}
