import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import {
  NATIONAL_SEED_ADMIN_EMAIL,
  createDb,
  findUserByEmail,
  loadPrincipal,
  type DatabaseConfig,
  type Db,
} from '@jalon/db';
// The server package exposes only types to the client; the bench drives its real app directly.
import { createApp } from '../../../../server/src/http';
import { openSession, SESSION_COOKIE } from '../../../../server/src/auth/sessions';
import { createCallerFactory } from '../../../../server/src/trpc';
import { appRouter } from '../../../../server/src/routers/_app';
import { createInnerContext } from '../../../../server/src/context';
import { createLogger } from '../../../../server/src/logger';
import { measure, summarise, type TimingSummary } from '../measure';
import type { BenchContext, BenchSection, GoalRow } from '../goals';
import { largestTerritory } from './reads';
import { locationOf, startBenchServer, startJalon, stopServer } from '../server';
import { rawRunner, type Statement } from '../rawStatements';

// The territory overview over HTTP against the same statements run raw with better-sqlite3, and
// the app's throughput against a bare node:http server that runs those statements and returns
// the same JSON. The statements are captured through Kysely's query log while the real app
// answers one request, so the yardstick follows the app whatever queries it runs. Both servers
// run in child processes of their own (`pnpm start`'s server and bench/bareServer.ts), as a
// deployed server does; the bench process sends the requests.

const APP_PORT = 4520;

/**
 * Requests each child server answers before its HTTP timings: a freshly started server runs its
 * JavaScript in V8's unoptimised tiers for its first few hundred requests, where the bare server
 * has almost no JavaScript to warm up. A deployed server answers in steady state, so both are
 * timed there.
 */
const SERVER_WARMUP = 500;
const BARE_PORT = 4521;

const silent = createLogger('silent');

/** Runs `task` while collecting every statement the database is sent. */
async function captureStatements<T>(
  database: DatabaseConfig,
  task: (db: Db) => Promise<T>,
): Promise<{ result: T; statements: Statement[] }> {
  const statements: Statement[] = [];
  const db = createDb(database, {
    log: (event) => {
      if (event.level === 'query') {
        statements.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
      }
    },
  });
  try {
    return { result: await task(db), statements };
  } finally {
    await db.destroy();
  }
}

/** Processor time (user + system) a process has used so far, in ms (Linux). */
function cpuMsOf(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second); the name (field 2)
  // is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Processor time of the server `pid` per call of `task`, over enough calls to be measurable. */
