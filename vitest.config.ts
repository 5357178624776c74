import { defineConfig } from 'vitest/config';

/**
 * The database layer's suites that run on PostgreSQL as well as on SQLite (the others test
 * SQLite's own files: backups, durability, locking, the read snapshot, the statement cache).
 */
const ON_POSTGRES = [
  'demo',
  'demoReview',
  'errors',
  'exports',
  'migrations',
  'national',
  'portable',
  'postgresUpgrade',
  'prepared',
  'referenceEpcis',
  'rollups',
  'sessionPrincipal',
  'stateAt',
  'stateAtDemo',
];

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
          // Tests of several instances on one server: the PostgreSQL projects' only.
          exclude: ['test/postgres/**'],
          environment: 'node',
          // Real scrypt hashing and real SQLite: seconds, not milliseconds, on a shared machine.
          testTimeout: 30_000,
        },
      })),
      // The same suites again on a PostgreSQL server started for the run (tests/src/postgres).
      ...[
        { name: 'db', include: ON_POSTGRES.map((name) => `test/${name}.test.ts`) },
        { name: 'server', include: ['test/**/*.test.ts'] },
      ].map(({ name, include }) => ({
        test: {
          name: `${name}-postgres`,
          root: `./${name}`,
          include,
          environment: 'node',
          globalSetup: ['../tests/src/postgres/globalSetup.ts'],
          setupFiles: ['../tests/src/postgres/setupWorker.ts'],
          testTimeout: 30_000,
        },
      })),
      ...['sqlite', 'postgres'].map((database) => ({
        // Component tests: jsdom, the real API on a fresh test database without HTTP
        // (client/test/support/harness.tsx), in memory or on the PostgreSQL server.
        test: {
          name: database === 'sqlite' ? 'client' : 'client-postgres',
          root: './client',
          include: ['test/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          ...(database === 'postgres'
            ? { globalSetup: ['../tests/src/postgres/globalSetup.ts'] }
            : {}),
          setupFiles: [
            ...(database === 'postgres' ? ['../tests/src/postgres/setupWorker.ts'] : []),
            'test/support/setup.ts',
          ],
          // Each test renders the whole app on a fresh world: slow on a loaded machine.
          testTimeout: 30_000,
        },
      })),
    ],
  },
});
