import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import {
  NATIONAL_SEED_ADMIN_EMAIL,
  findUserByEmail,
  loadPrincipal,
  migrateToLatest,
  openDb,
  seedNational,
} from '@jalon/db';
// The server package exposes only types to the client; the bench drives its real router directly.
import { createCallerFactory } from '../../../server/src/trpc';
import { appRouter } from '../../../server/src/routers/_app';
import { createInnerContext } from '../../../server/src/context';
import { createLogger } from '../../../server/src/logger';
import { formatTable, measure, summarise } from './measure';

// `pnpm bench`: seeds the national dataset into a temporary SQLite file and times the heavy read
// procedures through the real tRPC caller, next to a primary-key lookup measured in the same run.
// Ratios to that baseline travel better between machines than milliseconds; nothing here passes
// or fails on time, because benchmark machines are shared and noisy.

const TODAY = '2026-11-22';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '25' },
    warmup: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20231109' },
    scale: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const warmup = Number(args.warmup);

const dir = mkdtempSync(join(tmpdir(), 'jalon-bench-'));
const file = join(dir, 'national.sqlite');
const db = openDb(file);
try {
  await migrateToLatest(db);
  const seeded = await seedNational(db, {
    seed: Number(args.seed),
    today: TODAY,
    scale: Number(args.scale),
  });
  console.log(`Database: ${file}`);
  console.log(
    `Seeded ${seeded.territories} territories, ${seeded.plans} plans, ${seeded.actions} actions, ` +
      `${seeded.indicators} indicators, ${seeded.measurements} measurements in ${seeded.ms} ms`,
  );

  const admin = await findUserByEmail(db, NATIONAL_SEED_ADMIN_EMAIL);
  const principal = admin ? await loadPrincipal(db, admin.id) : null;
  if (!principal) throw new Error('The national seed created no admin');
  const caller = createCallerFactory(appRouter)(
    createInnerContext({
      db,
      log: createLogger('silent'),
      user: principal,
      now: () => new Date(`${TODAY}T12:00:00.000Z`),
    }),
  );

  // The territory with the most live actions: the heaviest overview.
  const big = await db
    .selectFrom('actions as a')
    .innerJoin('planTerritories as pt', 'pt.planId', 'a.planId')
    .innerJoin('territories as t', 't.id', 'pt.territoryId')
    .where('a.archivedAt', 'is', null)
    .groupBy(['t.id', 't.name'])
    .select(['t.id', 't.name', (eb) => eb.fn.countAll<number>().as('actions')])
    .orderBy('actions', 'desc')
    .executeTakeFirstOrThrow();
  const someAction = await db
    .selectFrom('actions')
    .select('id')
    .orderBy('id')
    .offset(Math.floor(seeded.actions / 2))
    .limit(1)
    .executeTakeFirstOrThrow();
  // Its plan with the most actions: the heaviest plan series.
  const bigPlan = await db
    .selectFrom('actions as a')
    .innerJoin('planTerritories as pt', 'pt.planId', 'a.planId')
    .where('pt.territoryId', '=', big.id)
    .groupBy('a.planId')
    .select(['a.planId', (eb) => eb.fn.countAll<number>().as('actions')])
    .orderBy('actions', 'desc')
    .orderBy('a.planId')
    .executeTakeFirstOrThrow();
  console.log(`Largest territory: ${big.name} (#${big.id}, ${big.actions} actions)`);
  console.log(`Its largest plan: #${bigPlan.planId} (${bigPlan.actions} actions)`);
  console.log(`Median of ${runs} runs after ${warmup} warm-up runs each\n`);

  const options = { runs, warmup };
  const baseline = summarise(
    await measure(
      'baseline: action.byId (PK lookup)',
      () => caller.action.byId({ id: someAction.id }),
      options,
    ),
  );
  const rows = [
    baseline,
    summarise(await measure('raw select 1 (no tRPC)', () => sql`select 1`.execute(db), options)),
    summarise(
      await measure(
        `dashboard.territoryOverview (#${big.id})`,
        () => caller.dashboard.territoryOverview({ territoryId: big.id }),
        options,
      ),
    ),
    summarise(
      await measure(
        'dashboard.portfolio (national, 50, by name)',
        () => caller.dashboard.portfolio({ limit: 50 }),
        options,
      ),
    ),
    summarise(
      await measure(
        'dashboard.portfolio (national, 50, by progress)',
        () => caller.dashboard.portfolio({ limit: 50, sort: 'progress', direction: 'desc' }),
        options,
      ),
    ),
    summarise(
      await measure(
        `progress.territorySeries (#${big.id})`,
        () => caller.progress.territorySeries({ territoryId: big.id }),
        options,
      ),
    ),
    summarise(
      await measure(
        `progress.planSeries (#${bigPlan.planId})`,
        () => caller.progress.planSeries({ planId: bigPlan.planId }),
        options,
      ),
    ),
    summarise(
      await measure(
        `progress.territoryAt (#${big.id}, a year ago)`,
        () => caller.progress.territoryAt({ territoryId: big.id, at: '2025-11-22' }),
        options,
      ),
    ),
    summarise(
      await measure(
        'action.list (page 1, late+blocked)',
        () => caller.action.list({ limit: 50, statuses: ['late', 'blocked'] }),
        options,
      ),
    ),
    summarise(
      await measure(
        'action.list (page 1, overdue in territory)',
        () => caller.action.list({ limit: 50, territoryId: big.id, overdue: true }),
        options,
      ),
    ),
  ];
  console.log(formatTable(rows, baseline));
} finally {
  await db.destroy();
  if (args.keep) console.log(`\nKept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
