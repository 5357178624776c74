import { deleteExpiredSessions, type Db } from '@jalon/db';
import type { Logger } from '../logger';

/** Hourly: a session ends at its expiry whether or not its row is gone; this only keeps the table small. */
export const SESSION_PURGE_INTERVAL_MS = 60 * 60_000;

/** Deletes the sessions expired at `now`; returns how many. */
export function purgeExpiredSessions(db: Db, now: Date): Promise<number> {
  return deleteExpiredSessions(db, now.toISOString());
}

/**
 * Purges expired sessions every `intervalMs` while the server runs. The timer is unref'd: it
 * never keeps the process alive on its own. A failed purge is logged and retried at the next
 * tick. Returns the function that stops it.
 */
export function startSessionPurge(
  db: Db,
  log: Logger,
  options: { intervalMs?: number; now?: () => Date } = {},
): () => void {
  const { intervalMs = SESSION_PURGE_INTERVAL_MS, now = () => new Date() } = options;
  const timer = setInterval(() => {
    purgeExpiredSessions(db, now()).then(
      (deleted) => {
        if (deleted > 0) log.info({ deleted }, 'expired sessions purged');
      },
      (error: unknown) => log.error({ err: error }, 'purging expired sessions failed'),
    );
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
