import { TRPCError } from '@trpc/server';
import {
  findPlan,
  findPlanCodeClash,
  findPlanDetail,
  findPlanRelations,
  insertPlan,
  insertPlanStages,
  listEligiblePlanLeads,
  listPlans,
  recordAudit,
  recordChanges,
  replacePlanLeads,
  replacePlanPartners,
  replacePlanTerritories,
  updatePlanAtVersion,
  type Db,
  type Plan,
  type PlanRelations,
  type Trx,
} from '@jalon/db';
import {
  archiveInput,
  byIdInput,
  isoToday,
  planCreateInput,
  planListInput,
  planUpdateInput,
} from '@jalon/shared';
import {
  authedProcedure,
  authorize,
  conflict,
  notFound,
  router,
  type AuthedContext,
} from '../trpc';
import { visibilityOf } from '../auth/permissions';

/** The fields and links of a plan an audit event records. */
const auditedFields = (p: Plan, relations: PlanRelations) => ({
  code: p.code,
  title: p.title,
  summary: p.summary,
  axis: p.axis,
  priority: p.priority,
  leadOrganisationId: p.leadOrganisationId,
  startDate: p.startDate,
  endDate: p.endDate,
  budgetCents: p.budgetCents,
  archivedAt: p.archivedAt,
  ...relations,
});

/** A plan is created in, moved into or out of territories only by who manages each of them. */
async function authorizeManageEach(ctx: AuthedContext, territoryIds: readonly number[]) {
  for (const id of new Set(territoryIds))
    await authorize(ctx, 'manage', { entity: 'territory', id });
}

/** A code names one fiche action among the live plans of each of its territories. */
async function assertCodeFree(
  trx: Trx,
  code: string,
  territoryIds: readonly number[],
  planId: number | null,
): Promise<void> {
  const clash = await findPlanCodeClash(trx, code, territoryIds, planId);
  if (clash) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `Plan code ${code} is already used by plan ${clash.planId} in territory ${clash.territoryId}`,
    });
  }
}

/** Leads (pilotes) must be leads or coordinators of one of the plan's territories. */
async function assertLeadsEligible(
  trx: Trx,
  leadUserIds: readonly number[],
  territoryIds: readonly number[],
): Promise<void> {
  const eligible = await listEligiblePlanLeads(trx, leadUserIds, territoryIds);
  const refused = [...new Set(leadUserIds)].filter((id) => !eligible.includes(id));
  if (refused.length > 0) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Users ${refused.join(', ')} are neither leads nor coordinators in the plan's territories`,
    });
  }
}

/**
 * Reads a plan and refuses an archived one: an archived plan is a closed record, and neither it
 * nor its actions or measurements change any more.
 */
export async function findLivePlan(db: Db | Trx, id: number): Promise<Plan> {
  const plan = await findPlan(db, id);
  if (!plan) throw notFound('plan', id);
  if (plan.archivedAt !== null) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `Plan ${id} is archived` });
  }
  return plan;
}

async function detailOrThrow(trx: Trx, id: number, today: string) {
  const detail = await findPlanDetail(trx, id, today);
  if (!detail) throw notFound('plan', id);
  return detail;
}

export const planRouter = router({
  list: authedProcedure.input(planListInput).query(async ({ ctx, input }) => {
    const result = await listPlans(ctx.db, visibilityOf(ctx.user), input, isoToday(ctx.now()));
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  byId: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'plan', id: input.id });
    const detail = await findPlanDetail(ctx.db, input.id, isoToday(ctx.now()));
    if (!detail) throw notFound('plan', input.id);
    return detail;
  }),

  /** Creates the plan with its three stages, partners and leads, in one transaction. */
  create: authedProcedure.input(planCreateInput).mutation(async ({ ctx, input }) => {
    const { territoryIds, partners, leadUserIds, ...fields } = input;
    await authorizeManageEach(ctx, territoryIds);
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      await assertCodeFree(trx, fields.code, territoryIds, null);
      await assertLeadsEligible(trx, leadUserIds, territoryIds);
      const plan = await insertPlan(trx, {
        ...fields,
        archivedAt: null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
      await insertPlanStages(trx, plan.id);
      await replacePlanTerritories(trx, plan.id, territoryIds);
      await replacePlanPartners(trx, plan.id, partners);
      await replacePlanLeads(trx, plan.id, leadUserIds);
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'plan',
        entityId: plan.id,
        operation: 'create',
        planId: plan.id,
        newValue: auditedFields(plan, await findPlanRelations(trx, plan.id)),
        occurredAt: now.toISOString(),
      });
      return detailOrThrow(trx, plan.id, isoToday(now));
    });
  }),

  /**
   * Optimistic: the caller sends the version they saw. Moving a plan between territories needs
   * `manage` on every territory it leaves, keeps or joins.
   */
  update: authedProcedure.input(planUpdateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'plan', id: input.id });
    const { id, version, territoryIds, partners, leadUserIds, ...patch } = input;
    if (territoryIds !== undefined) {
      await authorizeManageEach(ctx, [...scope.territoryIds, ...territoryIds]);
    }
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findLivePlan(trx, id);
      if (before.version !== version) throw conflict('plan', id);
      const relationsBefore = await findPlanRelations(trx, id);
      const nextTerritoryIds = territoryIds ?? relationsBefore.territoryIds;
      const start = patch.startDate === undefined ? before.startDate : patch.startDate;
      const end = patch.endDate === undefined ? before.endDate : patch.endDate;
      if (start && end && start > end) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'The end date must not precede the start date',
        });
      }
      if (patch.code !== undefined || territoryIds !== undefined) {
        await assertCodeFree(trx, patch.code ?? before.code, nextTerritoryIds, id);
      }
      if (leadUserIds !== undefined || territoryIds !== undefined) {
        await assertLeadsEligible(
          trx,
          leadUserIds ?? relationsBefore.leadUserIds,
          nextTerritoryIds,
        );
      }
      const after = await updatePlanAtVersion(trx, id, version, patch, now.toISOString());
      if (!after) throw conflict('plan', id);
      if (territoryIds !== undefined) await replacePlanTerritories(trx, id, territoryIds);
      if (partners !== undefined) await replacePlanPartners(trx, id, partners);
      if (leadUserIds !== undefined) await replacePlanLeads(trx, id, leadUserIds);
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'plan',
          entityId: id,
          operation: 'update',
          planId: id,
          occurredAt: now.toISOString(),
        },
        auditedFields(before, relationsBefore),
        auditedFields(after, await findPlanRelations(trx, id)),
      );
      return detailOrThrow(trx, id, isoToday(now));
    });
  }),

  archive: authedProcedure.input(archiveInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'plan', id: input.id });
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      await findLivePlan(trx, input.id);
      const after = await updatePlanAtVersion(
        trx,
        input.id,
        input.version,
        { archivedAt: now },
        now,
      );
      if (!after) throw conflict('plan', input.id);
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'plan',
        entityId: input.id,
        operation: 'archive',
        planId: input.id,
        newValue: { archivedAt: after.archivedAt },
        occurredAt: now,
      });
      return after;
    });
  }),
});
