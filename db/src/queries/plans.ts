import type { Insertable, Selectable, Updateable } from 'kysely';
import {
  ACTION_STATUSES,
  STAGE_KINDS,
  type ActionStatus,
  type Axis,
  type OrganisationKind,
  type PartnerRole,
  type TerritoryRole,
} from '@jalon/shared';
import type { Db, Trx } from '../connection';
import type { FundingLineTable, Plan, PlanTable, PlanUpdate, Stage, StageTable } from '../schema';
import { planProgressQuery, stageProgressQuery } from './progress';
import { isEmptyPatch } from './reference';
import { containsText } from './text';
import { overdueActionSql } from './overdue';
import { visiblePlanIds, type Visibility } from './visibility';
import { chunksOf } from './idChunks';

export type NewPlan = Insertable<PlanTable>;
export type StageDatesUpdate = Pick<
  Updateable<StageTable>,
  'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'
>;
export type FundingLine = Selectable<FundingLineTable>;
export type NewFundingLine = Insertable<FundingLineTable>;
export type FundingLineUpdate = Omit<Updateable<FundingLineTable>, 'id' | 'planId'>;

// ---- Action counts ---------------------------------------------------------------------------

/** How many live actions a plan or a stage holds, per status, and how many are overdue. */
export interface ActionCounts {
  total: number;
  byStatus: Record<ActionStatus, number>;
  overdue: number;
}

const noActions = (): ActionCounts => ({
  total: 0,
  byStatus: Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>,
  overdue: 0,
});

/** Live action counts per plan and per stage, aggregated in SQL (one row per stage and status). */
async function countActions(
  db: Db | Trx,
  planIds: readonly number[],
  today: string,
): Promise<
  { planId: number; stageId: number; status: ActionStatus; n: number; overdue: number }[]
> {
  if (planIds.length === 0) return [];
  const rows = await db
    .selectFrom('actions as a')
    .where('a.planId', 'in', planIds)
    .where('a.archivedAt', 'is', null)
    .select((eb) => [
      'a.planId',
      'a.stageId',
      'a.status',
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .sum<number>(eb.case().when(overdueActionSql('a', today)).then(1).else(0).end())
        .as('overdue'),
    ])
    .groupBy(['a.planId', 'a.stageId', 'a.status'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), overdue: Number(r.overdue) }));
}

function foldCounts<K>(
  rows: Awaited<ReturnType<typeof countActions>>,
  keyOf: (row: Awaited<ReturnType<typeof countActions>>[number]) => K,
): Map<K, ActionCounts> {
  const byKey = new Map<K, ActionCounts>();
  for (const row of rows) {
    const key = keyOf(row);
    const counts = byKey.get(key) ?? noActions();
    counts.total += row.n;
    counts.byStatus[row.status] += row.n;
    counts.overdue += row.overdue;
    byKey.set(key, counts);
  }
  return byKey;
}

// ---- Plans -----------------------------------------------------------------------------------

