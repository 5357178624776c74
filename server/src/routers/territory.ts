import { TRPCError } from '@trpc/server';
import {
  findTerritory,
  findTerritoryDetail,
  insertTerritory,
  listOrganisationKinds,
  listTerritories,
  listTerritoryEpciIds,
  recordAudit,
  recordChanges,
  replaceTerritoryEpcis,
  updateTerritory,
  type Db,
  type Territory,
  type Trx,
} from '@jalon/db';
import {
  byIdInput,
  territoryCreateInput,
  territoryListInput,
  territoryUpdateInput,
} from '@jalon/shared';
import { authedProcedure, authorize, authorizeAdmin, notFound, router } from '../trpc';
import { visibilityOf } from '../auth/permissions';

/** The fields of a territory an audit event records. */
const auditedFields = (t: Territory, epciIds: readonly number[]) => ({
  code: t.code,
  name: t.name,
  regionId: t.regionId,
  phase: t.phase,
  joinedOn: t.joinedOn,
  industrialFirms: t.industrialFirms,
  industrialJobs: t.industrialJobs,
  electedChair: t.electedChair,
  industrialChair: t.industrialChair,
  projectLeadName: t.projectLeadName,
  archivedAt: t.archivedAt,
  epciIds: [...epciIds].sort((a, b) => a - b),
});

/** The member EPCIs of a territory must be organisations of kind EPCI; returns them deduplicated. */
async function checkedEpciIds(db: Db | Trx, ids: readonly number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  const found = await listOrganisationKinds(db, unique);
  const epcis = new Set(found.filter((o) => o.kind === 'epci').map((o) => o.id));
  const wrong = unique.filter((id) => !epcis.has(id));
  if (wrong.length > 0) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Organisations ${wrong.join(', ')} are not EPCIs`,
    });
  }
  return unique;
}

async function detailOrThrow(db: Db | Trx, id: number) {
  const detail = await findTerritoryDetail(db, id);
  if (!detail) throw notFound('territory', id);
  return detail;
}

export const territoryRouter = router({
  list: authedProcedure.input(territoryListInput).query(async ({ ctx, input }) => {
    const result = await listTerritories(ctx.db, visibilityOf(ctx.user), input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  byId: authedProcedure.input(byIdInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'territory', id: input.id });
    return detailOrThrow(ctx.db, input.id);
  }),

  create: authedProcedure.input(territoryCreateInput).mutation(async ({ ctx, input }) => {
    authorizeAdmin(ctx);
    const { epciIds, ...fields } = input;
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const epcis = await checkedEpciIds(trx, epciIds);
      const created = await insertTerritory(trx, { ...fields, archivedAt: null, createdAt: now });
      await replaceTerritoryEpcis(trx, created.id, epcis);
      await recordAudit(trx, {
        userId: ctx.user.id,
        entityType: 'territory',
        entityId: created.id,
        operation: 'create',
        territoryId: created.id,
        newValue: auditedFields(created, epcis),
        occurredAt: now,
      });
      return detailOrThrow(trx, created.id);
    });
  }),

  /** Admins, and the territory's coordinators, who keep its key figures and EPCIs current. */
  update: authedProcedure.input(territoryUpdateInput).mutation(async ({ ctx, input }) => {
    await authorize(ctx, 'manage', { entity: 'territory', id: input.id });
    const { id, epciIds, ...patch } = input;
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findTerritory(trx, id);
      if (!before) throw notFound('territory', id);
      const epcisBefore = await listTerritoryEpciIds(trx, id);
      const epcisAfter = epciIds === undefined ? epcisBefore : await checkedEpciIds(trx, epciIds);
      const after = await updateTerritory(trx, id, patch);
      if (!after) throw notFound('territory', id);
      if (epciIds !== undefined) await replaceTerritoryEpcis(trx, id, epcisAfter);
      await recordChanges(
        trx,
        {
          userId: ctx.user.id,
          entityType: 'territory',
          entityId: id,
          operation: 'update',
          territoryId: id,
          occurredAt: now,
        },
        auditedFields(before, epcisBefore),
        auditedFields(after, epcisAfter),
      );
      return detailOrThrow(trx, id);
    });
  }),

  archive: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    authorizeAdmin(ctx);
    const now = ctx.now().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const before = await findTerritory(trx, input.id);
      if (!before) throw notFound('territory', input.id);
      if (before.archivedAt === null) {
        await updateTerritory(trx, input.id, { archivedAt: now });
        await recordAudit(trx, {
          userId: ctx.user.id,
          entityType: 'territory',
          entityId: input.id,
          operation: 'archive',
          territoryId: input.id,
          oldValue: { archivedAt: null },
          newValue: { archivedAt: now },
          occurredAt: now,
        });
      }
      return detailOrThrow(trx, input.id);
    });
  }),
});
