import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { backupDatabase } from '@jalon/db';
import { resolveUserPath } from '../../env';
import { CliError, databaseFile, print, type CliContext } from '../context';

export function registerBackup(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .description('write a consistent copy of the live database, while the server keeps running')
    .argument('<file>', 'the copy to write')
    .option('--force', 'overwrite <file> if it exists')
    .action(async (target: string, options: { force?: true }, command: Command) => {
      const source = databaseFile(ctx, command);
      const file = resolveUserPath(ctx.env, target);
      if (!existsSync(source)) throw new CliError(`No database at ${source}`);
      if (existsSync(file) && !options.force) {
        throw new CliError(`${file} already exists: add --force to overwrite it`);
      }
      const { pages } = await backupDatabase(source, file, { overwrite: options.force === true });
      print(ctx, `Backed up ${source} to ${file} (${pages} pages).`);
    });
}
