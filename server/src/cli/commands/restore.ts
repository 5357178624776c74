import type { Command } from 'commander';
import { describeDatabase, restoreDatabase, restorePostgres, RestoreError } from '@jalon/db';
import { resolveUserPath } from '../../env';
import { CliError, databaseOf, print, type CliContext } from '../context';

export function registerRestore(program: Command, ctx: CliContext): void {
  program
    .command('restore')
    .description(
      'replace the database with a backup, once checked (integrity, schema); the server must be stopped ' +
        '(on PostgreSQL, an archive of "jalon backup", restored with pg_restore)',
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
      const target = describeDatabase(database);
      const file = resolveUserPath(ctx.env, backup);
      const overwrite = options.force === true;
      try {
        const result =
          database.kind === 'postgres'
            ? await restorePostgres(file, database.url, { overwrite })
            : await restoreDatabase(file, database.file, { overwrite });
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
