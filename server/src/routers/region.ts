import { listRegions } from '@jalon/db';
import { authedProcedure, router } from '../trpc';

export const regionRouter = router({
  /** Regions are public reference data: any signed-in user sees them all. */
  list: authedProcedure.query(async ({ ctx }) => {
    const items = await listRegions(ctx.db);
    return { items, total: items.length };
  }),
});
