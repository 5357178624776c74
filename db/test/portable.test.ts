import { describe, expect, inject, it } from 'vitest';
import { createTestDb, dialectOf } from '../src/connection';
import '../../tests/src/postgres/provided';
import { seedNational } from '../src/seed/national';

// What must hold alike on SQLite and on PostgreSQL where their types differ: this suite runs on
// both (vitest.config.ts, project db-postgres).

describe('the same schema in effect on both databases', () => {
  it('runs on the database the test run asked for', async () => {
    const db = await createTestDb();
    // Only the PostgreSQL projects are given a server (tests/src/postgres/globalSetup.ts).
    expect(dialectOf(db)).toBe(inject('postgresUrl') ? 'postgres' : 'sqlite');
    await db.destroy();
  });

  it('gives new rows ids after those a seed inserted explicitly', async () => {
    const db = await createTestDb();
    await seedNational(db, { seed: 3, today: '2026-11-22', scale: 0.01 });
    const largest = await db
      .selectFrom('regions')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const region = await db
      .insertInto('regions')
      .values({ code: 'ZZ', name: 'Région d’essai' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(region.id).toBe(Number(largest.id) + 1);
    await db.destroy();
  });

  it('keeps money in cents up to the largest amount the inputs accept, sums included', async () => {
    const db = await createTestDb();
    await seedNational(db, { seed: 3, today: '2026-11-22', scale: 0.01 });
    const plan = await db.selectFrom('plans').select('id').executeTakeFirstOrThrow();
    const funder = await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
    // 100 billion euros, in cents: far past a 32-bit integer.
    const largest = 1e13;
    await db.updateTable('plans').set({ budgetCents: largest }).where('id', '=', plan.id).execute();
    await db
      .insertInto('fundingLines')
      .values(
        [largest, largest - 1].map((cents) => ({
          planId: plan.id,
          funderOrganisationId: funder.id,
          scheme: 'Fonds vert',
          requestedCents: cents,
          grantedCents: cents,
          paidCents: cents,
        })),
      )
      .execute();
    const read = await db
      .selectFrom('plans')
      .select('budgetCents')
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(read.budgetCents).toBe(largest);
    const total = await db
      .selectFrom('fundingLines')
      .select((eb) => eb.fn.sum<number>('paidCents').as('paid'))
      .where('planId', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(total.paid).toBe(2 * largest - 1);
    await db.destroy();
  });
});
