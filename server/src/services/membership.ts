import {
  deleteMembership,
  findMembership,
  findMembershipOf,
  findUser,
  findUserByEmail,
  insertMembership,
  leavesTerritoryWithoutCoordinator,
  updateMembershipRole,
} from '@jalon/db';
import type {
  membershipCreateInput,
  membershipInviteInput,
  membershipUpdateInput,
  TerritoryRole,
} from '@jalon/shared';
import type { z } from 'zod';
import { can } from '../auth/permissions';
import { alreadyExists, badRequest, notFound, userNotFound } from '../errors';
import { UNUSABLE_HASH } from '../auth/password';
import { audit } from './audit';
import { issuePasswordLink } from './passwordLinks';
import { createUser } from './user';
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

/**
 * A coordinator invites someone into the territory. Someone without an account gets one (no
 * national role, no password) and an invitation mail with a one-time link to set their password
 * or sign in with ProConnect; someone with an account is added as a member. Either way the
 * membership is created with `role`.
 */
export async function inviteMember(
  w: Write,
  input: z.infer<typeof membershipInviteInput>,
): Promise<{ userId: number; invited: boolean }> {
  const existing = await findUserByEmail(w.trx, input.email);
  if (existing?.disabledAt) throw badRequest(`User ${existing.id} is disabled`);
  const userId =
    existing?.id ??
    (
      await createUser(
        w,
        {
          email: input.email,
          name: input.name,
          locale: input.locale,
          organisationId: null,
          globalRole: null,
          observedRegionIds: [],
        },
        UNUSABLE_HASH,
      )
    ).id;
  await createMembership(w, { territoryId: input.territoryId, userId, role: input.role });
  if (!existing) await issuePasswordLink(w, userId, 'invitation');
  return { userId, invited: !existing };
}
