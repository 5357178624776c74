import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/** The budget for what the browser downloads before the first screen. */
const INITIAL_JS_BUDGET_BYTES = 150 * 1024;

const dist =
  process.env.JALON_CLIENT_DIST ?? fileURLToPath(new URL('../../client/dist', import.meta.url));

test('the initial JavaScript stays under 150 kB gzipped; charts load later', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // The entry script and the chunks it preloads: everything the first paint waits for.
  const initial = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  expect(initial.length).toBeGreaterThan(0);
  const sizes = initial.map((file) => ({
    file,
    gzip: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
  }));
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  test.info().annotations.push({
    type: 'initial JS (gzip)',
    description: `${(total / 1024).toFixed(1)} kB in ${sizes.length} files`,
  });
  console.log(`initial JS: ${(total / 1024).toFixed(1)} kB gzipped`, sizes);
  expect(total).toBeLessThan(INITIAL_JS_BUDGET_BYTES);
  // recharts is not in the initial download.
  for (const { file } of sizes) {
    expect(readFileSync(join(dist, file), 'utf8')).not.toContain('recharts-wrapper');
  }
});
