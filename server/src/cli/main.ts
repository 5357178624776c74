import { runCli } from './program';

// `pnpm jalon <command>`: see `pnpm jalon --help`.

// Write errors reach stdout's listeners, not the command that wrote; throwing here would end the
// process on a stack trace. A reader that went away (`pnpm jalon … | head`) ends the output, not
// the command. Any other (a full disk) fails the command, reported once: by the command when it
// saw the error itself (the export does), else here on the way out.
let outputError: Error | undefined;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') outputError ??= error;
});
process.on('exit', () => {
  if (outputError === undefined || process.exitCode !== 0) return;
  process.stderr.write(`error: ${outputError.message}\n`);
  process.exitCode = 1;
});

process.exitCode = await runCli(process.argv, { out: process.stdout, err: process.stderr });
