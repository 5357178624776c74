import { TRPCError } from '@trpc/server';
import {
  deleteMembership,
  findMembership,
  findMembershipOf,
  findUser,
  insertMembership,
  leavesTerritoryWithoutCoordinator,
  listMemberships,
  recordAudit,
  recordChanges,
  updateMembershipRole,
  type Membership,
  type Trx,
} from '@jalon/db';
import {
  byIdInput,
  membershipCreateInput,
  membershipListInput,
  membershipUpdateInput,
  type TerritoryRole,
} from '@jalon/shared';
import { authedProcedure, authorize, notFound, router, type AuthedContext } from '../trpc';
import { can } from '../auth/permissions';
import { userNotFound } from '../errors';

const auditedFields = (m: Membership) => ({
  userId: m.userId,
  territoryId: m.territoryId,
  role: m.role,
});

/**
 * A territory must keep a coordinator: one coordinator may not demote or remove the last one
 * (themself included). Admins may, to reorganise a territory.
 */
async function keepOneCoordinator(
  ctx: AuthedContext,
  trx: Trx,
  membershipId: number,
  nextRole: TerritoryRole | null,
): Promise<void> {
  if (can(ctx.user, 'administer', null)) return;
  if (await leavesTerritoryWithoutCoordinator(trx, membershipId, nextRole)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'A territory must keep at least one coordinator',
    });
  }
}

export const membershipRouter = router({
  list: authedProcedure.input(membershipListInput).query(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'read', { entity: 'territory', id: input.territoryId });
    // E-mail addresses only for those who manage the members, as in the members CSV.
    const showEmails = can(ctx.user, 'manage', scope);
    const result = await listMemberships(ctx.db, input);
    const items = result.items.map((m) => ({ ...m, userEmail: showEmails ? m.userEmail : null }));
    return { items, total: result.total, limit: input.limit, offset: input.offset };
  }),

  create: authedProcedure.input(membershipCreateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'territory', id: input.territoryId });
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      if (!(await findUser(trx, input.userId))) throw userNotFound(input.userId);
      if (await findMembershipOf(trx, input.userId, input.territoryId)) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: `User ${input.userId} is already a member of territory ${input.territoryId}`,
        });
      }
      const created = await insertMembership(trx, { ...input, createdAt: now });
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'membership',
        entityId: created.id,
        operation: 'create',
        territoryId: created.territoryId,
        newValue: auditedFields(created),
        occurredAt: now,
      });
      return created;
    });
  }),

  update: authedProcedure.input(membershipUpdateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'membership', id: input.id });
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findMembership(trx, input.id);
      if (!before) throw notFound('membership', input.id);
      await keepOneCoordinator(ctx, trx, input.id, input.role);
      const after = await updateMembershipRole(trx, input.id, input.role);
      if (!after) throw notFound('membership', input.id);
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'membership',
          entityId: input.id,
          operation: 'update',
          territoryId: after.territoryId,
          occurredAt: now,
        },
        auditedFields(before),
        auditedFields(after),
      );
      return after;
    });
  }),

  delete: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'membership', id: input.id });
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findMembership(trx, input.id);
      if (!before) throw notFound('membership', input.id);
      await keepOneCoordinator(ctx, trx, input.id, null);
      await deleteMembership(trx, input.id);
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'membership',
        entityId: input.id,
        operation: 'delete',
        territoryId: before.territoryId,
        oldValue: auditedFields(before),
        occurredAt: now,
      });
      return { id: input.id };
    });
  }),
});
