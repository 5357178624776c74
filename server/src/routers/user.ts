import { findUser, findUserDetail, listUserTerritoryIds, listUsers } from '@jalon/db';
import {
  byIdInput,
  issuePasswordLinkInput,
  userCreateInput,
  userListInput,
  userUpdateInput,
} from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize, authorizeAdmin } from '../auth/guards';
import { can, managedTerritoryIds, visibilityOf } from '../auth/permissions';
import { hashPassword, UNUSABLE_HASH } from '../auth/password';
import { badRequest, forbidden, userNotFound } from '../errors';
import { createUser, issuePasswordLink, updateUserAccount, write } from '../services';

export const userRouter = router({
  /**
   * Admins see every user. A coordinator sees the members of the territories they coordinate,
   * plus the one user whose email they type in full (to add that person as a member).
   */
  list: authedProcedure.input(userListInput).query(async ({ ctx, input }) => {
    const isAdmin = can(ctx.user, 'administer', null);
    const managed = managedTerritoryIds(ctx.user);
    if (!isAdmin && managed.length === 0) {
      throw forbidden('Only administrators and territory coordinators may list users');
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
        throw forbidden(`You may not read user ${input.id}`);
      }
    }
    const detail = await findUserDetail(ctx.db, input.id, visibilityOf(ctx.user));
    if (!detail) throw userNotFound(input.id);
    return detail;
  }),

  create: authedProcedure.input(userCreateInput).mutation(async ({ ctx, input }) => {
    authorizeAdmin(ctx);
    const { password, ...account } = input;
    // Hashed before the transaction opens: scrypt is slow and must not hold the write lock.
    // Without a password, none can sign in until the user sets theirs with an invitation link.
    const passwordHash = password === undefined ? UNUSABLE_HASH : await hashPassword(password);
    return write(ctx, (w) => createUser(w, account, passwordHash));
  }),

  /**
   * Admins only: a one-time link for the user to set their password (an invitation, or a reset
   * of a forgotten one), mailed to the user and shown to the administrator, who may pass it on.
   */
  issuePasswordLink: authedProcedure
    .input(issuePasswordLinkInput)
    .mutation(async ({ ctx, input }) => {
      authorizeAdmin(ctx);
      const user = await findUser(ctx.db, input.id);
      if (!user) throw userNotFound(input.id);
      if (user.disabledAt !== null) throw badRequest(`User ${input.id} is disabled`);
      return write(ctx, (w) => issuePasswordLink(w, input.id, input.purpose));
    }),

  /** Admins only; disabling a user also ends all their sessions (see the service). */
  update: authedProcedure.input(userUpdateInput).mutation(async ({ ctx, input }) => {
    authorizeAdmin(ctx);
    const disablesSelf =
      input.id === ctx.user.id &&
      (input.disabled === true ||
        (input.globalRole !== undefined && input.globalRole !== ctx.user.globalRole));
    // An admin locking themself out would leave nobody to undo it.
    if (disablesSelf)
      throw badRequest('You may not disable yourself nor change your own global role');
    return write(ctx, (w) => updateUserAccount(w, input));
  }),
});
