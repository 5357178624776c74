import type { Command } from 'commander';
import { restoreDatabase, RestoreError } from '@jalon/db';
import { resolveUserPath } from '../../env';
import { CliError, databaseOf, print, type CliContext } from '../context';

export function registerRestore(program: Command, ctx: CliContext): void {
  program
    .command('restore')
    .description(
      'replace the database with a backup, once checked (integrity, schema); the server must be stopped',
    )
    .argument('<file>', 'a backup written by "jalon backup"')
    .option('--force', 'replace a database that holds data')
    .addHelpText(
      'after',
      '\nA backup from an older version of Jalon is migrated; one from a newer version is refused.\n' +
        'Example:\n  jalon restore backups/jalon-2026-12-01.sqlite --force',
    )
    .action(async (backup: string, options: { force?: true }, command: Command) => {
      const database = databaseOf(ctx, command);
      if (database.kind === 'postgres') {
        throw new CliError(
          'On PostgreSQL, restore an archive of "jalon backup" with pg_restore, the servers stopped: ' +
            'pg_restore --clean --if-exists --no-owner --single-transaction --dbname=<address> <file>, ' +
            'then "jalon migrate"',
        );
      }
      const target = database.file;
      const file = resolveUserPath(ctx.env, backup);
      try {
        const result = await restoreDatabase(file, target, { overwrite: options.force === true });
        const { users, territories, plans, actions } = result.counts;
        print(
          ctx,
          `Restored ${file} to ${target}${result.replaced ? ', replacing the database there' : ''}.`,
        );
        print(ctx, `  integrity: ok; schema of the backup: ${result.backupSchema}`);
        for (const name of result.migrated) print(ctx, `  migrated: ${name}`);
        print(
          ctx,
          `  ${users} users, ${territories} territories, ${plans} plans, ${actions} actions`,
        );
      } catch (error) {
        if (error instanceof RestoreError) throw new CliError(error.message, { cause: error });
        throw error;
      }
    });
}