export interface PlanFilter {
  territoryId?: number | undefined;
  axis?: Axis | undefined;
  search?: string | undefined;
  includeArchived: boolean;
  sort: 'code' | 'title' | 'progress' | 'updatedAt';
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface PlanTerritoryRef {
  id: number;
  code: string;
  name: string;
}

export interface PlanListItem {
  id: number;
  code: string;
  title: string;
  axis: Axis;
  priority: Plan['priority'];
  leadOrganisationId: number | null;
  leadOrganisationName: string | null;
  version: number;
  archivedAt: string | null;
  updatedAt: string;
  progress: number | null;
  territories: PlanTerritoryRef[];
  actionCounts: ActionCounts;
}

const PLAN_SORT_COLUMNS = {
  code: 'p.code',
  title: 'p.title',
  progress: 'pp.progress',
  updatedAt: 'p.updatedAt',
} as const;

async function listTerritoriesOfPlans(
  db: Db | Trx,
  planIds: readonly number[],
): Promise<Map<number, PlanTerritoryRef[]>> {
  const byPlan = new Map<number, PlanTerritoryRef[]>();
  if (planIds.length === 0) return byPlan;
  const rows = await db
    .selectFrom('planTerritories as pt')
    .innerJoin('territories as t', 't.id', 'pt.territoryId')
    .select(['pt.planId', 't.id', 't.code', 't.name'])
    .where('pt.planId', 'in', planIds)
    .orderBy('t.name')
    .execute();
  for (const { planId, ...territory } of rows) {
    byPlan.set(planId, [...(byPlan.get(planId) ?? []), territory]);
  }
  return byPlan;
}

/**
 * The plans the caller may read, filtered, sorted and paginated in SQL, each with its progress
 * (the SQL roll-up) and its live action counts. Plans without progress sort last either way.
 */
export async function listPlans(
  db: Db | Trx,
  visibility: Visibility,
  filter: PlanFilter,
  today: string,
): Promise<{ items: PlanListItem[]; total: number }> {
  const base = db
    .selectFrom('plans as p')
    .where('p.id', 'in', visiblePlanIds(db, visibility))
    .$if(!filter.includeArchived, (qb) => qb.where('p.archivedAt', 'is', null))
    .$if(filter.territoryId !== undefined, (qb) =>
      qb.where('p.id', 'in', (eb) =>
        eb
          .selectFrom('planTerritories')
          .select('planId')
          .where('territoryId', '=', filter.territoryId ?? 0),
      ),
    )
    .$if(filter.axis !== undefined, (qb) => qb.where('p.axis', '=', filter.axis ?? 'skills'))
    .$if(!!filter.search, (qb) =>
      qb.where((eb) =>
        eb.or([
          containsText(eb.ref('p.code'), filter.search ?? ''),
          containsText(eb.ref('p.title'), filter.search ?? ''),
        ]),
      ),
    );

  const [rows, count] = await Promise.all([
    base
      .leftJoin('organisations as o', 'o.id', 'p.leadOrganisationId')
      .leftJoin(planProgressQuery(db).as('pp'), 'pp.planId', 'p.id')
      .select([
        'p.id',
        'p.code',
        'p.title',
        'p.axis',
        'p.priority',
        'p.leadOrganisationId',
        'o.name as leadOrganisationName',
        'p.version',
        'p.archivedAt',
        'p.updatedAt',
        'pp.progress',
      ])
      .$if(filter.sort === 'progress', (qb) =>
        qb.orderBy((eb) => eb.case().when('pp.progress', 'is', null).then(1).else(0).end()),
      )
      .orderBy(PLAN_SORT_COLUMNS[filter.sort], filter.direction)
      .orderBy('p.id', 'asc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const planIds = rows.map((r) => r.id);
  const [territories, counts] = await Promise.all([
    listTerritoriesOfPlans(db, planIds),
    countActions(db, planIds, today).then((r) => foldCounts(r, (row) => row.planId)),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      territories: territories.get(r.id) ?? [],
      actionCounts: counts.get(r.id) ?? noActions(),
    })),
    total: Number(count.n),
  };
}

/** Which of these plans are archived (any number of ids). */
export async function archivedPlanIds(db: Db | Trx, ids: Iterable<number>): Promise<Set<number>> {
  const archived = new Set<number>();
  for (const chunk of chunksOf(ids)) {
    const rows = await db
      .selectFrom('plans')
      .select('id')
      .where('id', 'in', chunk)
      .where('archivedAt', 'is not', null)
      .execute();
    for (const row of rows) archived.add(row.id);
  }
  return archived;
}

export async function findPlan(db: Db | Trx, id: number): Promise<Plan | undefined> {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface PlanPartner {
  organisationId: number;
  role: PartnerRole;
}

/** The links of a plan, sorted, as an audit event records them. */
export interface PlanRelations {
  territoryIds: number[];
  partners: PlanPartner[];
  leadUserIds: number[];
}

export async function findPlanRelations(db: Db | Trx, planId: number): Promise<PlanRelations> {
  const [territories, partners, leads] = await Promise.all([
    db
      .selectFrom('planTerritories')
      .select('territoryId')
      .where('planId', '=', planId)
      .orderBy('territoryId')
      .execute(),
    db
      .selectFrom('planPartners')
      .select(['organisationId', 'role'])
      .where('planId', '=', planId)
      .orderBy('organisationId')
      .orderBy('role')
      .execute(),
    db
      .selectFrom('planLeads')
      .select('userId')
      .where('planId', '=', planId)
      .orderBy('userId')
      .execute(),
  ]);
  return {
    territoryIds: territories.map((t) => t.territoryId),
    partners,
    leadUserIds: leads.map((l) => l.userId),
  };
}

export interface StageSummary extends Stage {
  progress: number | null;
  actionCounts: ActionCounts;
}

export interface FundingLineItem extends FundingLine {
  funderName: string;
}

export interface FundingTotals {
  requestedCents: number;
  grantedCents: number;
  paidCents: number;
}

export interface PlanDetail extends Plan {
  leadOrganisationName: string | null;
  progress: number | null;
  territories: (PlanTerritoryRef & { regionId: number })[];
  partners: (PlanPartner & { name: string; kind: OrganisationKind })[];
  leads: { userId: number; name: string }[];
  stages: StageSummary[];
  fundingLines: FundingLineItem[];
  fundingTotals: FundingTotals;
}

/** Everything a plan's page shows: links, stages with progress, funding lines with totals. */
export async function findPlanDetail(
  db: Db | Trx,
  id: number,
  today: string,
): Promise<PlanDetail | undefined> {
  const plan = await db
    .selectFrom('plans as p')
    .leftJoin('organisations as o', 'o.id', 'p.leadOrganisationId')
    .leftJoin(planProgressQuery(db).as('pp'), 'pp.planId', 'p.id')
    .selectAll('p')
    .select(['o.name as leadOrganisationName', 'pp.progress'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!plan) return undefined;
  const [territories, partners, leads, stages, fundingLines, fundingTotals] = await Promise.all([
    db
      .selectFrom('planTerritories as pt')
      .innerJoin('territories as t', 't.id', 'pt.territoryId')
      .select(['t.id', 't.code', 't.name', 't.regionId'])
      .where('pt.planId', '=', id)
      .orderBy('t.name')
      .execute(),
    db
      .selectFrom('planPartners as pp')
      .innerJoin('organisations as o', 'o.id', 'pp.organisationId')
      .select(['pp.organisationId', 'pp.role', 'o.name', 'o.kind'])
      .where('pp.planId', '=', id)
      .orderBy('o.name')
      .orderBy('pp.role')
      .execute(),
    db
      .selectFrom('planLeads as pl')
      .innerJoin('users as u', 'u.id', 'pl.userId')
      .select(['pl.userId', 'u.name'])
      .where('pl.planId', '=', id)
      .orderBy('u.name')
      .execute(),
    listPlanStages(db, id, today),
    fundingLinesOf(db, id).execute(),
    sumFundingLines(db, id),
  ]);
  return { ...plan, territories, partners, leads, stages, fundingLines, fundingTotals };
}

export async function insertPlan(trx: Db | Trx, values: NewPlan): Promise<Plan> {
  return trx.insertInto('plans').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Creates the three stages every plan moves through, in their fixed order (positions 1, 2, 3). */
export async function insertPlanStages(trx: Db | Trx, planId: number): Promise<Stage[]> {
  return trx
    .insertInto('stages')
    .values(
      STAGE_KINDS.map((kind, i) => ({
        planId,
        kind,
        position: i + 1,
        plannedStart: null,
        plannedEnd: null,
        actualStart: null,
        actualEnd: null,
        validatedMeetingId: null,
        validatedOn: null,
      })),
    )
    .returningAll()
    .execute();
}

/**
 * Updates a plan only if it is still at `expectedVersion`, bumping the version (also when only
 * its links change). Returns undefined when someone else saved it first.
 */
export async function updatePlanAtVersion(
  trx: Db | Trx,
  id: number,
  expectedVersion: number,
  patch: PlanUpdate,
  nowIso: string,
): Promise<Plan | undefined> {
  return trx
    .updateTable('plans')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updatedAt: nowIso }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function replacePlanTerritories(
  trx: Db | Trx,
  planId: number,
  territoryIds: readonly number[],
): Promise<void> {
  await trx.deleteFrom('planTerritories').where('planId', '=', planId).execute();
  await trx
    .insertInto('planTerritories')
    .values([...new Set(territoryIds)].map((territoryId) => ({ planId, territoryId })))
    .execute();
}

export async function replacePlanPartners(
  trx: Db | Trx,
  planId: number,
  partners: readonly PlanPartner[],
): Promise<void> {
  await trx.deleteFrom('planPartners').where('planId', '=', planId).execute();
  const unique = new Map(partners.map((p) => [`${p.organisationId}:${p.role}`, p]));
  if (unique.size === 0) return;
  await trx
    .insertInto('planPartners')
    .values([...unique.values()].map((p) => ({ planId, ...p })))
    .execute();
}

export async function replacePlanLeads(
  trx: Db | Trx,
  planId: number,
  userIds: readonly number[],
): Promise<void> {
  await trx.deleteFrom('planLeads').where('planId', '=', planId).execute();
  if (userIds.length === 0) return;
  await trx
    .insertInto('planLeads')
    .values([...new Set(userIds)].map((userId) => ({ planId, userId })))
    .execute();
}

/**
 * A live plan other than `exceptPlanId` that already uses `code` (case-insensitively) in one of
 * `territoryIds`: a code names a fiche action within a territory.
 */
export async function findPlanCodeClash(
  db: Db | Trx,
  code: string,
  territoryIds: readonly number[],
  exceptPlanId: number | null,
): Promise<{ planId: number; territoryId: number } | undefined> {
  if (territoryIds.length === 0) return undefined;
  return db
    .selectFrom('plans as p')
    .innerJoin('planTerritories as pt', 'pt.planId', 'p.id')
    .select(['p.id as planId', 'pt.territoryId'])
    .where('pt.territoryId', 'in', territoryIds)
    .where('p.archivedAt', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['p.code']), '=', code.toLowerCase()))
    .$if(exceptPlanId !== null, (qb) => qb.where('p.id', '!=', exceptPlanId ?? 0))
    .executeTakeFirst();
}

/** The territory roles whose holders may be named leads (pilotes) of a plan. */
const PLAN_LEAD_ROLES: readonly TerritoryRole[] = ['lead', 'coordinator'];

/** Which of `userIds` hold a lead or coordinator membership in one of `territoryIds`. */
export async function listEligiblePlanLeads(
  db: Db | Trx,
  userIds: readonly number[],
  territoryIds: readonly number[],
): Promise<number[]> {
  if (userIds.length === 0 || territoryIds.length === 0) return [];
  const rows = await db
    .selectFrom('memberships')
    .select('userId')
    .distinct()
    .where('userId', 'in', userIds)
    .where('territoryId', 'in', territoryIds)
    .where('role', 'in', PLAN_LEAD_ROLES)
    .execute();
  return rows.map((r) => r.userId);
}

// ---- Stages ----------------------------------------------------------------------------------

/** The stages of a plan in order, each with its progress (SQL roll-up) and action counts. */
export async function listPlanStages(
  db: Db | Trx,
  planId: number,
  today: string,
): Promise<StageSummary[]> {
  const [stages, counts] = await Promise.all([
    db
      .selectFrom('stages as s')
      .leftJoin(stageProgressQuery(db).as('sp'), 'sp.stageId', 's.id')
      .selectAll('s')
      .select('sp.progress')
      .where('s.planId', '=', planId)
      .orderBy('s.position')
      .execute(),
    countActions(db, [planId], today).then((r) => foldCounts(r, (row) => row.stageId)),
  ]);
  return stages.map((s) => ({ ...s, actionCounts: counts.get(s.id) ?? noActions() }));
}

export async function updateStageDates(
  trx: Db | Trx,
  id: number,
  patch: StageDatesUpdate,
): Promise<Stage | undefined> {
  if (isEmptyPatch(patch)) {
    return trx.selectFrom('stages').selectAll().where('id', '=', id).executeTakeFirst();
  }
  return trx
    .updateTable('stages')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

// ---- Funding lines ---------------------------------------------------------------------------

const fundingLinesOf = (db: Db | Trx, planId: number) =>
  db
    .selectFrom('fundingLines as f')
    .innerJoin('organisations as o', 'o.id', 'f.funderOrganisationId')
    .selectAll('f')
    .select('o.name as funderName')
    .where('f.planId', '=', planId)
    .orderBy('o.name')
    .orderBy('f.id');

async function sumFundingLines(db: Db | Trx, planId: number): Promise<FundingTotals> {
  const row = await db
    .selectFrom('fundingLines')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('requestedCents'), eb.lit(0)).as('requestedCents'),
      eb.fn.coalesce(eb.fn.sum<number>('grantedCents'), eb.lit(0)).as('grantedCents'),
      eb.fn.coalesce(eb.fn.sum<number>('paidCents'), eb.lit(0)).as('paidCents'),
    ])
    .where('planId', '=', planId)
    .executeTakeFirstOrThrow();
  return {
    requestedCents: Number(row.requestedCents),
    grantedCents: Number(row.grantedCents),
    paidCents: Number(row.paidCents),
  };
}

/** A plan's funding lines, paginated, with the totals of all its lines. */
export async function listFundingLines(
  db: Db | Trx,
  filter: { planId: number; limit: number; offset: number },
): Promise<{ items: FundingLineItem[]; total: number; totals: FundingTotals }> {
  const [items, count, totals] = await Promise.all([
    fundingLinesOf(db, filter.planId).limit(filter.limit).offset(filter.offset).execute(),
    db
      .selectFrom('fundingLines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('planId', '=', filter.planId)
      .executeTakeFirstOrThrow(),
    sumFundingLines(db, filter.planId),
  ]);
  return { items, total: Number(count.n), totals };
}

export async function findFundingLine(db: Db | Trx, id: number): Promise<FundingLine | undefined> {
  return db.selectFrom('fundingLines').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertFundingLine(
  trx: Db | Trx,
  values: NewFundingLine,
): Promise<FundingLine> {
  return trx.insertInto('fundingLines').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateFundingLine(
  trx: Db | Trx,
  id: number,
  patch: FundingLineUpdate,
): Promise<FundingLine | undefined> {
  if (isEmptyPatch(patch)) return findFundingLine(trx, id);
  return trx
    .updateTable('fundingLines')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteFundingLine(trx: Db | Trx, id: number): Promise<void> {
  await trx.deleteFrom('fundingLines').where('id', '=', id).execute();
}
