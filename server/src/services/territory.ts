import {
  findTerritory,
  findTerritoryDetail,
  insertTerritory,
  listOrganisationKinds,
  listTerritoryEpciIds,
  replaceTerritoryEpcis,
  updateTerritory as updateTerritoryRow,
  type Db,
  type Territory,
  type TerritoryDetail,
  type Trx,
} from '@jalon/db';
import type { byIdInput, territoryCreateInput, territoryUpdateInput } from '@jalon/shared';
import type { z } from 'zod';
import { badRequest, notFound } from '../errors';
import { audit } from './audit';
import type { Write } from './write';

/** A territory as its history records it: its member EPCIs in id order. */
const audited = (t: Territory, epciIds: readonly number[]) => ({
  ...t,
  epciIds: [...epciIds].sort((a, b) => a - b),
});

/** The member EPCIs of a territory must be organisations of kind EPCI; returns them deduplicated. */
async function checkedEpciIds(db: Db | Trx, ids: readonly number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  const found = await listOrganisationKinds(db, unique);
  const epcis = new Set(found.filter((o) => o.kind === 'epci').map((o) => o.id));
  const wrong = unique.filter((id) => !epcis.has(id));
  if (wrong.length > 0) throw badRequest(`Organisations ${wrong.join(', ')} are not EPCIs`);
  return unique;
}

export async function territoryDetailOrThrow(db: Db | Trx, id: number): Promise<TerritoryDetail> {
  const detail = await findTerritoryDetail(db, id);
  if (!detail) throw notFound('territory', id);
  return detail;
}

export async function createTerritory(
  w: Write,
  input: z.infer<typeof territoryCreateInput>,
): Promise<TerritoryDetail> {
  const { epciIds, ...fields } = input;
  const now = w.now.toISOString();
  const epcis = await checkedEpciIds(w.trx, epciIds);
  const created = await insertTerritory(w.trx, { ...fields, archivedAt: null, createdAt: now });
  await replaceTerritoryEpcis(w.trx, created.id, epcis);
  await audit(w, {
    entityType: 'territory',
    entityId: created.id,
    operation: 'create',
    territoryId: created.id,
    after: audited(created, epcis),
  });
  return territoryDetailOrThrow(w.trx, created.id);
}

/** Key figures and member EPCIs, kept current by admins and the territory's coordinators. */
export async function updateTerritory(
  w: Write,
  input: z.infer<typeof territoryUpdateInput>,
): Promise<TerritoryDetail> {
  const { id, epciIds, ...patch } = input;
  const before = await findTerritory(w.trx, id);
  if (!before) throw notFound('territory', id);
  const epcisBefore = await listTerritoryEpciIds(w.trx, id);
  const epcisAfter = epciIds === undefined ? epcisBefore : await checkedEpciIds(w.trx, epciIds);
  const after = await updateTerritoryRow(w.trx, id, patch);
  if (!after) throw notFound('territory', id);
  if (epciIds !== undefined) await replaceTerritoryEpcis(w.trx, id, epcisAfter);
  await audit(w, {
    entityType: 'territory',
    entityId: id,
    operation: 'update',
    territoryId: id,
    before: audited(before, epcisBefore),
    after: audited(after, epcisAfter),
  });
  return territoryDetailOrThrow(w.trx, id);
}

/** Archiving twice is harmless: the second time changes and records nothing. */
export async function archiveTerritory(
  w: Write,
  input: z.infer<typeof byIdInput>,
): Promise<TerritoryDetail> {
  const before = await findTerritory(w.trx, input.id);
  if (!before) throw notFound('territory', input.id);
  if (before.archivedAt === null) {
    const now = w.now.toISOString();
    await updateTerritoryRow(w.trx, input.id, { archivedAt: now });
    await audit(w, {
      entityType: 'territory',
      entityId: input.id,
      operation: 'archive',
      territoryId: input.id,
      before: { archivedAt: null },
      after: { archivedAt: now },
    });
  }
  return territoryDetailOrThrow(w.trx, input.id);
}
