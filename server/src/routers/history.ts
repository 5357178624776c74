import {
  listEntityHistory,
  listPlanHistory,
  listTerritoryHistory,
  type ScopedEntity,
} from '@jalon/db';
import {
  historyInput,
  planHistoryInput,
  territoryHistoryInput,
  type EntityType,
} from '@jalon/shared';
import { authedProcedure, router, type AuthedContext } from '../trpc';
import { authorize, authorizeAdmin } from '../auth/guards';
import { can } from '../auth/permissions';

/**
 * Whose scope decides who may read an entity's history; null for national reference data and
 * comments, whose history only admins read. Attendance events are filed under the meeting's id.
 */
const SCOPE_OF: Record<EntityType, ScopedEntity | null> = {
  territory: 'territory',
  organisation: null,
  user: null,
  membership: 'membership',
  plan: 'plan',
  funding_line: 'funding_line',
  stage: 'stage',
  action: 'action',
  indicator: 'indicator',
  measurement: 'measurement',
  committee: 'committee',
  committee_member: 'committee_member',
  meeting: 'meeting',
  attendance: 'meeting',
  agenda_item: 'agenda_item',
  decision: 'decision',
  comment: null,
};

/** Who may read an entity's history: whoever may read the entity (admins: every history). */
export async function authorizeHistory(
  ctx: AuthedContext,
  target: { entityType: EntityType; entityId: number },
): Promise<void> {
  const scoped = SCOPE_OF[target.entityType];
  // Admins read every history, including that of entities since deleted (whose scope is gone).
  if (scoped === null || can(ctx.user, 'administer', null)) {
    authorizeAdmin(ctx);
  } else {
    await authorize(ctx, 'read', { entity: scoped, id: target.entityId });
  }
}

/**
 * History as people read it: who, when, which item (by its title) and each changed field with
 * its old and new value, names instead of ids.
 */
export const historyRouter = router({
  /** One entity's own history (an action's, a meeting's…). */
  list: authedProcedure.input(historyInput).query(async ({ ctx, input }) => {
    await authorizeHistory(ctx, input);
    const result = await listEntityHistory(ctx.db, input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  /** A plan's history with that of its stages, actions, indicators and measurements. */
  forPlan: authedProcedure.input(planHistoryInput).query(async ({ ctx, input }) => {
    await authorizeHistory(ctx, { entityType: 'plan', entityId: input.planId });
    const result = await listPlanHistory(ctx.db, input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  /** What changed in a territory from `since` on: the dashboard's recent changes, paged. */
  forTerritory: authedProcedure.input(territoryHistoryInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'territory', id: input.territoryId });
    const result = await listTerritoryHistory(ctx.db, input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),
});
