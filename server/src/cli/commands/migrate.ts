import type { Command } from 'commander';
import { describeDatabase, migrateToLatest } from '@jalon/db';
import { databaseOf, print, withDatabase, type CliContext } from '../context';

export function registerMigrate(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('apply the pending database migrations (creates the database file if needed)')
    .action(async (_options: unknown, command: Command) => {
      const database = databaseOf(ctx, command);
      const applied = await withDatabase(database, { mustExist: false }, migrateToLatest);
      const name = describeDatabase(database);
      if (applied.length === 0) {
        print(ctx, `Database ${name} is up to date.`);
        return;
      }
      print(ctx, `Applied ${applied.length} migration(s) to ${name}:`);
      for (const name of applied) print(ctx, `  ${name}`);
    });
}
