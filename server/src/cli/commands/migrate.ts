import type { Command } from 'commander';
import { migrateToLatest } from '@jalon/db';
import { databaseFile, print, withDatabase, type CliContext } from '../context';

export function registerMigrate(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('apply the pending database migrations (creates the database file if needed)')
    .action(async (_options: unknown, command: Command) => {
      const file = databaseFile(ctx, command);
      const applied = await withDatabase(file, { mustExist: false }, migrateToLatest);
      if (applied.length === 0) {
        print(ctx, `Database ${file} is up to date.`);
        return;
      }
      print(ctx, `Applied ${applied.length} migration(s) to ${file}:`);
      for (const name of applied) print(ctx, `  ${name}`);
    });
}
