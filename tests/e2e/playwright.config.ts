import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { E2E_PORT, MAIL_CATCHER_URL } from './support/mail';

/**
 * End-to-end tests: Debian's Chromium against `pnpm start`'s server on a fresh demo database
 * (a new temporary file per run), serving the built client (`pnpm --filter @jalon/client build`).
 */
const port = E2E_PORT;
const root = fileURLToPath(new URL('../..', import.meta.url));
const database = join(mkdtempSync(join(tmpdir(), 'jalon-e2e-')), 'jalon.sqlite');
/** The same suite on PostgreSQL: `JALON_E2E_DATABASE=postgres pnpm --filter @jalon/tests e2e`. */
const onPostgres = process.env.JALON_E2E_DATABASE === 'postgres';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Per port, so that two runs side by side (several checkouts) never share artifacts.
  outputDir: join(root, `reports/e2e-artifacts-${port}`),
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile: join(root, `reports/playwright${onPostgres ? '-postgres' : ''}.json`),
      },
    ],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.JALON_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      // The SMTP server Jalon sends to; the specs read what it caught over HTTP.
      command: 'pnpm exec tsx e2e/support/mailCatcher.ts',
      cwd: join(root, 'tests'),
      url: `${MAIL_CATCHER_URL}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        MAIL_CATCHER_SMTP_PORT: String(port + 1),
        MAIL_CATCHER_HTTP_PORT: String(port + 2),
      },
    },
    {
      // On PostgreSQL (JALON_E2E_DATABASE=postgres), a server started for the run in front of it.
      command: onPostgres
        ? 'node --import tsx e2e/support/serverOnPostgres.ts'
        : 'pnpm --filter @jalon/server start',
      cwd: onPostgres ? join(root, 'tests') : root,
      // Lets the PostgreSQL server under it stop cleanly.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      url: `http://127.0.0.1:${port}/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        ...(onPostgres ? {} : { JALON_DB: database }),
        LOG_LEVEL: 'warn',
        JALON_PUBLIC_URL: `http://127.0.0.1:${port}`,
        JALON_SMTP_URL: `smtp://127.0.0.1:${port + 1}`,
        JALON_MAIL_FROM: 'Jalon <jalon@jalon.test>',
        // Lets several checkouts' builds coexist (`vite build --outDir dist-x`); default client/dist.
        ...(process.env.JALON_CLIENT_DIST
          ? { JALON_CLIENT_DIST: process.env.JALON_CLIENT_DIST }
          : {}),
      },
    },
  ],
});
