import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createDb,
  createPostgresDatabase,
  describeDatabase,
  migrateToLatest,
  seedNational,
  type DatabaseConfig,
} from '@jalon/db';
import { startPostgres, type PostgresServer } from '../postgres/server';
import { formatGoalTable, type GoalRow } from './goals';
import { SECTIONS } from './sections/index';

// `pnpm bench`: seeds the national dataset into a temporary SQLite file, then runs each section
// (sections/) and prints one table: each measure, its yardstick measured in the same run, the
// ratio and the goal. Ratios travel better between machines than milliseconds; nothing here passes
// or fails a build on time, because benchmark machines are shared and noisy.
// `pnpm bench --database postgres` does the same on a PostgreSQL server started for the run
// (tests/src/postgres), for the sections that measure there.

const TODAY = '2026-11-22';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '25' },
    warmup: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20231109' },
    scale: { type: 'string', default: '1' },
    only: { type: 'string', multiple: true },
    keep: { type: 'boolean', default: false },
    database: { type: 'string', default: 'sqlite' },
  },
});

if (args.database !== 'sqlite' && args.database !== 'postgres') {
  console.error('--database is sqlite or postgres');
  process.exit(2);
}
const kind = args.database;
const chosen = args.only ? SECTIONS.filter((s) => args.only?.includes(s.name)) : SECTIONS;
const sections = chosen.filter((s) => (s.databases ?? ['sqlite']).includes(kind));
for (const skipped of chosen.filter((s) => !sections.includes(s))) {
  console.log(`Section ${skipped.name} measures on SQLite only: skipped`);
}
if (sections.length === 0) {
  console.error(`No such section; sections: ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'jalon-bench-'));
let postgres: PostgresServer | null = null;
let database: DatabaseConfig = { kind: 'sqlite', file: join(dir, 'national.sqlite') };
if (kind === 'postgres') {
  // Durable as in production: the writes the bench measures wait for the disk, as there.
  postgres = await startPostgres({ durable: true });
  database = { kind: 'postgres', url: await createPostgresDatabase(postgres.url, 'jalon_bench') };
}
const db = createDb(database);
try {
  await migrateToLatest(db);
  const seeded = await seedNational(db, {
    seed: Number(args.seed),
    today: TODAY,
    scale: Number(args.scale),
  });
  console.log(`Database: ${describeDatabase(database)}`);
  console.log(
    `Seeded ${seeded.territories} territories, ${seeded.plans} plans, ${seeded.actions} actions, ` +
      `${seeded.indicators} indicators, ${seeded.measurements} measurements in ${seeded.ms} ms`,
  );
  const ctx = {
    db,
    database,
    dir,
    today: TODAY,
    runs: Number(args.runs),
    warmup: Number(args.warmup),
  };
  const rows: GoalRow[] = [];
  for (const section of sections) {
    console.log(`\n— ${section.name}`);
    rows.push(...(await section.run(ctx)));
  }
  console.log(`\n${formatGoalTable(rows)}`);
  const missed = rows.filter((r) => r.met === false).length;
  const goals = rows.filter((r) => r.met !== null).length;
  console.log(`\n${goals - missed} of ${goals} goals met`);
} finally {
  await db.destroy();
  await postgres?.stop();
  if (args.keep) console.log(`\nKept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
