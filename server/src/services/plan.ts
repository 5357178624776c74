import {
  findPlanCodeClash,
  findPlanDetail,
  findPlanRelations,
  insertPlan,
  insertPlanStages,
  listEligiblePlanLeads,
  replacePlanLeads,
  replacePlanPartners,
  replacePlanTerritories,
  updatePlanAtVersion,
  type Plan,
  type PlanDetail,
  type Trx,
} from '@jalon/db';
import {
  isoToday,
  type archiveInput,
  type planCreateInput,
  type planUpdateInput,
} from '@jalon/shared';
import type { z } from 'zod';
import { findLivePlan } from '../auth/guards';
import { alreadyExists, badRequest, conflict, notFound } from '../errors';
import { audit } from './audit';
import type { Write } from './write';

type PlanCreateInput = z.infer<typeof planCreateInput>;
type PlanUpdateInput = z.infer<typeof planUpdateInput>;
type ArchiveInput = z.infer<typeof archiveInput>;

/** A code names one fiche action among the live plans of each of its territories. */
async function assertCodeFree(
  trx: Trx,
  code: string,
  territoryIds: readonly number[],
  planId: number | null,
): Promise<void> {
  const clash = await findPlanCodeClash(trx, code, territoryIds, planId);
  if (clash) {
    throw alreadyExists(
      `Plan code ${code} is already used by plan ${clash.planId} in territory ${clash.territoryId}`,
    );
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
    throw badRequest(
      `Users ${refused.join(', ')} are neither leads nor coordinators in the plan's territories`,
    );
  }
}

async function detailOrThrow(w: Write, id: number): Promise<PlanDetail> {
  const detail = await findPlanDetail(w.trx, id, isoToday(w.now));
  if (!detail) throw notFound('plan', id);
  return detail;
}

/** Creates the plan with its three stages, territories, partners and leads. */
export async function createPlan(w: Write, input: PlanCreateInput): Promise<PlanDetail> {
  const { territoryIds, partners, leadUserIds, ...fields } = input;
  await assertCodeFree(w.trx, fields.code, territoryIds, null);
  await assertLeadsEligible(w.trx, leadUserIds, territoryIds);
  const plan = await insertPlan(w.trx, {
    ...fields,
    archivedAt: null,
    createdAt: w.now.toISOString(),
    updatedAt: w.now.toISOString(),
  });
  await insertPlanStages(w.trx, plan.id);
  await replacePlanTerritories(w.trx, plan.id, territoryIds);
  await replacePlanPartners(w.trx, plan.id, partners);
  await replacePlanLeads(w.trx, plan.id, leadUserIds);
  await audit(w, {
    entityType: 'plan',
    entityId: plan.id,
    operation: 'create',
    planId: plan.id,
    after: { ...plan, ...(await findPlanRelations(w.trx, plan.id)) },
  });
  return detailOrThrow(w, plan.id);
}

/** Optimistic: `input.version` is the version the caller saw. */
export async function updatePlan(w: Write, input: PlanUpdateInput): Promise<PlanDetail> {
  const { id, version, territoryIds, partners, leadUserIds, ...patch } = input;
  const before = await findLivePlan(w.trx, id);
  if (before.version !== version) throw conflict('plan', id);
  const relationsBefore = await findPlanRelations(w.trx, id);
  const nextTerritoryIds = territoryIds ?? relationsBefore.territoryIds;
  const start = patch.startDate === undefined ? before.startDate : patch.startDate;
  const end = patch.endDate === undefined ? before.endDate : patch.endDate;
  if (start && end && start > end) {
    throw badRequest('The end date must not precede the start date');
  }
  if (patch.code !== undefined || territoryIds !== undefined) {
    await assertCodeFree(w.trx, patch.code ?? before.code, nextTerritoryIds, id);
  }
  if (leadUserIds !== undefined || territoryIds !== undefined) {
    await assertLeadsEligible(w.trx, leadUserIds ?? relationsBefore.leadUserIds, nextTerritoryIds);
  }
  const after = await updatePlanAtVersion(w.trx, id, version, patch, w.now.toISOString());
  if (!after) throw conflict('plan', id);
  if (territoryIds !== undefined) await replacePlanTerritories(w.trx, id, territoryIds);
  if (partners !== undefined) await replacePlanPartners(w.trx, id, partners);
  if (leadUserIds !== undefined) await replacePlanLeads(w.trx, id, leadUserIds);
  await audit(w, {
    entityType: 'plan',
    entityId: id,
    operation: 'update',
    planId: id,
    before: { ...before, ...relationsBefore },
    after: { ...after, ...(await findPlanRelations(w.trx, id)) },
  });
  return detailOrThrow(w, id);
}

/** An archived plan is a closed record: it and its actions and measurements no longer change. */
export async function archivePlan(w: Write, input: ArchiveInput): Promise<Plan> {
  await findLivePlan(w.trx, input.id);
  const now = w.now.toISOString();
  const after = await updatePlanAtVersion(w.trx, input.id, input.version, { archivedAt: now }, now);
  if (!after) throw conflict('plan', input.id);
  await audit(w, {
    entityType: 'plan',
    entityId: input.id,
    operation: 'archive',
    planId: input.id,
    after: { archivedAt: after.archivedAt },
  });
  return after;
}
