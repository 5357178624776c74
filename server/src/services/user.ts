import {
  deleteUserSessions,
  findUser,
  findUserByEmail,
  findUserDetail,
  insertUser,
  listObservedRegionIds,
  replaceObservedRegions,
  updateUser,
  type PublicUser,
  type UserDetail,
} from '@jalon/db';
import type { userCreateInput, userUpdateInput } from '@jalon/shared';
import type { z } from 'zod';
import { visibilityOf } from '../auth/permissions';
import { alreadyExists, userNotFound } from '../errors';
import { audit } from './audit';
import type { Write } from './write';

/** A user as its audit event sees it: the registry keeps the fields, never the password hash. */
const audited = (u: PublicUser, observedRegionIds: readonly number[]) => ({
  ...u,
  observedRegionIds: [...observedRegionIds].sort((a, b) => a - b),
});

async function detailOrThrow(w: Write, id: number): Promise<UserDetail> {
  const detail = await findUserDetail(w.trx, id, visibilityOf(w.actor));
  if (!detail) throw userNotFound(id);
  return detail;
}

/**
 * A new account. `passwordHash` is computed by the caller before the transaction opens: hashing
 * is slow and must not hold the write lock.
 */
export async function createUser(
  w: Write,
  input: Omit<z.infer<typeof userCreateInput>, 'password'>,
  passwordHash: string,
): Promise<UserDetail> {
  const { observedRegionIds, ...fields } = input;
  const email = fields.email.trim().toLowerCase();
  if (await findUserByEmail(w.trx, email)) {
    throw alreadyExists(`A user with email ${email} exists`);
  }
  const created = await insertUser(w.trx, {
    ...fields,
    email,
    passwordHash,
    disabledAt: null,
    createdAt: w.now.toISOString(),
  });
  await replaceObservedRegions(w.trx, created.id, observedRegionIds);
  await audit(w, {
    entityType: 'user',
    entityId: created.id,
    operation: 'create',
    after: audited(created, observedRegionIds),
  });
  return detailOrThrow(w, created.id);
}

/** Admins only (checked by the caller); disabling a user also ends all their sessions. */
export async function updateUserAccount(
  w: Write,
  input: z.infer<typeof userUpdateInput>,
): Promise<UserDetail> {
  const { id, observedRegionIds, disabled, ...patch } = input;
  const now = w.now.toISOString();
  const before = await findUser(w.trx, id);
  if (!before) throw userNotFound(id);
  const regionsBefore = await listObservedRegionIds(w.trx, id);
  const disabledAt =
    disabled === undefined ? undefined : disabled ? (before.disabledAt ?? now) : null;
  const after = await updateUser(w.trx, id, { ...patch, disabledAt });
  if (!after) throw userNotFound(id);
  if (observedRegionIds !== undefined) {
    await replaceObservedRegions(w.trx, id, observedRegionIds);
  }
  if (disabled === true) await deleteUserSessions(w.trx, id);
  await audit(w, {
    entityType: 'user',
    entityId: id,
    operation: 'update',
    before: audited(before, regionsBefore),
    after: audited(after, observedRegionIds ?? regionsBefore),
  });
  return detailOrThrow(w, id);
}
