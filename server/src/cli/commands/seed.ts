import { Option, type Command } from 'commander';
import {
  describeDatabase,
  isDatabaseEmpty,
  migrateToLatest,
  seedDemo,
  seedNational,
  type Db,
} from '@jalon/db';
import { isoToday } from '@jalon/shared';
import { hashPassword } from '../../auth/password';
import { DEMO_PASSWORD, demoAccountLines } from '../../demo';
import {
  CliError,
  databaseOf,
  parseInteger,
  print,
  withDatabase,
  type CliContext,
} from '../context';

interface SeedOptions {
  demo?: true;
  scale?: 'national';
  seed?: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function seedDemoData(ctx: CliContext, db: Db): Promise<void> {
  const started = performance.now();
  const summary = await seedDemo(db, {
    passwordHash: await hashPassword(DEMO_PASSWORD),
    today: isoToday(ctx.now()),
  });
  print(
    ctx,
    `Demo data seeded in ${seconds(performance.now() - started)}: ${summary.territories} territories, ` +
      `${summary.plans} plans, ${summary.actions} actions, ${summary.indicators} indicators, ` +
      `${summary.measurements} measurements, ${summary.meetings} meetings.`,
  );
  for (const line of demoAccountLines()) print(ctx, line);
}

async function seedNationalData(ctx: CliContext, db: Db, seed: number | undefined): Promise<void> {
  const result = await seedNational(db, { seed });
  print(
    ctx,
    `National-scale data seeded in ${seconds(result.ms)}: ${result.territories} territories, ` +
      `${result.plans} plans, ${result.actions} actions, ${result.indicators} indicators, ` +
      `${result.measurements} measurements.`,
  );
}

export function registerSeed(program: Command, ctx: CliContext): void {
  program
    .command('seed')
    .description('fill an empty database with the demo dataset or synthetic data (migrates first)')
    .addOption(
      new Option(
        '--demo',
        'the demo dataset: Grand Est territories and Chartres métropole',
      ).conflicts(['scale', 'seed']),
    )
    .addOption(
      new Option('--scale <scale>', 'deterministic synthetic data at this scale').choices([
        'national',
      ]),
    )
    .addOption(
      new Option(
        '--seed <n>',
        'PRNG seed for --scale: the same seed gives the same data',
      ).argParser(parseInteger),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  jalon seed --demo\n  jalon seed --scale national --seed 42',
    )
    .action(async (options: SeedOptions, command: Command) => {
      if (!options.demo && options.scale === undefined) {
        throw new CliError('Choose a dataset: --demo or --scale national');
      }
      const database = databaseOf(ctx, command);
      await withDatabase(database, { mustExist: false }, async (db) => {
        await migrateToLatest(db);
        // The demo accounts share a public password: never add them next to real accounts.
        if (!(await isDatabaseEmpty(db))) {
          throw new CliError(
            `The database ${describeDatabase(database)} already holds users, territories or regions: seeding needs an empty database (give another one with --db)`,
          );
        }
        if (options.demo) await seedDemoData(ctx, db);
        else await seedNationalData(ctx, db, options.seed);
      });
    });
}
