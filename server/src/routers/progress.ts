import { compareTerritoryAt, planProgressSeries, territoryProgressSeries } from '@jalon/db';
import { isoToday, planSeriesInput, territoryAtInput, territorySeriesInput } from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize } from '../auth/guards';

// Progress over time (month by month and at each held meeting, beside the expected progress) and
// a territory as it stood on a past day compared with today.
export const progressRouter = router({
  territorySeries: authedProcedure.input(territorySeriesInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'territory', id: input.territoryId });
    return territoryProgressSeries(ctx.db, input.territoryId, isoToday(ctx.now()));
  }),

  planSeries: authedProcedure.input(planSeriesInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'plan', id: input.planId });
    return planProgressSeries(ctx.db, input.planId, isoToday(ctx.now()));
  }),

  territoryAt: authedProcedure.input(territoryAtInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'territory', id: input.territoryId });
    return compareTerritoryAt(ctx.db, input.territoryId, input.at, isoToday(ctx.now()));
  }),
});
