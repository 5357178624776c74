import { mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIfChanged } from '../scripts/buildIfChanged';

// A throw-away workspace with the files the client bundle depends on, and a fake build that writes
// dist the way Vite does (emptying it first) and counts its calls.
let root: string;
let builds: number;

const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

const build = () => {
  builds++;
  rmSync(join(root, 'client/dist'), { recursive: true, force: true });
  write('client/dist/index.html', '<div id="root"></div>');
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'jalon-build-check-'));
  builds = 0;
  write('client/src/main.tsx', 'export const main = 1;');
  write('client/src/features/territory/TerritoryPage.tsx', 'export const page = 1;');
  write('client/index.html', '<html></html>');
  write('client/vite.config.ts', 'export default {};');
  write('client/package.json', '{}');
  write('shared/src/index.ts', 'export const shared = 1;');
  write('pnpm-lock.yaml', "lockfileVersion: '9.0'\n");
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('buildIfChanged', () => {
  it('builds once, then not again while nothing changed', () => {
    expect(buildIfChanged(root, build)).toBe('built');
    expect(buildIfChanged(root, build)).toBe('up to date');
    expect(builds).toBe(1);
  });

  it.each([
    ['a client source', 'client/src/features/territory/TerritoryPage.tsx'],
    ['the shared package', 'shared/src/index.ts'],
    ['the lockfile', 'pnpm-lock.yaml'],
    ['the Vite config', 'client/vite.config.ts'],
  ])('rebuilds after a change to %s', (_what, file) => {
    buildIfChanged(root, build);
    appendFileSync(join(root, file), '\n// changed');
    expect(buildIfChanged(root, build)).toBe('built');
    expect(buildIfChanged(root, build)).toBe('up to date');
    expect(builds).toBe(2);
  });

  it('rebuilds after a new source file', () => {
    buildIfChanged(root, build);
    write('client/src/lib/new.ts', 'export const added = 1;');
    expect(buildIfChanged(root, build)).toBe('built');
  });

  it('rebuilds when dist was removed', () => {
    buildIfChanged(root, build);
    rmSync(join(root, 'client/dist'), { recursive: true });
    expect(buildIfChanged(root, build)).toBe('built');
    expect(builds).toBe(2);
  });

  it('does not stamp a failed build, so the next start tries again', () => {
    expect(() =>
      buildIfChanged(root, () => {
        throw new Error('vite failed');
      }),
    ).toThrow('vite failed');
    expect(buildIfChanged(root, build)).toBe('built');
  });
});
