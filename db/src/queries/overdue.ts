import { sql, type Expression, type SqlBool } from 'kysely';
import { OVERDUE_EXEMPT_STATUSES } from '@jalon/shared';

/**
 * `isOverdue` of @jalon/shared in SQL, for the actions row aliased `alias`: a due date before
 * `today` on an action neither done nor dropped. Every query that counts or filters overdue
 * actions uses this one predicate.
 */
export function overdueActionSql(alias: string, today: string): Expression<SqlBool> {
  const dueDate = sql.ref(`${alias}.dueDate`);
  const status = sql.ref(`${alias}.status`);
  const exempt = sql.join([...OVERDUE_EXEMPT_STATUSES]);
  return sql<SqlBool>`(${dueDate} is not null and ${dueDate} < ${today} and ${status} not in (${exempt}))`;
}
