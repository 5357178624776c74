import { byIdInput, committeeMemberCreateInput, committeeMemberUpdateInput } from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize } from '../auth/guards';
import {
  createCommitteeMember,
  removeCommitteeMember,
  updateCommitteeMemberSeat,
  write,
} from '../services';

export const committeeMemberRouter = router({
  create: authedProcedure.input(committeeMemberCreateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'committee', id: input.committeeId });
    return write(ctx, (w) => createCommitteeMember(w, scope, input));
  }),

  update: authedProcedure.input(committeeMemberUpdateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'committee_member', id: input.id });
    return write(ctx, (w) => updateCommitteeMemberSeat(w, scope, input));
  }),

  delete: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'committee_member', id: input.id });
    return write(ctx, (w) => removeCommitteeMember(w, scope, input.id));
  }),
});
