import { TRPCError } from '@trpc/server';
import {
  deleteFundingLine,
  findFundingLine,
  insertFundingLine,
  listFundingLines,
  recordAudit,
  recordChanges,
  updateFundingLine,
  type FundingLine,
} from '@jalon/db';
import {
  byIdInput,
  fundingLineCreateInput,
  fundingLineListInput,
  fundingLineUpdateInput,
} from '@jalon/shared';
import { authedProcedure, authorize, notFound, router } from '../trpc';
import { findLivePlan } from '../auth/guards';

const auditedFields = (f: FundingLine) => ({
  funderOrganisationId: f.funderOrganisationId,
  scheme: f.scheme,
  requestedCents: f.requestedCents,
  grantedCents: f.grantedCents,
  paidCents: f.paidCents,
});

export const fundingLineRouter = router({
  /** A plan's funding lines, paginated, with the totals of all of them. */
  list: authedProcedure.input(fundingLineListInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'plan', id: input.planId });
    const result = await listFundingLines(ctx.db, input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  create: authedProcedure.input(fundingLineCreateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'plan', id: input.planId });
    await findLivePlan(ctx.db, input.planId);
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const created = await insertFundingLine(trx, input);
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'funding_line',
        entityId: created.id,
        operation: 'create',
        planId: created.planId,
        newValue: auditedFields(created),
        occurredAt: now,
      });
      return created;
    });
  }),

  update: authedProcedure.input(fundingLineUpdateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'funding_line', id: input.id });
    await findLivePlan(ctx.db, scope.planId ?? 0);
    const { id, ...patch } = input;
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findFundingLine(trx, id);
      if (!before) throw notFound('funding_line', id);
      if ((patch.paidCents ?? before.paidCents) > (patch.grantedCents ?? before.grantedCents)) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'Paid cannot exceed granted' });
      }
      const after = await updateFundingLine(trx, id, patch);
      if (!after) throw notFound('funding_line', id);
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'funding_line',
          entityId: id,
          operation: 'update',
          planId: scope.planId,
          occurredAt: now,
        },
        auditedFields(before),
        auditedFields(after),
      );
      return after;
    });
  }),

  delete: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'funding_line', id: input.id });
    await findLivePlan(ctx.db, scope.planId ?? 0);
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findFundingLine(trx, input.id);
      if (!before) throw notFound('funding_line', input.id);
      await deleteFundingLine(trx, input.id);
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'funding_line',
        entityId: input.id,
        operation: 'delete',
        planId: scope.planId,
        oldValue: auditedFields(before),
        occurredAt: now,
      });
      return { id: input.id };
    });
  }),
});
