import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/program';

// `pnpm jalon` in the test's own process, through the same `runCli`.

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it. */
export function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** Runs `jalon <args>` in this process, with only `env` (and a silent log) as its environment. */
export async function jalon(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<Run> {
  const out = collector();
  const err = collector();
  const code = await runCli(
    ['node', 'jalon', ...args],
    { out: out.stream, err: err.stream },
    { LOG_LEVEL: 'silent', ...env },
  );
  return { code, stdout: out.text(), stderr: err.text() };
}
