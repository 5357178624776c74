import {
  deleteMembership,
  findMembership,
  findMembershipOf,
  findUser,
  insertMembership,
  leavesTerritoryWithoutCoordinator,
  updateMembershipRole,
} from '@jalon/db';
import type { membershipCreateInput, membershipUpdateInput, TerritoryRole } from '@jalon/shared';
import type { z } from 'zod';
import { can } from '../auth/permissions';
import { alreadyExists, badRequest, notFound, userNotFound } from '../errors';
import { audit } from './audit';
import type { Write } from './write';

/**
 * A territory must keep a coordinator: one coordinator may not demote or remove the last one
 * (themself included). Admins may, to reorganise a territory.
 */
async function keepOneCoordinator(
  w: Write,
  membershipId: number,
  nextRole: TerritoryRole | null,
): Promise<void> {
  if (can(w.actor, 'administer', null)) return;
  if (await leavesTerritoryWithoutCoordinator(w.trx, membershipId, nextRole)) {
    throw badRequest('A territory must keep at least one coordinator');
  }
}

export async function createMembership(w: Write, input: z.infer<typeof membershipCreateInput>) {
  if (!(await findUser(w.trx, input.userId))) throw userNotFound(input.userId);
  if (await findMembershipOf(w.trx, input.userId, input.territoryId)) {
    throw alreadyExists(
      `User ${input.userId} is already a member of territory ${input.territoryId}`,
    );
  }
  const created = await insertMembership(w.trx, { ...input, createdAt: w.now.toISOString() });
  await audit(w, {
    entityType: 'membership',
    entityId: created.id,
    operation: 'create',
    territoryId: created.territoryId,
    after: created,
  });
  return created;
}

export async function changeMembershipRole(w: Write, input: z.infer<typeof membershipUpdateInput>) {
  const before = await findMembership(w.trx, input.id);
  if (!before) throw notFound('membership', input.id);
  await keepOneCoordinator(w, input.id, input.role);
  const after = await updateMembershipRole(w.trx, input.id, input.role);
  if (!after) throw notFound('membership', input.id);
  await audit(w, {
    entityType: 'membership',
    entityId: input.id,
    operation: 'update',
    territoryId: after.territoryId,
    before,
    after,
  });
  return after;
}

export async function removeMembership(w: Write, id: number) {
  const before = await findMembership(w.trx, id);
  if (!before) throw notFound('membership', id);
  await keepOneCoordinator(w, id, null);
  await deleteMembership(w.trx, id);
  await audit(w, {
    entityType: 'membership',
    entityId: id,
    operation: 'delete',
    territoryId: before.territoryId,
    before,
  });
  return { id };
}
