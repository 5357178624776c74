import { insertComment, listComments, recordAudit, type ScopedEntity } from '@jalon/db';
import { commentCreateInput, commentListInput, type CommentableEntityType } from '@jalon/shared';
import { authedProcedure, authorize, router } from '../trpc';

/** Where the permission to read or comment an entity is decided. */
const SCOPE_OF: Record<CommentableEntityType, ScopedEntity> = {
  plan: 'plan',
  action: 'action',
  indicator: 'indicator',
  meeting: 'meeting',
  decision: 'decision',
};

export const commentRouter = router({
  list: authedProcedure.input(commentListInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: SCOPE_OF[input.entityType], id: input.entityId });
    const result = await listComments(ctx.db, input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  create: authedProcedure.input(commentCreateInput).mutation(async ({ ctx, input }) => {
    const scope = await authorize(ctx, 'comment', {
      entity: SCOPE_OF[input.entityType],
      id: input.entityId,
    });
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const created = await insertComment(trx, {
        ...input,
        userId: ctx.user.id,
        createdAt: now.toISOString(),
      });
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'comment',
        entityId: created.id,
        operation: 'create',
        territoryId: scope.territoryIds.length === 1 ? scope.territoryIds[0] : null,
        planId: scope.planId,
        newValue: {
          entityType: created.entityType,
          entityId: created.entityId,
          body: created.body,
        },
        occurredAt: now.toISOString(),
      });
      return { ...created, authorName: ctx.user.name };
    });
  }),
});
