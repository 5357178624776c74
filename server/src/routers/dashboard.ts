import { getPortfolio, getTerritoryOverview, loadTerritoryMovement } from '@jalon/db';
import {
  addDays,
  isoToday,
  portfolioInput,
  territoryMovementInput,
  territoryOverviewInput,
} from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize } from '../auth/guards';
import { notFound } from '../errors';
import { visibilityOf } from '../auth/permissions';

/** How far back "recent changes" look when the caller does not say. */
const DEFAULT_CHANGES_DAYS = 30;

export const dashboardRouter = router({
  territoryOverview: authedProcedure.input(territoryOverviewInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'territory', id: input.territoryId });
    const now = ctx.now();
    const today = isoToday(now);
    const overview = await getTerritoryOverview(ctx.db, {
      territoryId: input.territoryId,
      today,
      nowIso: now.toISOString(),
      changesSince: input.changesSince ?? addDays(today, -DEFAULT_CHANGES_DAYS),
      listLimit: input.listLimit,
    });
    if (!overview) throw notFound('territory', input.territoryId);
    return overview;
  }),

  /** The first screen of a territory: what moved since its last COPIL (or COTECH). */
  sinceLastMeeting: authedProcedure.input(territoryMovementInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'territory', id: input.territoryId });
    const now = ctx.now();
    return loadTerritoryMovement(ctx.db, {
      territoryId: input.territoryId,
      committeeKind: input.committeeKind,
      since: input.since,
      today: isoToday(now),
      nowIso: now.toISOString(),
    });
  }),

  portfolio: authedProcedure.input(portfolioInput).query(async ({ ctx, input }) => {
    const now = ctx.now();
    const portfolio = await getPortfolio(ctx.db, {
      visibility: visibilityOf(ctx.user),
      regionId: input.regionId,
      sort: input.sort,
      direction: input.direction,
      limit: input.limit,
      offset: input.offset,
      today: isoToday(now),
      nowIso: now.toISOString(),
    });
    return { ...portfolio, limit: input.limit, offset: input.offset };
  }),
});
