import { sql } from 'kysely';
import {
  NATIONAL_SEED_ADMIN_EMAIL,
  findUserByEmail,
  loadPrincipal,
  portfolioOverdueQuery,
  portfolioRollupsQuery,
} from '@jalon/db';
// The server package exposes only types to the client; the bench drives its real router directly.
import { createCallerFactory } from '../../../../server/src/trpc';
import { appRouter } from '../../../../server/src/routers/_app';
import { createInnerContext } from '../../../../server/src/context';
import { createLogger } from '../../../../server/src/logger';
import { measure, summarise, type TimingSummary } from '../measure';
import type { BenchContext, BenchSection, GoalRow } from '../goals';

/** The national admin's tRPC caller, as the procedures see it in production. */
export async function adminCaller(ctx: BenchContext) {
  const admin = await findUserByEmail(ctx.db, NATIONAL_SEED_ADMIN_EMAIL);
  const principal = admin ? await loadPrincipal(ctx.db, admin.id) : null;
  if (!principal) throw new Error('The national seed created no admin');
  return createCallerFactory(appRouter)(
    createInnerContext({
      db: ctx.db,
      log: createLogger('silent'),
      user: principal,
      now: () => new Date(`${ctx.today}T12:00:00.000Z`),
    }),
  );
}

/** The territory with the most live actions (the heaviest overview) and its largest plan. */
export async function largestTerritory(ctx: BenchContext) {
  const big = await ctx.db
    .selectFrom('actions as a')
    .innerJoin('planTerritories as pt', 'pt.planId', 'a.planId')
    .innerJoin('territories as t', 't.id', 'pt.territoryId')
    .where('a.archivedAt', 'is', null)
    .groupBy(['t.id', 't.name'])
    .select(['t.id', 't.name', (eb) => eb.fn.countAll<number>().as('actions')])
    .orderBy('actions', 'desc')
    .executeTakeFirstOrThrow();
  const bigPlan = await ctx.db
    .selectFrom('actions as a')
    .innerJoin('planTerritories as pt', 'pt.planId', 'a.planId')
    .where('pt.territoryId', '=', big.id)
    .groupBy('a.planId')
    .select(['a.planId', (eb) => eb.fn.countAll<number>().as('actions')])
    .orderBy('actions', 'desc')
    .orderBy('a.planId')
    .executeTakeFirstOrThrow();
  return { id: big.id, name: big.name, actions: Number(big.actions), planId: bigPlan.planId };
}

/** A timing as a table row, as a multiple of the baseline measured in the same run. */
function timed(
  summary: TimingSummary,
  baseline: TimingSummary,
  goal?: { text: string; met: (s: TimingSummary) => boolean },
  yardstick = 'action.byId',
): GoalRow {
  return {
    measure: `${summary.name} (median ms)`,
    value: summary.median,
    unit: 'ms',
    yardstick,
    yardstickValue: baseline.median,
    ratio: summary.median / baseline.median,
    goal: goal?.text ?? 'informative',
    met: goal ? goal.met(summary) : null,
  };
}

/** The heavy read procedures through the real tRPC caller, next to a primary-key lookup. */
export const reads: BenchSection = {
  databases: ['sqlite', 'postgres'],
  name: 'reads',
  async run(ctx) {
    const caller = await adminCaller(ctx);
    const big = await largestTerritory(ctx);
    const someAction = await ctx.db
      .selectFrom('actions')
      .select('id')
      .orderBy('id')
      .offset(15_000)
      .limit(1)
      .executeTakeFirstOrThrow();
    console.log(`Largest territory: ${big.name} (#${big.id}, ${big.actions} actions)`);
    const options = { runs: ctx.runs, warmup: ctx.warmup };
    const run = async (name: string, task: () => Promise<unknown>) =>
      summarise(await measure(name, task, options));

    const baseline = await run('action.byId (PK lookup)', () =>
      caller.action.byId({ id: someAction.id }),
    );
    const rows: GoalRow[] = [timed(baseline, baseline)];
    const selectOne = await run('raw select 1 (no tRPC)', () => sql`select 1`.execute(ctx.db));
    rows.push(timed(selectOne, baseline));
    rows.push(
      timed(
        await run(`dashboard.territoryOverview (#${big.id}, caller)`, () =>
          caller.dashboard.territoryOverview({ territoryId: big.id }),
        ),
        baseline,
      ),
    );
    // The portfolio's maintained plan roll-ups and its count of overdue actions, compiled once
    // and run through the driver: the floor under the procedure, which adds the small reads and
    // the roll-up in JS.
    const rollups = portfolioRollupsQuery(ctx.db).compile();
    const overdue = portfolioOverdueQuery(ctx.db, ctx.today).compile();
    const rawScan = await run('portfolio roll-up SQL raw (national)', async () => {
      await ctx.db.executeQuery(rollups);
      await ctx.db.executeQuery(overdue);
    });
    rows.push(timed(rawScan, baseline));
    for (const sort of ['name', 'progress'] as const) {
      rows.push(
        timed(
          await run(`dashboard.portfolio (national, 50, by ${sort})`, () =>
            caller.dashboard.portfolio({
              limit: 50,
              ...(sort === 'progress' ? { sort, direction: 'desc' as const } : {}),
            }),
          ),
          rawScan,
          { text: '≤ 20 ms median', met: (s) => s.median <= 20 },
          'roll-up SQL raw',
        ),
      );
    }
    rows.push(
      timed(
        await run(`progress.territorySeries (#${big.id})`, () =>
          caller.progress.territorySeries({ territoryId: big.id }),
        ),
        baseline,
      ),
      timed(
        await run(`progress.planSeries (#${big.planId})`, () =>
          caller.progress.planSeries({ planId: big.planId }),
        ),
        baseline,
      ),
      timed(
        await run(`progress.territoryAt (#${big.id}, a year ago)`, () =>
          caller.progress.territoryAt({ territoryId: big.id, at: '2025-11-22' }),
        ),
        baseline,
      ),
      timed(
        await run('action.list (page 1, late+blocked)', () =>
          caller.action.list({ limit: 50, statuses: ['late', 'blocked'] }),
        ),
        baseline,
      ),
      timed(
        await run('action.list (page 1, overdue in territory)', () =>
          caller.action.list({ limit: 50, territoryId: big.id, overdue: true }),
        ),
        baseline,
      ),
    );
    return rows;
  },
};
