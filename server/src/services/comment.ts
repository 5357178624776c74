import { insertComment, type Scope } from '@jalon/db';
import type { commentCreateInput } from '@jalon/shared';
import type { z } from 'zod';
import { audit } from './audit';
import type { Write } from './write';

/** A comment by the actor, audited where the commented item lives (`scope`). */
export async function createComment(
  w: Write,
  scope: Scope,
  input: z.infer<typeof commentCreateInput>,
) {
  const created = await insertComment(w.trx, {
    ...input,
    userId: w.actor.id,
    createdAt: w.now.toISOString(),
  });
  await audit(w, {
    entityType: 'comment',
    entityId: created.id,
    operation: 'create',
    territoryId: scope.territoryIds.length === 1 ? scope.territoryIds[0] : null,
    planId: scope.planId,
    after: created,
  });
  return { ...created, authorName: w.actor.name };
}
