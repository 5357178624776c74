import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import { NATIONAL_SEED_ADMIN_EMAIL, findUserByEmail } from '@jalon/db';
// The bench opens a session the way a sign-in does, without a password round trip.
import { openSession, SESSION_COOKIE } from '../../../../server/src/auth/sessions';
import type { BenchContext, BenchSection, GoalRow } from '../goals';
import { startJalon, stopServer } from '../server';
import { largestTerritory } from './reads';

// Lighthouse on the built client served by the real server (`pnpm start`'s entry point) on the
// bench's national database, SQLite or PostgreSQL: the territory dashboard of the largest
// territory, signed in, on the desktop and mobile presets, next to the sign-in page as a
// yardstick (same machine, same run).

const PORT = 4541;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const WORKSPACE = fileURLToPath(new URL('../../../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
/** Lighthouse runs take tens of seconds each: a few runs, the median kept. */
const MAX_RUNS = 3;

interface PageScore {
  performance: number;
  tbtMs: number;
  lcpMs: number;
}

/** Builds the client unless its sources match the stamp of the last build. */
function buildClient(): void {
  execFileSync('pnpm', ['--filter', '@jalon/client', 'build:if-changed'], {
    cwd: WORKSPACE,
    stdio: 'inherit',
  });
}

async function audit(
  url: string,
  cookie: string | null,
  preset: 'desktop' | 'mobile',
  reportFile: string,
): Promise<PageScore> {
  // A fresh browser per run, as the Lighthouse CLI does: no cache or trace state carried over.
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    return await auditIn(chrome, url, cookie, preset, reportFile);
  } finally {
    chrome.kill();
  }
}

async function auditIn(
  chrome: LaunchedChrome,
  url: string,
  cookie: string | null,
  preset: 'desktop' | 'mobile',
  reportFile: string,
): Promise<PageScore> {
  const flags: Flags = {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  };
  const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
  // Chromium sometimes loses the trace's navigation start (NO_NAVSTART): such a run is retried.
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, flags, config);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) {
      if (attempt < 3) continue;
      throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    }
    return scoreOf(lhr, reportFile);
  }
}

function scoreOf(lhr: Result, reportFile: string): PageScore {
  writeFileSync(reportFile, JSON.stringify(lhr));
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function medianScore(
  runs: number,
  audited: (run: number) => Promise<PageScore>,
): Promise<PageScore> {
  const scores: PageScore[] = [];
  for (let i = 0; i < runs; i++) scores.push(await audited(i));
  return {
    performance: median(scores.map((s) => s.performance)),
    tbtMs: median(scores.map((s) => s.tbtMs)),
    lcpMs: median(scores.map((s) => s.lcpMs)),
  };
}

export const lighthouseSection: BenchSection = {
  name: 'lighthouse',
  databases: ['sqlite', 'postgres'],
  async run(ctx: BenchContext) {
    buildClient();
    const big = await largestTerritory(ctx);
    const admin = await findUserByEmail(ctx.db, NATIONAL_SEED_ADMIN_EMAIL);
    if (!admin) throw new Error('The national seed created no admin');
    const session = await openSession(ctx.db, admin.id, new Date());
    const cookie = `${SESSION_COOKIE}=${session.token}`;
    const dashboard = `${ORIGIN}/territories/${big.id}`;
    console.log(`Territory dashboard: ${big.name} (#${big.id}, ${big.actions} actions)`);

    const server = await startJalon(ctx.database, PORT);
    const runs = Math.max(1, Math.min(MAX_RUNS, ctx.runs));
    const rows: GoalRow[] = [];
    try {
      for (const preset of ['desktop', 'mobile'] as const) {
        const signIn = await medianScore(runs, (i) =>
          audit(`${ORIGIN}/`, null, preset, join(ctx.dir, `lh-signin-${preset}-${i}.json`)),
        );
        const page = await medianScore(runs, (i) =>
          audit(dashboard, cookie, preset, join(ctx.dir, `lh-territory-${preset}-${i}.json`)),
        );
        console.log(
          `${preset}: dashboard ${page.performance} (TBT ${Math.round(page.tbtMs)} ms, LCP ${Math.round(page.lcpMs)} ms), ` +
            `sign-in ${signIn.performance} (TBT ${Math.round(signIn.tbtMs)} ms, LCP ${Math.round(signIn.lcpMs)} ms)`,
        );
        const goal = preset === 'desktop' ? 90 : 75;
        rows.push(
          {
            measure: `Lighthouse performance, territory dashboard (${preset})`,
            value: page.performance,
            unit: '/100',
            yardstick: 'sign-in page',
            yardstickValue: signIn.performance,
            ratio: page.performance / signIn.performance,
            goal: `≥ ${goal}`,
            met: page.performance >= goal,
          },
          {
            measure: `Total blocking time, territory dashboard (${preset})`,
            value: page.tbtMs,
            unit: 'ms',
            yardstick: 'sign-in page',
            yardstickValue: signIn.tbtMs,
            ratio: signIn.tbtMs > 0 ? page.tbtMs / signIn.tbtMs : null,
            goal: '< 300 ms',
            met: page.tbtMs < 300,
          },
          {
            measure: `Largest contentful paint, territory dashboard (${preset})`,
            value: page.lcpMs,
            unit: 'ms',
            yardstick: 'sign-in page',
            yardstickValue: signIn.lcpMs,
            ratio: page.lcpMs / signIn.lcpMs,
            goal: 'informative',
            met: null,
          },
        );
      }
    } finally {
      await stopServer(server);
    }
    return rows;
  },
};
