import type { Db, Trx } from '../connection';
import type { PasswordLinkTable } from '../schema';

export type PasswordLinkPurpose = PasswordLinkTable['purpose'];

/** Records a link (by its token's hash) and withdraws the user's earlier unused ones. */
export async function insertPasswordLink(
  trx: Db | Trx,
  link: Omit<PasswordLinkTable, 'usedAt'>,
): Promise<void> {
  await trx
    .updateTable('passwordLinks')
    .set({ usedAt: link.createdAt })
    .where('userId', '=', link.userId)
    .where('usedAt', 'is', null)
    .execute();
  await trx
    .insertInto('passwordLinks')
    .values({ ...link, usedAt: null })
    .execute();
}

/** The link `id` if it can still serve: unused, unexpired, its user enabled. */
function usableLink(db: Db | Trx, id: string, nowIso: string) {
  return db
    .selectFrom('passwordLinks as l')
    .innerJoin('users as u', 'u.id', 'l.userId')
    .where('l.id', '=', id)
    .where('l.usedAt', 'is', null)
    .where('l.expiresAt', '>', nowIso)
    .where('u.disabledAt', 'is', null);
}

/**
 * Uses the link whose token hashes to `id`, if it is unused, unexpired, and its user enabled:
 * marks it used in the same statement (two concurrent uses cannot both succeed) and returns
 * its user and purpose; null otherwise.
 */
export async function consumePasswordLink(
  trx: Db | Trx,
  id: string,
  nowIso: string,
): Promise<{ userId: number; purpose: PasswordLinkPurpose } | null> {
  const link = await usableLink(trx, id, nowIso)
    .select(['l.userId', 'l.purpose'])
    .executeTakeFirst();
  if (!link) return null;
  const used = await trx
    .updateTable('passwordLinks')
    .set({ usedAt: nowIso })
    .where('id', '=', id)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1 ? link : null;
}

/** Whether the link is still usable, for the page that asks for the new password. */
export async function findUsablePasswordLink(
  db: Db | Trx,
  id: string,
  nowIso: string,
): Promise<{
  userId: number;
  name: string;
  purpose: PasswordLinkPurpose;
  expiresAt: string;
} | null> {
  const link = await usableLink(db, id, nowIso)
    .select(['l.userId', 'u.name', 'l.purpose', 'l.expiresAt'])
    .executeTakeFirst();
  return link ?? null;
}
