import type { Selectable } from 'kysely';
import type { Db, Trx } from '../connection';
import type { CommentTable } from '../schema';

export type CommentRow = Selectable<CommentTable>;

export interface CommentListItem extends CommentRow {
  authorName: string;
}

/** One page of the comments on an entity, oldest first, as a conversation reads. */
export async function listComments(
  db: Db | Trx,
  filter: { entityType: string; entityId: number; limit: number; offset: number },
): Promise<{ items: CommentListItem[]; total: number }> {
  const base = db
    .selectFrom('comments as c')
    .where('c.entityType', '=', filter.entityType)
    .where('c.entityId', '=', filter.entityId);
  const [items, count] = await Promise.all([
    base
      .innerJoin('users as u', 'u.id', 'c.userId')
      .selectAll('c')
      .select('u.name as authorName')
      .orderBy('c.createdAt', 'asc')
      .orderBy('c.id', 'asc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function insertComment(
  trx: Db | Trx,
  values: { entityType: string; entityId: number; userId: number; body: string; createdAt: string },
): Promise<CommentRow> {
  return trx.insertInto('comments').values(values).returningAll().executeTakeFirstOrThrow();
}
