import { findIndicator, listIndicatorMeasurements, listIndicators } from '@jalon/db';
import {
  byIdInput,
  indicatorCreateInput,
  indicatorListInput,
  indicatorProgress,
  indicatorUpdateInput,
} from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { visibilityOf } from '../auth/permissions';
import { authorize } from '../auth/guards';
import { notFound } from '../errors';
import { archiveIndicator, createIndicator, updateIndicator, write } from '../services';

/** The indicator's owner: its plan, or its territory for a territory-wide indicator. */
const ownerOf = (i: { planId: number | null; territoryId: number | null }) =>
  i.planId !== null
    ? ({ entity: 'plan', id: i.planId } as const)
    : ({ entity: 'territory', id: i.territoryId ?? 0 } as const);

export const indicatorRouter = router({
  list: authedProcedure.input(indicatorListInput).query(async ({ ctx, input }) => {
    const result = await listIndicators(ctx.db, visibilityOf(ctx.user), input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  byId: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'indicator', id: input.id });
    const indicator = await findIndicator(ctx.db, input.id);
    if (!indicator) throw notFound('indicator', input.id);
    const measurements = await listIndicatorMeasurements(ctx.db, input.id);
    return { ...indicator, measurements, progress: indicatorProgress(indicator, measurements) };
  }),

  create: authedProcedure.input(indicatorCreateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', ownerOf(input));
    return write(ctx, (w) => createIndicator(w, input));
  }),

  update: authedProcedure.input(indicatorUpdateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'indicator', id: input.id });
    return write(ctx, (w) => updateIndicator(w, input));
  }),

  archive: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'indicator', id: input.id });
    return write(ctx, (w) => archiveIndicator(w, input));
  }),
});
