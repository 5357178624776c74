import { listDecisions } from '@jalon/db';
import { decisionCreateInput, decisionListInput, decisionUpdateInput } from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize } from '../auth/guards';
import { visibilityOf } from '../auth/permissions';
import { createDecision, updateDecisionFollowUp, write } from '../services';

export const decisionRouter = router({
  list: authedProcedure.input(decisionListInput).query(async ({ ctx, input }) => {
    const result = await listDecisions(ctx.db, visibilityOf(ctx.user), input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  create: authedProcedure.input(decisionCreateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'meeting', id: input.meetingId });
    return write(ctx, (w) => createDecision(w, input));
  }),

  /** Follow-ups go on after the meeting; what was decided stays as recorded (see the service). */
  update: authedProcedure.input(decisionUpdateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'decision', id: input.id });
    return write(ctx, (w) => updateDecisionFollowUp(w, input));
  }),
});
