import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDb, type Db } from '../src/connection';
import { preparedQuery } from '../src/prepared';
import { seedDemo } from '../src/seed/demo';

// A prepared query is built once with placeholders and run with new values each time: it must
// return exactly what the same query built with those values returns, in a transaction too.

async function demoDb(): Promise<Db> {
  const db = await createTestDb();
  await seedDemo(db, { passwordHash: 'scrypt$test-hash', today: '2026-03-02' });
  return db;
}

function actionsOfStatusBuiltEachTime(db: Db, planId: number, status: string, limit: number) {
  return db
    .selectFrom('actions as a')
    .where('a.planId', '=', planId)
    .where('a.status', '=', status as 'done')
    .where('a.archivedAt', 'is', null)
    .select(['a.id', 'a.title', 'a.ownerUserId', 'a.dueDate'])
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

describe('preparedQuery', () => {
  it('returns what the query built with the same values returns, whatever the values', async () => {
    const db = await demoDb();
    let builds = 0;
    const prepared = preparedQuery((d, p: { planId: number; status: 'done'; limit: number }) => {
      builds += 1;
      return d
        .selectFrom('actions as a')
        .where('a.planId', '=', p.planId)
        .where('a.status', '=', p.status)
        .where('a.archivedAt', 'is', null)
        .select(['a.id', 'a.title', 'a.ownerUserId', 'a.dueDate'])
        .orderBy('a.id')
        .limit(p.limit);
    });
    const plans = await db.selectFrom('plans').select('id').execute();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...plans.map((p) => p.id), 0, 9_999),
        fc.constantFrom('todo', 'in_progress', 'done', 'blocked', 'late', 'dropped'),
        fc.integer({ min: 1, max: 50 }),
        async (planId, status, limit) => {
          const expected = await actionsOfStatusBuiltEachTime(db, planId, status, limit);
          const actual = await prepared.execute(db, { planId, status: status as 'done', limit });
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
    // Built once for the whole run: the point of preparing it.
    expect(builds).toBe(1);
  });

  it('runs inside a transaction and sees its uncommitted writes', async () => {
    const db = await demoDb();
    const titleOf = preparedQuery((d, p: { id: number }) =>
      d.selectFrom('actions').where('id', '=', p.id).select(['id', 'title']),
    );
    const action = await db.selectFrom('actions').select(['id', 'title']).executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('actions')
        .set({ title: 'Titre changé dans la transaction' })
        .where('id', '=', action.id)
        .execute();
      expect(await titleOf.executeTakeFirst(trx, { id: action.id })).toEqual({
        id: action.id,
        title: 'Titre changé dans la transaction',
      });
    });
    expect(await titleOf.executeTakeFirst(db, { id: -1 })).toBeUndefined();
  });

  it('refuses a builder that reads a placeholder as a value in JS', async () => {
    const db = await demoDb();
    const branching = preparedQuery((d, p: { limit: number }) =>
      // A branch on the value would freeze the first call's shape for every later call.
      d
        .selectFrom('actions')
        .select('id')
        .limit(p.limit > 10 ? 10 : p.limit),
    );
    await expect(branching.execute(db, { limit: 5 })).rejects.toThrow(/placeholder "limit"/);
  });
});
