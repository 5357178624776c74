import { inTransaction, type Trx } from '@jalon/db';
import type { Principal } from '../auth/permissions';
import type { AuthedContext } from '../trpc';
import type { Site } from '../site';

/** What a service writes with: the open transaction, who acts, and the instant it happens. */
export interface Write {
  trx: Trx;
  actor: Principal;
  /** One instant for the whole change: every row and audit event it writes carries it. */
  now: Date;
  /** Where Jalon is reached: the mails a change queues link back to it. */
  site: Site;
}

/**
 * Runs one change in one transaction: `ctx.now()` is read once, and a throw anywhere in `change`
 * (a broken rule, a stale version, a failed audit) rolls back everything it wrote. On PostgreSQL
 * a change the server refused for a concurrent one is run again whole (`inTransaction`).
 */
export function write<T>(ctx: AuthedContext, change: (w: Write) => Promise<T>): Promise<T> {
  const now = ctx.now();
  return inTransaction(ctx.db, (trx) => change({ trx, actor: ctx.user, now, site: ctx.site }));
}
