import { describe, expect, it } from 'vitest';
import { createTestDb } from '../src/connection';
import { constraintViolationOf, pingDb } from '../src/errors';

/** The error `write` fails with, or a failure of the test when it succeeds. */
async function errorOf(write: Promise<unknown>): Promise<unknown> {
  try {
    await write;
  } catch (error) {
    return error;
  }
  throw new Error('The write was expected to fail');
}

describe('constraint violations, whatever the database', () => {
  it('tells a duplicate and a missing reference from other errors, on a real database', async () => {
    const db = await createTestDb();
    await db.insertInto('regions').values({ code: 'R1', name: 'Grand Est' }).execute();

    const duplicate = await errorOf(
      db.insertInto('regions').values({ code: 'R1', name: 'Encore' }).execute(),
    );
    expect(constraintViolationOf(duplicate)).toBe('unique');

    const dangling = await errorOf(
      db
        .insertInto('territories')
        .values({
          regionId: 999,
          code: 'T1',
          name: 'Nulle part',
          phase: 'phase_2',
          createdAt: '2026-12-05T00:00:00.000Z',
        })
        .execute(),
    );
    expect(constraintViolationOf(dangling)).toBe('foreign_key');

    // A missing required value is a bug of ours, not the caller's conflict: not classified.
    const missing = await errorOf(
      db
        .insertInto('regions')
        .values({ code: 'R2', name: null as unknown as string })
        .execute(),
    );
    expect(constraintViolationOf(missing)).toBeNull();
    await db.destroy();
  });

  it('reads PostgreSQL SQLSTATE codes the same way, and nothing from non-errors', () => {
    expect(constraintViolationOf({ code: '23505' })).toBe('unique');
    expect(constraintViolationOf({ code: '23503' })).toBe('foreign_key');
    // A transaction PostgreSQL gave up for a concurrent one (inTransaction runs it again).
    expect(constraintViolationOf({ code: '40001' })).toBe('concurrent');
    expect(constraintViolationOf({ code: '40P01' })).toBe('concurrent');
    expect(constraintViolationOf({ code: '22003' })).toBeNull();
    expect(constraintViolationOf({ code: 23505 })).toBeNull();
    expect(constraintViolationOf(new Error('boom'))).toBeNull();
    expect(constraintViolationOf(null)).toBeNull();
    expect(constraintViolationOf('SQLITE_CONSTRAINT_UNIQUE')).toBeNull();
  });
});

describe('pingDb', () => {
  it('answers on an open database and fails on a closed one', async () => {
    const db = await createTestDb();
    await expect(pingDb(db)).resolves.toBeUndefined();
    await db.destroy();
    await expect(pingDb(db)).rejects.toThrow();
  });
});
