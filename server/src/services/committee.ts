import {
  deleteCommitteeMember,
  findCommittee,
  findCommitteeMember,
  insertCommittee,
  insertCommitteeMember,
  isMemberOfAnyTerritory,
  updateCommittee,
  updateCommitteeMember,
  type Scope,
} from '@jalon/db';
import type {
  committeeCreateInput,
  committeeMemberCreateInput,
  committeeMemberUpdateInput,
  committeeUpdateInput,
} from '@jalon/shared';
import type { z } from 'zod';
import { badRequest, notFound } from '../errors';
import { audit } from './audit';
import type { Write } from './write';

/** A committee (COPIL, COTECH) of a territory. */
export async function createCommittee(w: Write, input: z.infer<typeof committeeCreateInput>) {
  const created = await insertCommittee(w.trx, { ...input, archivedAt: null });
  await audit(w, {
    entityType: 'committee',
    entityId: created.id,
    operation: 'create',
    territoryId: created.territoryId,
    after: created,
  });
  return created;
}

/** Renames a committee; its kind never changes. */
export async function renameCommittee(w: Write, input: z.infer<typeof committeeUpdateInput>) {
  const before = await findCommittee(w.trx, input.id);
  if (!before) throw notFound('committee', input.id);
  const after = await updateCommittee(w.trx, input.id, { name: input.name });
  await audit(w, {
    entityType: 'committee',
    entityId: input.id,
    operation: 'update',
    territoryId: after.territoryId,
    before: { name: before.name },
    after: { name: after.name },
  });
  return after;
}

/** A seat on the committee, for a member of its territory or a named outside person. */
export async function createCommitteeMember(
  w: Write,
  scope: Scope,
  input: z.infer<typeof committeeMemberCreateInput>,
) {
  if (
    input.userId !== null &&
    !(await isMemberOfAnyTerritory(w.trx, input.userId, scope.territoryIds))
  ) {
    throw badRequest(`User ${input.userId} is not a member of this committee's territory`);
  }
  const created = await insertCommitteeMember(w.trx, input);
  await audit(w, {
    entityType: 'committee_member',
    entityId: created.id,
    operation: 'create',
    territoryId: scope.territoryIds[0] ?? null,
    after: created,
  });
  return created;
}

export async function updateCommitteeMemberSeat(
  w: Write,
  scope: Scope,
  input: z.infer<typeof committeeMemberUpdateInput>,
) {
  const { id, ...patch } = input;
  const before = await findCommitteeMember(w.trx, id);
  if (!before) throw notFound('committee_member', id);
  const after = await updateCommitteeMember(w.trx, id, patch);
  await audit(w, {
    entityType: 'committee_member',
    entityId: id,
    operation: 'update',
    territoryId: scope.territoryIds[0] ?? null,
    before,
    after,
  });
  return after;
}

export async function removeCommitteeMember(w: Write, scope: Scope, id: number) {
  const before = await findCommitteeMember(w.trx, id);
  if (!before) throw notFound('committee_member', id);
  await deleteCommitteeMember(w.trx, id);
  await audit(w, {
    entityType: 'committee_member',
    entityId: id,
    operation: 'delete',
    territoryId: scope.territoryIds[0] ?? null,
    before,
  });
  return { id };
}
