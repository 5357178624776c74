import { Command, CommanderError } from 'commander';
import { loadEnv } from '../env';
import type { CliContext, CliIo } from './context';
import { registerBackup } from './commands/backup';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerMail } from './commands/mail';
import { registerMigrate } from './commands/migrate';
import { registerReference } from './commands/reference';
import { registerRestore } from './commands/restore';
import { registerSeed } from './commands/seed';
import { registerUser } from './commands/user';

export function buildProgram(ctx: CliContext): Command {
  // Settings made here are inherited by every subcommand created afterwards.
  const program = new Command('jalon')
    .description(
      'Jalon administration: database, demo and synthetic data, users, exports and imports, backup and restore',
    )
    .option(
      '--db <file>',
      'SQLite database file (default: $JALON_DB, else data/jalon.sqlite at the workspace root)',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.out.write(text),
      writeErr: (text) => ctx.io.err.write(text),
    })
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(add --help for usage)');
  registerMigrate(program, ctx);
  registerSeed(program, ctx);
  registerReference(program, ctx);
  registerUser(program, ctx);
  registerExport(program, ctx);
  registerImport(program, ctx);
  registerMail(program, ctx);
  registerBackup(program, ctx);
  registerRestore(program, ctx);
  return program;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs the CLI and returns its exit code; errors become one line on stderr, never a stack.
 * `environment` stands for the process's (tests run the CLI in-process with their own).
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  environment?: NodeJS.ProcessEnv,
): Promise<number> {
  let ctx: CliContext;
  try {
    ctx = { env: loadEnv(environment), io, now: () => new Date() };
  } catch (error) {
    io.err.write(`error: ${messageOf(error)}\n`);
    return 1;
  }
  try {
    await buildProgram(ctx).parseAsync(argv);
    return 0;
  } catch (error) {
    // Commander has already printed its own message (or the help, with exit code 0).
    if (error instanceof CommanderError) return error.exitCode;
    io.err.write(`error: ${messageOf(error)}\n`);
    return 1;
  }
}
