import { inTransaction } from '@jalon/db';
import type { AuthedContext } from '../trpc';
import type { Write } from '../services/write';
import type { OnProgress } from './problems';

/**
 * Writes an import in one transaction: the preview is made again on what the transaction reads
 * (so what was shown is what is written) and, when it is applicable, each planned item is
 * written by `write` through the services (their rules and audit events); otherwise nothing is
 * written. A failure on any item rolls back all of them.
 */
export async function writeInOneTransaction<P extends { applicable: boolean }, T>(
  ctx: AuthedContext,
  plan: (ctx: AuthedContext) => Promise<{ preview: P; planned: T[] }>,
  write: (w: Write, item: T) => Promise<void>,
  onProgress?: OnProgress,
): Promise<{ preview: P; written: boolean; count: number }> {
  const now = ctx.now();
  return inTransaction(ctx.db, async (trx) => {
    const { preview, planned } = await plan({ ...ctx, db: trx, now: () => now });
    if (!preview.applicable) return { preview, written: false, count: 0 };
    const w: Write = { trx, actor: ctx.user, now, site: ctx.site };
    let count = 0;
    for (const item of planned) {
      await write(w, item);
      count += 1;
      await onProgress?.(count, planned.length);
    }
    return { preview, written: true, count };
  });
}
