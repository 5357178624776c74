import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDb, seedNational } from '@jalon/db';
import { formatGoalTable, type GoalRow } from './goals';
import { SECTIONS } from './sections/index';

// `pnpm bench`: seeds the national dataset into a temporary SQLite file, then runs each section
// (sections/) and prints one table: each measure, its yardstick measured in the same run, the
// ratio and the goal. Ratios travel better between machines than milliseconds; nothing here passes
// or fails a build on time, because benchmark machines are shared and noisy.

const TODAY = '2026-11-22';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '25' },
    warmup: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20231109' },
    scale: { type: 'string', default: '1' },
    only: { type: 'string', multiple: true },
    keep: { type: 'boolean', default: false },
  },
});

const sections = args.only ? SECTIONS.filter((s) => args.only?.includes(s.name)) : SECTIONS;
if (sections.length === 0) {
  console.error(`No such section; sections: ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

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
  const ctx = {
    db,
    file,
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
  if (args.keep) console.log(`\nKept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
