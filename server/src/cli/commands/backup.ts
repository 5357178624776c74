import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { backupDatabase, backupPostgres, describeDatabase } from '@jalon/db';
import { resolveUserPath } from '../../env';
import { CliError, databaseOf, print, type CliContext } from '../context';

export function registerBackup(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .description(
      'write a consistent copy of the live database, while the server keeps running ' +
        '(on PostgreSQL, a pg_dump archive for pg_restore)',
    )
    .argument('<file>', 'the copy to write')
    .option('--force', 'overwrite <file> if it exists')
    .action(async (target: string, options: { force?: true }, command: Command) => {
      const source = databaseOf(ctx, command);
      const file = resolveUserPath(ctx.env, target);
      if (source.kind === 'sqlite' && !existsSync(source.file)) {
        throw new CliError(`No database at ${source.file}`);
      }
      if (existsSync(file) && !options.force) {
        throw new CliError(`${file} already exists: add --force to overwrite it`);
      }
      const overwrite = options.force === true;
      if (source.kind === 'postgres') {
        try {
          const { bytes } = await backupPostgres(source.url, file, { overwrite });
          print(ctx, `Backed up ${describeDatabase(source)} to ${file} (${bytes} bytes).`);
        } catch (error) {
          throw new CliError(error instanceof Error ? error.message : String(error));
        }
        return;
      }
      const { pages } = await backupDatabase(source.file, file, { overwrite });
      print(ctx, `Backed up ${source.file} to ${file} (${pages} pages).`);
    });
}
