import { listMemberships } from '@jalon/db';
import {
  byIdInput,
  membershipCreateInput,
  membershipInviteInput,
  membershipListInput,
  membershipUpdateInput,
} from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize } from '../auth/guards';
import { can } from '../auth/permissions';
import {
  changeMembershipRole,
  createMembership,
  inviteMember,
  removeMembership,
  write,
} from '../services';

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
    return write(ctx, (w) => createMembership(w, input));
  }),

  /** Coordinators invite someone into their territory (see the service). */
  invite: authedProcedure.input(membershipInviteInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'territory', id: input.territoryId });
    return write(ctx, (w) => inviteMember(w, input));
  }),

  update: authedProcedure.input(membershipUpdateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'membership', id: input.id });
    return write(ctx, (w) => changeMembershipRole(w, input));
  }),

  delete: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'membership', id: input.id });
    return write(ctx, (w) => removeMembership(w, input.id));
  }),
});
