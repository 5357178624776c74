import {
  inTransaction,
  clearSignInCounter,
  countSignInAttempt,
  lockSignIn,
  uncountSignInAttempt,
  type Db,
} from '@jalon/db';

// Sign-in throttling lives in the database so that several app instances share it, and every
// attempt is counted before its password is checked, in one transaction, so that a batch or a
// burst of concurrent attempts cannot all be checked against the same count.

/** An account is locked for ACCOUNT_LOCK_MS after this many attempts within ACCOUNT_WINDOW_MS. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
const ACCOUNT_WINDOW_MS = 15 * 60_000;
const ACCOUNT_LOCK_MS = 15 * 60_000;

/**
 * An address (everyone behind one proxy, say) is slowed, not locked out: beyond this many failed
 * attempts within a minute, its further attempts wait for the next minute. It never locks an
 * account.
 */
export const MAX_FAILURES_PER_ADDRESS = 20;
const ADDRESS_WINDOW_MS = 60_000;

const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `ip:${ip}`;

/** Why an attempt was refused before its password was checked, and until when. */
export class SignInThrottled extends Error {
  constructor(
    readonly scope: 'account' | 'address',
    readonly until: Date,
  ) {
    super(
      scope === 'account'
        ? `This account is locked after too many failed sign-ins, until ${until.toISOString()}`
        : `Too many failed sign-ins from this address; try again after ${until.toISOString()}`,
    );
    this.name = 'SignInThrottled';
  }
}

const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);

/**
 * The counters' transactions are upserts and updates that lock the address's row, then the
 * account's, always in that order: exact under READ COMMITTED on PostgreSQL, where concurrent
 * attempts wait for each other's row rather than being refused (see `inTransaction`).
 */
const COUNTERS = { isolation: 'read committed' } as const;

/**
 * Counts a sign-in attempt against the account and the address, before anyone checks its
 * password. Throws SignInThrottled, the attempt unchecked, when the account is locked or the
 * address has spent its minute's attempts; locks the account when this attempt is its last
 * allowed one (the attempt itself is still checked).
 */
export async function admitSignInAttempt(
  db: Db,
  email: string,
  ip: string,
  now: Date,
): Promise<void> {
  const nowIso = now.toISOString();
  const refusal = await inTransaction(
    db,
    async (trx) => {
      const address = await countSignInAttempt(trx, {
        key: addressKey(ip),
        nowIso,
        windowStartIso: new Date(now.getTime() - ADDRESS_WINDOW_MS).toISOString(),
      });
      if (address.failures > MAX_FAILURES_PER_ADDRESS) {
        return new SignInThrottled('address', later(address.windowStartedAt, ADDRESS_WINDOW_MS));
      }
      const account = await countSignInAttempt(trx, {
        key: accountKey(email),
        nowIso,
        windowStartIso: new Date(now.getTime() - ACCOUNT_WINDOW_MS).toISOString(),
      });
      if (account.lockedUntil !== null && account.lockedUntil > nowIso) {
        return new SignInThrottled('account', new Date(account.lockedUntil));
      }
      if (account.failures >= MAX_FAILURES_PER_ACCOUNT) {
        await lockSignIn(trx, accountKey(email), later(nowIso, ACCOUNT_LOCK_MS).toISOString());
      }
      return null;
    },
    COUNTERS,
  );
  // Refused outside the transaction, so that the count it made is kept.
  if (refusal) throw refusal;
}

/** A signed-in attempt: the account starts afresh and the address gets its attempt back. */
export async function signInSucceeded(db: Db, email: string, ip: string): Promise<void> {
  await inTransaction(
    db,
    async (trx) => {
      await uncountSignInAttempt(trx, addressKey(ip));
      await clearSignInCounter(trx, accountKey(email));
    },
    COUNTERS,
  );
}

/** An attempt that was counted but never checked (the server was too busy): given back. */
export async function signInNotChecked(db: Db, email: string, ip: string): Promise<void> {
  await inTransaction(
    db,
    async (trx) => {
      await uncountSignInAttempt(trx, addressKey(ip));
      await uncountSignInAttempt(trx, accountKey(email));
    },
    COUNTERS,
  );
}
