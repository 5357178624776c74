import { TRPCError } from '@trpc/server';
import {
  deleteUserSessions,
  findUser,
  findUserByEmail,
  findUserDetail,
  insertUser,
  listObservedRegionIds,
  listUserTerritoryIds,
  listUsers,
  recordAudit,
  recordChanges,
  replaceObservedRegions,
  updateUser,
  type PublicUser,
} from '@jalon/db';
import { byIdInput, userCreateInput, userListInput, userUpdateInput } from '@jalon/shared';
import { authedProcedure, authorize, authorizeAdmin, router } from '../trpc';
import { can, managedTerritoryIds, visibilityOf } from '../auth/permissions';
import { hashPassword } from '../auth/password';
import { userNotFound } from '../errors';

/** The fields of a user an audit event records: never the password hash. */
const auditedFields = (u: PublicUser, observedRegionIds: readonly number[]) => ({
  email: u.email,
  name: u.name,
  organisationId: u.organisationId,
  locale: u.locale,
  globalRole: u.globalRole,
  disabledAt: u.disabledAt,
  observedRegionIds: [...observedRegionIds].sort((a, b) => a - b),
});

export const userRouter = router({
  /**
   * Admins see every user. A coordinator sees the members of the territories they coordinate,
   * plus the one user whose email they type in full (to add that person as a member).
   */
  list: authedProcedure.input(userListInput).query(async ({ ctx, input }) => {
    const isAdmin = can(ctx.user, 'administer', null);
    const managed = managedTerritoryIds(ctx.user);
    if (!isAdmin && managed.length === 0) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'Only administrators and territory coordinators may list users',
      });
    }
    if (input.territoryId !== undefined) {
      await authorize(ctx, 'manage', { entity: 'territory', id: input.territoryId });
    }
    const result = await listUsers(ctx.db, {
      ...input,
      memberOfTerritoryIds: isAdmin ? null : managed,
    });
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  /** Admins, the user themself, and coordinators of a territory the user belongs to. */
  byId: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    const user = await findUser(ctx.db, input.id);
    if (!user) throw userNotFound(input.id);
    if (!can(ctx.user, 'administer', null) && ctx.user.id !== input.id) {
      const managed = managedTerritoryIds(ctx.user);
      const theirs = await listUserTerritoryIds(ctx.db, input.id);
      if (!theirs.some((territoryId) => managed.includes(territoryId))) {
        throw new TRPCError({ code: 'FORBIDDEN', message: `You may not read user ${input.id}` });
      }
    }
    const detail = await findUserDetail(ctx.db, input.id, visibilityOf(ctx.user));
    if (!detail) throw userNotFound(input.id);
    return detail;
  }),

  create: authedProcedure.input(userCreateInput).mutation(async ({ ctx, input }) => {
    authorizeAdmin(ctx);
    const { password, observedRegionIds, ...fields } = input;
    const email = fields.email.trim().toLowerCase();
    // Hash before opening the transaction: scrypt is slow and must not hold the write lock.
    const passwordHash = await hashPassword(password);
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      if (await findUserByEmail(trx, email)) {
        throw new TRPCError({ code: 'CONFLICT', message: `A user with email ${email} exists` });
      }
      const created = await insertUser(trx, {
        ...fields,
        email,
        passwordHash,
        disabledAt: null,
        createdAt: now,
      });
      await replaceObservedRegions(trx, created.id, observedRegionIds);
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'user',
        entityId: created.id,
        operation: 'create',
        newValue: auditedFields(created, observedRegionIds),
        occurredAt: now,
      });
      const detail = await findUserDetail(trx, created.id, visibilityOf(ctx.user));
      if (!detail) throw userNotFound(created.id);
      return detail;
    });
  }),

  /** Admins only; disabling a user also ends all their sessions. */
  update: authedProcedure.input(userUpdateInput).mutation(async ({ ctx, input }) => {
    authorizeAdmin(ctx);
    const { id, observedRegionIds, disabled, ...patch } = input;
    if (
      id === ctx.user.id &&
      (disabled === true ||
        (patch.globalRole !== undefined && patch.globalRole !== ctx.user.globalRole))
    ) {
      // An admin locking themself out would leave nobody to undo it.
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'You may not disable yourself nor change your own global role',
      });
    }
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findUser(trx, id);
      if (!before) throw userNotFound(id);
      const regionsBefore = await listObservedRegionIds(trx, id);
      const disabledAt =
        disabled === undefined ? undefined : disabled ? (before.disabledAt ?? now) : null;
      const after = await updateUser(trx, id, { ...patch, disabledAt });
      if (!after) throw userNotFound(id);
      if (observedRegionIds !== undefined) {
        await replaceObservedRegions(trx, id, observedRegionIds);
      }
      if (disabled === true) await deleteUserSessions(trx, id);
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'user',
          entityId: id,
          operation: 'update',
          occurredAt: now,
        },
        auditedFields(before, regionsBefore),
        auditedFields(after, observedRegionIds ?? regionsBefore),
      );
      const detail = await findUserDetail(trx, id, visibilityOf(ctx.user));
      if (!detail) throw userNotFound(id);
      return detail;
    });
  }),
});
