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
        },
      },
    ],
  },
});
