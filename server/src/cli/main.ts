import { runCli } from './program';

// `pnpm jalon <command>`: see `pnpm jalon --help`.

// A reader that went away (`pnpm jalon … | head`) ends the output, not the command.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await runCli(process.argv, { out: process.stdout, err: process.stderr });
