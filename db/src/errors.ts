import { sql } from 'kysely';
import type { Db } from './connection';

// What the rest of Jalon needs to know of the database's errors and health, without knowing which
// database runs: SQLite's extended result codes today, PostgreSQL's SQLSTATE codes alike.

/**
 * A database refused a write, in words the API can act on: it breaks a constraint, or it ran at
 * the same time as another change and PostgreSQL gave it up (`concurrent`, after `inTransaction`
 * ran it again as many times as it does).
 */
export type ConstraintViolation = 'unique' | 'foreign_key' | 'concurrent';

/** SQLite's extended result codes (better-sqlite3's `code`), PostgreSQL's SQLSTATE (`pg`'s `code`). */
const VIOLATIONS: Record<string, ConstraintViolation> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  '23505': 'unique',
  '23503': 'foreign_key',
  // serialization_failure, deadlock_detected
  '40001': 'concurrent',
  '40P01': 'concurrent',
};

/** Which constraint `error` reports breaking, or null when it is not a constraint violation. */
export function constraintViolationOf(error: unknown): ConstraintViolation | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const { code } = error;
  return typeof code === 'string' ? (VIOLATIONS[code] ?? null) : null;
}

/** Resolves when the database answers a trivial statement; rejects with its error otherwise. */
export async function pingDb(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
