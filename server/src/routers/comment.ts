import { listComments, type ScopedEntity } from '@jalon/db';
import { commentCreateInput, commentListInput, type CommentableEntityType } from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize } from '../auth/guards';
import { createComment, write } from '../services';

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
    return write(ctx, (w) => createComment(w, scope, input));
  }),
});
