import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// `pnpm start` builds the client only when what goes into the bundle changed since the last build:
// the client's sources and config, the shared package it bundles, and the lockfile (a dependency
// bump changes the bundle too). The hash of all that is stamped into dist after each build.

/** Folders (walked) and files, relative to the workspace root, that the client bundle depends on. */
export const BUILD_INPUTS = [
  'client/src',
  'client/public',
  'client/index.html',
  'client/vite.config.ts',
  'client/tsconfig.json',
  'client/package.json',
  'shared/src',
  'shared/package.json',
  'tsconfig.base.json',
  'pnpm-lock.yaml',
] as const;

/** Written inside dist, so that removing dist removes the stamp with it. */
export const STAMP_FILE = 'client/dist/.build-stamp';

function filesUnder(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .map((entry) => join(path, entry))
    .filter((entry) => statSync(join(root, entry)).isFile());
}

/** One hash of every input file's path and content, in a stable order. */
export function clientSourceHash(root: string): string {
  const files = BUILD_INPUTS.flatMap((input) => filesUnder(root, input))
    .map((file) => relative(root, join(root, file)).split(sep).join('/'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Runs `build` when dist is missing or its stamp differs from the sources; says which. */
export function buildIfChanged(root: string, build: () => void): 'built' | 'up to date' {
  const hash = clientSourceHash(root);
  const stamp = join(root, STAMP_FILE);
  const built =
    existsSync(join(root, 'client/dist/index.html')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8').trim() === hash;
  if (built) return 'up to date';
  build();
  writeFileSync(stamp, `${hash}\n`);
  return 'built';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const outcome = buildIfChanged(root, () =>
    execFileSync('pnpm', ['run', 'build'], { cwd: join(root, 'client'), stdio: 'inherit' }),
  );
  if (outcome === 'up to date') console.log('Client unchanged since the last build: not rebuilt');
}
