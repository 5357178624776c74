import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import pLimit from 'p-limit';
import { TRPCError } from '@trpc/server';

// scrypt from Node's crypto: no native dependency to build. Parameters follow OWASP's minimum
// (N=2^17, r=8, p=1) and are stored with the hash so they can be raised later.
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/**
 * Hashes run on libuv's small thread pool, shared with gzip, file reads and DNS, and each takes
 * 128 MB: a batch of sign-ins would hold every thread and starve everyone. So at most
 * HASH_CONCURRENCY hashes run at once (leaving threads free), at most HASH_QUEUE wait, and beyond
 * that the caller is refused at once.
 */
export const HASH_CONCURRENCY = 2;
export const HASH_QUEUE = 8;
const hashing = pLimit(HASH_CONCURRENCY);

/** Thrown when HASH_QUEUE hashes already wait: any procedure hashing answers 429 at once. */
export class PasswordHashingBusy extends TRPCError {
  constructor() {
    super({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many passwords to check at once; try again in a moment',
    });
    this.name = 'PasswordHashingBusy';
  }
}

/** Hashes waiting for a free slot, and hashes running: for tests and logs. */
export function hashingLoad(): { running: number; waiting: number } {
  return { running: hashing.activeCount, waiting: hashing.pendingCount };
}

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  if (hashing.pendingCount >= HASH_QUEUE) return Promise.reject(new PasswordHashingBusy());
  const options: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r };
  return hashing(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scryptCb(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) =>
          err ? reject(err) : resolve(key),
        );
      }),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(
    password,
    Buffer.from(salt, 'base64'),
    Number(n),
    Number(r),
    Number(p),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash that verifies no password, to spend the same time on unknown emails. */
export const UNUSABLE_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;
