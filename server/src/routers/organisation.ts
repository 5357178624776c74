import { TRPCError } from '@trpc/server';
import {
  findOrganisation,
  insertOrganisation,
  listOrganisations,
  recordAudit,
  recordChanges,
  updateOrganisation,
  type Organisation,
} from '@jalon/db';
import {
  byIdInput,
  organisationCreateInput,
  organisationListInput,
  organisationUpdateInput,
} from '@jalon/shared';
import { authedProcedure, router, type AuthedContext } from '../trpc';
import { can, managedTerritoryIds } from '../auth/permissions';

export const organisationNotFound = (id: number) =>
  new TRPCError({ code: 'NOT_FOUND', message: `Organisation ${id} not found` });

/**
 * Organisations are shared reference data; besides admins, any coordinator may add or correct one
 * (a new partner or funder of their plans) without waiting for the national team. Changing an
 * existing organisation's kind reclassifies it for everyone, so only admins do that.
 */
function authorizeOrganisationEditor(ctx: AuthedContext): void {
  if (can(ctx.user, 'administer', null) || managedTerritoryIds(ctx.user).length > 0) return;
  throw new TRPCError({
    code: 'FORBIDDEN',
    message: 'Only administrators and territory coordinators may edit organisations',
  });
}

const auditedFields = (o: Organisation) => ({ name: o.name, kind: o.kind, siren: o.siren });

export const organisationRouter = router({
  list: authedProcedure.input(organisationListInput).query(async ({ ctx, input }) => {
    const result = await listOrganisations(ctx.db, input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  byId: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    const organisation = await findOrganisation(ctx.db, input.id);
    if (!organisation) throw organisationNotFound(input.id);
    return organisation;
  }),

  create: authedProcedure.input(organisationCreateInput).mutation(async ({ ctx, input }) => {
    authorizeOrganisationEditor(ctx);
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const created = await insertOrganisation(trx, { ...input, createdAt: now });
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'organisation',
        entityId: created.id,
        operation: 'create',
        newValue: auditedFields(created),
        occurredAt: now,
      });
      return created;
    });
  }),

  update: authedProcedure.input(organisationUpdateInput).mutation(async ({ ctx, input }) => {
    authorizeOrganisationEditor(ctx);
    const { id, ...patch } = input;
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findOrganisation(trx, id);
      if (!before) throw organisationNotFound(id);
      if (
        patch.kind !== undefined &&
        patch.kind !== before.kind &&
        !can(ctx.user, 'administer', null)
      ) {
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: 'Only administrators may change the kind of an organisation',
        });
      }
      const after = await updateOrganisation(trx, id, patch);
      if (!after) throw organisationNotFound(id);
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'organisation',
          entityId: id,
          operation: 'update',
          occurredAt: now,
        },
        auditedFields(before),
        auditedFields(after),
      );
      return after;
    });
  }),
});