async function serverCpuPerCall(pid: number, task: () => Promise<unknown>, calls: number) {
  const before = cpuMsOf(pid);
  for (let i = 0; i < calls; i++) await task();
  return (cpuMsOf(pid) - before) / calls;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** One GET on a keep-alive connection; resolves with the body once it has fully arrived. */
function get(agent: Agent, port: number, path: string, cookie: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === 200) resolve(body);
        else reject(new Error(`GET ${path}: ${res.statusCode} ${body.slice(0, 200)}`));
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function throughput(port: number, path: string, cookie: string, connections: number) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    headers: { cookie },
    connections,
    duration: 5,
    // The load runs in a worker thread, off the event loop of the servers measured.
    workers: 1,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`autocannon on ${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return result.requests.average;
}

function ratioRow(
  measure: string,
  value: TimingSummary,
  yardstick: string,
  base: TimingSummary,
  max: number,
): GoalRow {
  const ratio = value.median / base.median;
  return {
    measure: `${measure} (median ms)`,
    value: value.median,
    unit: 'ms',
    yardstick,
    yardstickValue: base.median,
    ratio,
    goal: `≤ ${max}× raw`,
    met: ratio <= max,
  };
}

export const overview: BenchSection = {
  name: 'overview',
  databases: ['sqlite', 'postgres'],
  async run(ctx: BenchContext) {
    const big = await largestTerritory(ctx);
    const admin = await findUserByEmail(ctx.db, NATIONAL_SEED_ADMIN_EMAIL);
    if (!admin) throw new Error('The national seed created no admin');
    // The child server reads the real clock; the statements are captured with it too.
    const now = () => new Date();
    const { token } = await openSession(ctx.db, admin.id, now());
    const cookie = `${SESSION_COOKIE}=${token}`;
    const path = `/trpc/dashboard.territoryOverview?input=${encodeURIComponent(
      JSON.stringify({ territoryId: big.id }),
    )}`;
    const options = { runs: ctx.runs, warmup: ctx.warmup };
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    console.log(`Territory #${big.id} (${big.name}, ${big.actions} actions)`);

    // What one signed-in request runs, captured from the real app.
    const captured = await captureStatements(ctx.database, async (db) => {
      const server = createServer(createApp({ db, log: silent, secureCookies: false, now }));
      const port = await listen(server);
      try {
        return await get(agent, port, path, cookie);
      } finally {
        await close(server);
      }
    });
    console.log(
      `One request runs ${captured.statements.length} statements and returns ` +
        `${captured.result.length.toLocaleString('en-GB')} bytes of JSON`,
    );
    const spec = join(ctx.dir, 'overview-statements.json');
    writeFileSync(
      spec,
      JSON.stringify({
        statements: captured.statements,
        body: JSON.parse(captured.result) as unknown,
      }),
    );

    const location = locationOf(ctx.database);
    const runRaw = rawRunner(location, captured.statements);
    const app = await startJalon(ctx.database, APP_PORT);
    const bare = await startBenchServer('./bareServer.ts', [location, spec, String(BARE_PORT)]);
    const rows: GoalRow[] = [];
    try {
      const raw = summarise(await measure('overview statements raw', runRaw.run, options));
      const httpOptions = { runs: ctx.runs, warmup: Math.max(ctx.warmup, SERVER_WARMUP) };
      const http = summarise(
        await measure('overview over HTTP', () => get(agent, APP_PORT, path, cookie), httpOptions),
      );
      rows.push(
        ratioRow(
          `dashboard.territoryOverview over HTTP (#${big.id})`,
          http,
          `its ${captured.statements.length} statements raw`,
          raw,
          1.5,
        ),
      );

      // The floor the ratio above can reach: the bare server answering the same request over the
      // same HTTP, with the same statements raw and the same JSON.
      const bareHttp = summarise(
        await measure(
          'overview from the bare server',
          () => get(agent, BARE_PORT, path, cookie),
          httpOptions,
        ),
      );
      rows.push({
        measure: 'bare node:http, same statements and JSON (median ms)',
        value: bareHttp.median,
        unit: 'ms',
        yardstick: 'its statements raw',
        yardstickValue: raw.median,
        ratio: bareHttp.median / raw.median,
        goal: 'informative',
        met: null,
      });

      // On a loaded machine the median of a request that waits on sockets pays the scheduler
      // (each wait lets other processes run) where a synchronous loop of statements does not;
      // the fastest runs show the work itself.
      rows.push({
        measure: `dashboard.territoryOverview over HTTP (#${big.id}) (min ms)`,
        value: http.min,
        unit: 'ms',
        yardstick: 'its statements raw, min',
        yardstickValue: raw.min,
        ratio: http.min / raw.min,
        goal: 'informative',
        met: null,
      });

      // Processor time is what the scheduler does not distort: the app's per request against
      // the bare server's, each read from its own process.
      const cpuCalls = Math.max(ctx.runs, 200);
      const appCpu = await serverCpuPerCall(
        app.pid ?? 0,
        () => get(agent, APP_PORT, path, cookie),
        cpuCalls,
      );
      const bareCpu = await serverCpuPerCall(
        bare.pid ?? 0,
        () => get(agent, BARE_PORT, path, cookie),
        cpuCalls,
      );
      rows.push({
        measure: `dashboard.territoryOverview, server CPU ms per request`,
        value: appCpu,
        unit: 'ms',
        yardstick: 'bare node:http, CPU ms',
        yardstickValue: bareCpu,
        ratio: appCpu / bareCpu,
        goal: 'informative',
        met: null,
      });

      const connections = 4;
      const bareRate = await throughput(BARE_PORT, path, cookie, connections);
      const appRate = await throughput(APP_PORT, path, cookie, connections);
      const share = appRate / bareRate;
      rows.push({
        measure: `overview throughput, ${connections} connections (req/s)`,
        value: appRate,
        unit: 'req/s',
        yardstick: 'bare node:http, same statements and JSON',
        yardstickValue: bareRate,
        ratio: share,
        goal: '≥ 0.70× bare',
        met: share >= 0.7,
      });

      // action.list filtered, through the real tRPC caller, against its own statements raw.
      const principal = await loadPrincipal(ctx.db, admin.id);
      if (!principal) throw new Error('The national admin has no principal');
      const callerOn = (db: typeof ctx.db) =>
        createCallerFactory(appRouter)(
          createInnerContext({ db, log: silent, user: principal, now }),
        );
      const listInput = { limit: 50, statuses: ['late', 'blocked'] as ('late' | 'blocked')[] };
      const listed = await captureStatements(ctx.database, (db) =>
        callerOn(db).action.list(listInput),
      );
      const caller = callerOn(ctx.db);
      const listRaw = rawRunner(location, listed.statements);
      const listRawTiming = summarise(await measure('action.list raw', listRaw.run, options));
      await listRaw.close();
      const listTiming = summarise(
        await measure('action.list', () => caller.action.list(listInput), options),
      );
      rows.push(
        ratioRow(
          'action.list (page 1, late+blocked, caller)',
          listTiming,
          `its ${listed.statements.length} statements raw`,
          listRawTiming,
          1.5,
        ),
      );
    } finally {
      agent.destroy();
      await Promise.all([stopServer(app), stopServer(bare)]);
      await runRaw.close();
    }
    return rows;
  },
};
