import { TRPCError } from '@trpc/server';
import {
  deleteCommitteeMember,
  findCommitteeMember,
  insertCommitteeMember,
  isMemberOfAnyTerritory,
  recordAudit,
  recordChanges,
  updateCommitteeMember,
  type CommitteeMemberRow,
} from '@jalon/db';
import { byIdInput, committeeMemberCreateInput, committeeMemberUpdateInput } from '@jalon/shared';
import { authedProcedure, authorize, notFound, router } from '../trpc';

const auditedFields = (m: CommitteeMemberRow) => ({
  committeeId: m.committeeId,
  userId: m.userId,
  personName: m.personName,
  organisationId: m.organisationId,
  role: m.role,
});

export const committeeMemberRouter = router({
  create: authedProcedure.input(committeeMemberCreateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'committee', id: input.committeeId });
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      // A member may be an outside person (no user), but a user must belong to the territory.
      if (
        input.userId !== null &&
        !(await isMemberOfAnyTerritory(trx, input.userId, scope.territoryIds))
      ) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `User ${input.userId} is not a member of this committee's territory`,
        });
      }
      const created = await insertCommitteeMember(trx, input);
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'committee_member',
        entityId: created.id,
        operation: 'create',
        territoryId: scope.territoryIds[0] ?? null,
        newValue: auditedFields(created),
        occurredAt: now.toISOString(),
      });
      return created;
    });
  }),

  update: authedProcedure.input(committeeMemberUpdateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'committee_member', id: input.id });
    const { id, ...patch } = input;
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findCommitteeMember(trx, id);
      if (!before) throw notFound('committee_member', id);
      const after = await updateCommitteeMember(trx, id, patch);
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'committee_member',
          entityId: id,
          operation: 'update',
          territoryId: scope.territoryIds[0] ?? null,
          occurredAt: now.toISOString(),
        },
        auditedFields(before),
        auditedFields(after),
      );
      return after;
    });
  }),

  delete: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'committee_member', id: input.id });
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      const before = await findCommitteeMember(trx, input.id);
      if (!before) throw notFound('committee_member', input.id);
      await deleteCommitteeMember(trx, input.id);
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'committee_member',
        entityId: input.id,
        operation: 'delete',
        territoryId: scope.territoryIds[0] ?? null,
        oldValue: auditedFields(before),
        occurredAt: now.toISOString(),
      });
    });
    return { id: input.id };
  }),
});
