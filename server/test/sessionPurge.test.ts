import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAccount, createTestDb, type Db } from '@jalon/db';
import { openSession, principalForToken } from '../src/auth/sessions';
import {
  purgeExpiredSessions,
  SESSION_PURGE_INTERVAL_MS,
  startSessionPurge,
} from '../src/auth/sessionPurge';
import { createLogger } from '../src/logger';

const DAY = 86_400_000;
const NOW = new Date('2026-12-04T12:00:00.000Z');

/** A user with a session opened 20 days ago (expired: sessions last 14) and one opened today. */
async function world(): Promise<{ db: Db; expired: string; live: string; liveToken: string }> {
  const db = await createTestDb();
  const created = await createAccount(
    db,
    {
      email: 'anne.martin@example.fr',
      name: 'Anne Martin',
      locale: 'fr',
      passwordHash: 'scrypt$unused',
      scope: { kind: 'global', role: 'admin' },
    },
    NOW.toISOString(),
  );
  if (!created.ok) throw new Error(created.reason);
  const expired = await openSession(db, created.user.id, new Date(NOW.getTime() - 20 * DAY));
  const live = await openSession(db, created.user.id, NOW);
  return { db, expired: expired.sessionId, live: live.sessionId, liveToken: live.token };
}

const sessionIds = async (db: Db) =>
  (await db.selectFrom('sessions').select('id').execute()).map((s) => s.id);

afterEach(() => {
  vi.useRealTimers();
});

describe('purgeExpiredSessions', () => {
  it('deletes the expired sessions and keeps the live ones, which still sign in', async () => {
    const { db, expired, live, liveToken } = await world();
    expect(await purgeExpiredSessions(db, NOW)).toBe(1);
    expect(await sessionIds(db)).toEqual([live]);
    expect(await sessionIds(db)).not.toContain(expired);
    expect(await principalForToken(db, liveToken, NOW)).not.toBeNull();
    expect(await purgeExpiredSessions(db, NOW)).toBe(0);
  });
});

describe('startSessionPurge', () => {
  it('purges at every interval while the server runs, until stopped', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { db, live } = await world();
    let now = NOW;
    const stop = startSessionPurge(db, createLogger('silent'), { now: () => now });

    await vi.advanceTimersByTimeAsync(SESSION_PURGE_INTERVAL_MS);
    await vi.waitFor(async () => expect(await sessionIds(db)).toEqual([live]));

    // Fifteen days later the other session has expired too.
    now = new Date(NOW.getTime() + 15 * DAY);
    stop();
    await vi.advanceTimersByTimeAsync(2 * SESSION_PURGE_INTERVAL_MS);
    expect(await sessionIds(db)).toEqual([live]);

    const restarted = startSessionPurge(db, createLogger('silent'), { now: () => now });
    await vi.advanceTimersByTimeAsync(SESSION_PURGE_INTERVAL_MS);
    await vi.waitFor(async () => expect(await sessionIds(db)).toEqual([]));
    restarted();
  });
});
