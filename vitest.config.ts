import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report is what .ci/run totals; the default reporter is for people.
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    projects: [
      ...['shared', 'db', 'server', 'tests'].map((name) => ({
        test: {
          name,
          root: `./${name}`,
          include: ['test/**/*.test.ts'],
          environment: 'node',
          // Real scrypt hashing and real SQLite: seconds, not milliseconds, on a shared machine.
          testTimeout: 30_000,
        },
      })),
      {
        // Component tests: jsdom, the real API in memory (client/test/support/harness.tsx).
        test: {
          name: 'client',
          root: './client',
          include: ['test/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/support/setup.ts'],
          // Each test renders the whole app on a fresh in-memory world: slow on a loaded machine.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
