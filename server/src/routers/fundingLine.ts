import { listFundingLines } from '@jalon/db';
import {
  byIdInput,
  fundingLineCreateInput,
  fundingLineListInput,
  fundingLineUpdateInput,
} from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize } from '../auth/guards';
import { createFundingLine, removeFundingLine, updateFundingLine, write } from '../services';

export const fundingLineRouter = router({
  /** A plan's funding lines, paginated, with the totals of all of them. */
  list: authedProcedure.input(fundingLineListInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'plan', id: input.planId });
    const result = await listFundingLines(ctx.db, input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  create: authedProcedure.input(fundingLineCreateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'plan', id: input.planId });
    return write(ctx, (w) => createFundingLine(w, input));
  }),

  update: authedProcedure.input(fundingLineUpdateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'funding_line', id: input.id });
    return write(ctx, (w) => updateFundingLine(w, scope.planId ?? 0, input));
  }),

  delete: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'manage', { entity: 'funding_line', id: input.id });
    return write(ctx, (w) => removeFundingLine(w, scope.planId ?? 0, input));
  }),
});
