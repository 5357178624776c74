import {
  findCommittee,
  insertCommittee,
  listCommitteeMembers,
  listCommittees,
  recordAudit,
  recordChanges,
  updateCommittee,
} from '@jalon/db';
import {
  byIdInput,
  committeeCreateInput,
  committeeListInput,
  committeeUpdateInput,
} from '@jalon/shared';
import { authedProcedure, authorize, notFound, router } from '../trpc';
import { visibilityOf } from '../auth/permissions';

export const committeeRouter = router({
  list: authedProcedure.input(committeeListInput).query(async ({ ctx, input }) => {
    const result = await listCommittees(
      ctx.db,
      visibilityOf(ctx.user),
      input,
      ctx.now().toISOString(),
    );
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  byId: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'committee', id: input.id });
    const committee = await findCommittee(ctx.db, input.id);
    if (!committee) throw notFound('committee', input.id);
    return { ...committee, members: await listCommitteeMembers(ctx.db, input.id) };
  }),

  create: authedProcedure.input(committeeCreateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'territory', id: input.territoryId });
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const created = await insertCommittee(trx, { ...input, archivedAt: null });
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'committee',
        entityId: created.id,
        operation: 'create',
        territoryId: created.territoryId,
        newValue: { kind: created.kind, name: created.name },
        occurredAt: now.toISOString(),
      });
      return created;
    });
  }),

  update: authedProcedure.input(committeeUpdateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'committee', id: input.id });
    const now = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findCommittee(trx, input.id);
      if (!before) throw notFound('committee', input.id);
      const after = await updateCommittee(trx, input.id, { name: input.name });
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'committee',
          entityId: input.id,
          operation: 'update',
          territoryId: after.territoryId,
          occurredAt: now.toISOString(),
        },
        { name: before.name },
        { name: after.name },
      );
      return after;
    });
  }),
});
