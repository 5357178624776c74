import { readFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import SQLite from 'better-sqlite3';
import { sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import {
  NATIONAL_SEED_ADMIN_EMAIL,
  actionExportQuery,
  backupPostgres,
  createDb,
  findUserByEmail,
  inTransaction,
  measurementExportQuery,
  onDatabase,
  planExportQuery,
  refreshStatistics,
  restorePostgres,
  type DatabaseConfig,
  type Db,
} from '@jalon/db';
// The server package exposes only types to the client; the bench drives its real code directly.
import { openSession, SESSION_COOKIE } from '../../../../server/src/auth/sessions';
import { runCli } from '../../../../server/src/cli/program';
import type { BenchContext, BenchSection, GoalRow } from '../goals';
import { locationOf, startJalon, stopServer } from '../server';

// CSV exports (issue 10): the real server (`server/src/main.ts`) in a child process on a copy of
// the national database in which one indicator holds every measurement of the nation (205,091
// rows) and another a million, so that the RSS measured is the server's alone. Each download is
// compared with the same SQL read raw by the database's own driver (better-sqlite3's iterate;
// on PostgreSQL pg through pg-cursor, in batches), no CSV, in the same run.

const PORT = 4510;
const MILLION = 1_000_000;

async function withDb<T>(database: DatabaseConfig, work: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(database);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/**
 * Copies of the national database, one per name, for the sections that change what they read:
 * on SQLite `<name>.sqlite` files in the run's folder; on PostgreSQL databases `jalon_<name>` on
 * the same server, restored from one pg_dump archive of it (`create database … template` refuses
 * a template anyone is connected to, and `ctx.db` keeps its connections).
 */
async function copyNational(ctx: BenchContext, names: readonly string[]) {
  const copies: DatabaseConfig[] = [];
  if (ctx.database.kind === 'sqlite') {
    await sql`pragma wal_checkpoint(truncate)`.execute(ctx.db);
    for (const name of names) {
      const file = join(ctx.dir, `${name}.sqlite`);
      await sql`vacuum into ${file}`.execute(ctx.db);
      copies.push({ kind: 'sqlite', file });
    }
    return copies;
  }
  const archive = join(ctx.dir, 'national.dump');
  await backupPostgres(ctx.database.url, archive, { overwrite: true });
  for (const name of names) {
    const copy = { kind: 'postgres', url: onDatabase(ctx.database.url, `jalon_${name}`) } as const;
    await restorePostgres(archive, copy.url);
    copies.push(copy);
  }
  return copies;
}

/** Removes the copies of `copyNational` (SQLite files go with the run's folder). */
async function dropCopies(ctx: BenchContext, names: readonly string[]): Promise<void> {
  if (ctx.database.kind === 'sqlite') return;
  const maintenance = { kind: 'postgres', url: onDatabase(ctx.database.url, 'postgres') } as const;
  await withDb(maintenance, async (db) => {
    for (const name of names) {
      await sql`drop database if exists ${sql.id(`jalon_${name}`)}`.execute(db);
    }
  });
}

/**
 * Runs `work` on copies of the national database named `names` (see `copyNational`), removed
 * afterwards; every connection to them must be closed by then.
 */
export async function withCopies<const N extends readonly string[], T>(
  ctx: BenchContext,
  names: N,
  work: (copies: { [K in keyof N]: DatabaseConfig }) => Promise<T>,
): Promise<T> {
  try {
    const copies = await copyNational(ctx, names);
    return await work(copies as { [K in keyof N]: DatabaseConfig });
  } finally {
    await dropCopies(ctx, names);
  }
}

/** Resident memory of a process, in MB (Linux). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return Number(kb ?? Number.NaN) / 1024;
}

/** The highest RSS of `pid` while `task` runs, sampled every 10 ms. */
async function peakRss<T>(
  pid: number,
  task: () => Promise<T>,
): Promise<{ peak: number; result: T }> {
  let peak = rssOf(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 10);
  try {
    const result = await task();
    return { peak: Math.max(peak, rssOf(pid)), result };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Empties indicators `national` and `million`, then fills `national` with a copy of every other
 * measurement and `million` with copies of them up to a million rows, in one transaction.
 */
async function fillIndicators(db: Db, national: number, million: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('measurements').where('indicatorId', 'in', [national, million]).execute();
    // The cast: PostgreSQL would type a bare parameter in a select list as text.
    const copy = async (into: number, limit: number) => {
      const { numAffectedRows } = await sql`
        insert into measurements (indicator_id, measured_on, value, source, comment, recorded_by, created_at)
        select cast(${into} as integer), measured_on, value, source, comment, recorded_by, created_at
        from measurements where indicator_id <> ${million} order by id limit ${limit}
      `.execute(trx);
      return Number(numAffectedRows ?? 0);
    };
    await copy(national, MILLION);
    let held = 0;
    while (held < MILLION) held += await copy(million, MILLION - held);
  });
}

/**
 * A copy of the national database where indicator `national` holds a copy of every measurement
 * and indicator `million` one million, a session for the national admin, and the statements of
 * the exports, compiled for the raw reads.
 */
async function buildExportDatabase(ctx: BenchContext, database: DatabaseConfig) {
  return withDb(database, async (db) => {
    const [national, million] = (
      await db.selectFrom('indicators').select('id').orderBy('id').limit(2).execute()
    ).map((r) => r.id);
    if (national === undefined || million === undefined) throw new Error('No indicators seeded');
    await fillIndicators(db, national, million);
    await refreshStatistics(db);
    const admin = await findUserByEmail(db, NATIONAL_SEED_ADMIN_EMAIL);
    if (!admin) throw new Error('The national seed created no admin');
    const { token } = await openSession(db, admin.id, new Date());
    const queries = {
      national: measurementExportQuery(db, national).compile(),
      million: measurementExportQuery(db, million).compile(),
      actions: actionExportQuery(
        db,
        { all: true },
        { includeArchived: false, sort: 'dueDate', direction: 'asc' },
        ctx.today,
      ).compile(),
      plans: planExportQuery(db, { today: ctx.today }).compile(),
    };
    return { database, national, million, cookie: `${SESSION_COOKIE}=${token}`, queries };
  });
}

type ExportDatabase = Awaited<ReturnType<typeof buildExportDatabase>>;

interface Download {
  rows: number;
  /** Bytes on the wire (compressed when gzip). */
  bytes: number;
  firstByteMs: number;
  totalMs: number;
  encoding: string;
}

/**
 * Downloads `/api/<path>` as a browser does (`gzip` accepted, body inflated) or as a plain
 * client (`identity`), counting the data rows. `onChunk` may pause the response (a slow client).
 */
function download(
  path: string,
  cookie: string,
  encoding: 'gzip' | 'identity',
  onChunk?: (chunk: Buffer, response: IncomingMessage) => void,
): Promise<Download> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByteMs = Number.NaN;
    let bytes = 0;
    let lines = 0;
    const req = request(
      {
        host: '127.0.0.1',
        port: PORT,
        path: `/api/${path}`,
        headers: { cookie, 'accept-encoding': encoding },
        // A fresh connection each time: no race with the server closing an idle kept-alive one.
        agent: false,
      },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`GET ${path}: ${res.statusCode}`));
          res.resume();
          return;
        }
        const counter = new Writable({
          write(chunk: Buffer, _enc, done) {
            for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
            done();
          },
        });
        res.on('data', (chunk: Buffer) => {
          if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
          bytes += chunk.length;
          onChunk?.(chunk, res);
        });
        const body = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
        body.pipe(counter);
        counter.on('finish', () =>
          resolve({
            rows: lines - 1,
            bytes,
            firstByteMs,
            totalMs: performance.now() - started,
            encoding: res.headers['content-encoding'] ?? 'identity',
          }),
        );
        body.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

/** Reads every row of one compiled query, raw, and counts them. */
interface RawReader {
  read: () => Promise<number>;
  close: () => Promise<void>;
}

function sqliteReader(file: string, query: CompiledQuery): RawReader {
  const raw = new SQLite(file, { readonly: true });
  const statement = raw.prepare(query.sql);
  return {
    read: () => {
      let rows = 0;
      for (const _row of statement.iterate(...query.parameters)) rows++;
      return Promise.resolve(rows);
    },
    close: () => {
      raw.close();
      return Promise.resolve();
    },
  };
}

/** A pg-cursor cursor: `client.query(cursor)` runs it, `read(n)` fetches the next n rows. */
interface RowCursor extends pg.Submittable {
  read: (rows: number) => Promise<unknown[]>;
  close: () => Promise<void>;
}

// The tests package does not depend on pg-cursor: @jalon/db does, and the app's exports read
// through it (Kysely's stream), so the yardstick loads that same module from there.
const Cursor = createRequire(new URL('../../../../db/package.json', import.meta.url))(
  'pg-cursor',
) as new (text: string, values: unknown[]) => RowCursor;

/** Rows per read of the raw cursor on PostgreSQL: one round trip per batch, not per row. */
const CURSOR_BATCH = 1000;

async function postgresReader(url: string, query: CompiledQuery): Promise<RawReader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    read: async () => {
      const cursor = client.query(new Cursor(query.sql, [...query.parameters]));
      let rows = 0;
      let batch = await cursor.read(CURSOR_BATCH);
      while (batch.length > 0) {
        rows += batch.length;
        batch = await cursor.read(CURSOR_BATCH);
      }
      await cursor.close();
      return rows;
    },
    close: () => client.end(),
  };
}

const RAW_READ = {
  sqlite: 'same SQL raw (better-sqlite3 iterate)',
  postgres: 'same SQL raw (pg cursor)',
} as const;

interface RawRead {
  rows: number;
  ms: number;
  /** How it was read, the table's yardstick. */
  yardstick: string;
}

/**
 * The same SQL as the export, read raw by the database's driver (no CSV): rows and the median ms
 * of `runs` reads after a warm-up one, as the downloads are measured.
 */
async function rawRead(
  database: DatabaseConfig,
  query: CompiledQuery,
  runs: number,
): Promise<RawRead> {
  const reader =
    database.kind === 'sqlite'
      ? sqliteReader(database.file, query)
      : await postgresReader(database.url, query);
  try {
    const times: number[] = [];
    let rows = 0;
    for (let run = 0; run <= runs; run++) {
      const started = performance.now();
      rows = await reader.read();
      if (run > 0) times.push(performance.now() - started);
    }
    return { rows, ms: median(times), yardstick: RAW_READ[database.kind] };
  } finally {
    await reader.close();
  }
}

/** Runs `task` `runs` times (after one warm-up) and keeps the median run by `totalMs`. */
async function medianOf<T extends { totalMs: number }>(runs: number, task: () => Promise<T>) {
  await task();
  const results: T[] = [];
  for (let i = 0; i < runs; i++) results.push(await task());
  const ms = median(results.map((r) => r.totalMs));
  const found = results.find((r) => r.totalMs === ms);
  if (!found) throw new Error('No run measured');
  return found;
}

const rowsPerSecond = (rows: number, ms: number) => (rows / ms) * 1000;

function throughputRow(
  measure: string,
  download: Download,
  raw: RawRead,
  goal?: { minRowsPerSecond?: number; maxTimesRaw: number },
): GoalRow {
  const value = rowsPerSecond(download.rows, download.totalMs);
  const yardstickValue = rowsPerSecond(raw.rows, raw.ms);
  const met = goal
    ? value >= (goal.minRowsPerSecond ?? 0) && download.totalMs <= goal.maxTimesRaw * raw.ms
    : null;
  const floor = goal?.minRowsPerSecond;
  if (download.rows !== raw.rows) {
    throw new Error(`${measure}: ${download.rows} rows in the file, ${raw.rows} in the query`);
  }
  return {
    measure: `${measure}, ${download.rows.toLocaleString('en-GB')} rows (${download.encoding})`,
    value,
    unit: 'rows/s',
    yardstick: raw.yardstick,
    yardstickValue,
    // As the goal reads: the export's time as a multiple of the raw read's.
    ratio: download.totalMs / raw.ms,
    goal: goal
      ? `${floor ? `≥ ${floor.toLocaleString('en-GB')} rows/s and ` : ''}≤ ${goal.maxTimesRaw}× raw time`
      : 'informative',
    met,
  };
}

/**
 * A slow client: reads `path` 16 kB at a time, pausing 50 ms between reads, for `ms`, then
 * drops the connection. Returns what it read and the server's RSS growth meanwhile.
 */
async function slowRead(path: string, cookie: string, pid: number, ms: number) {
  const before = rssOf(pid);
  let received = 0;
  const { peak } = await peakRss(
    pid,
    () =>
      new Promise<void>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: PORT,
            path: `/api/${path}`,
            headers: { cookie },
            agent: false,
          },
          (res) => {
            res.pause();
            const timer = setInterval(() => {
              const chunk = res.read(16_384) as Buffer | null;
              if (chunk) received += chunk.length;
            }, 50);
            setTimeout(() => {
              clearInterval(timer);
              req.destroy();
              resolve();
            }, ms);
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ECONNRESET') reject(error);
        });
        req.end();
      }),
  );
  return { received, growth: peak - before };
}

/** The downloads over HTTP from the real server, each against its raw read. */
async function overHttp(big: ExportDatabase, runs: number): Promise<GoalRow[]> {
  const server = await startJalon(big.database, PORT);
  const pid = server.pid ?? 0;
  const rows: GoalRow[] = [];
  try {
    const nationalPath = `export/measurements.csv?indicatorId=${big.national}&lang=fr`;
    const rawNational = await rawRead(big.database, big.queries.national, runs);
    for (const encoding of ['gzip', 'identity'] as const) {
      const d = await medianOf(runs, () => download(nationalPath, big.cookie, encoding));
      console.log(
        `measurements.csv national, ${encoding}: ${d.rows} rows, ${(d.bytes / 1e6).toFixed(1)} MB on the wire, ` +
          `${d.totalMs.toFixed(0)} ms (raw ${rawNational.ms.toFixed(0)} ms), first byte ${d.firstByteMs.toFixed(0)} ms`,
      );
      rows.push(
        throughputRow('measurements.csv national over HTTP', d, rawNational, {
          minRowsPerSecond: 100_000,
          maxTimesRaw: 2,
        }),
      );
      if (encoding === 'gzip') {
        rows.push({
          measure: 'measurements.csv national, first byte (gzip)',
          value: d.firstByteMs,
          unit: 'ms',
          yardstick: 'whole file',
          yardstickValue: d.totalMs,
          ratio: d.firstByteMs / d.totalMs,
          goal: '< 300 ms',
          met: d.firstByteMs < 300,
        });
      }
    }

    const millionPath = `export/measurements.csv?indicatorId=${big.million}&lang=fr`;
    const rawMillion = await rawRead(big.database, big.queries.million, 1);
    const before = rssOf(pid);
    const { peak, result } = await peakRss(pid, () => download(millionPath, big.cookie, 'gzip'));
    console.log(
      `measurements.csv, 1M rows: ${result.totalMs.toFixed(0)} ms, server RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MB`,
    );
    rows.push(
      throughputRow('measurements.csv 1M rows over HTTP', result, rawMillion, {
        minRowsPerSecond: 100_000,
        maxTimesRaw: 2,
      }),
      {
        measure: 'server RSS growth exporting 1M rows (gzip)',
        value: peak - before,
        unit: 'MB',
        yardstick: 'MB on the wire (gzip)',
        yardstickValue: result.bytes / 1e6,
        ratio: null,
        goal: '< 50 MB',
        met: peak - before < 50,
      },
    );

    const slow = await slowRead(millionPath, big.cookie, pid, 3_000);
    // The next download proves the server let go of the abandoned one.
    console.log(
      `slow client, 1M rows: ${(slow.received / 1e6).toFixed(2)} MB read in 3 s, server RSS growth ${slow.growth.toFixed(1)} MB`,
    );
    rows.push({
      measure: 'slow client (16 kB / 50 ms, 3 s, then gone) on the 1M-row file: RSS growth',
      value: slow.growth,
      unit: 'MB',
      yardstick: 'MB the client read (the file: ~58 MB)',
      yardstickValue: slow.received / 1e6,
      ratio: null,
      goal: '< 50 MB (no whole-file buffer)',
      met: slow.growth < 50,
    });

    const rawActions = await rawRead(big.database, big.queries.actions, runs);
    const a = await medianOf(runs, () =>
      download('export/actions.csv?lang=fr', big.cookie, 'gzip'),
    );
    rows.push(throughputRow('actions.csv national over HTTP', a, rawActions, { maxTimesRaw: 2 }));
  } finally {
    await stopServer(server);
  }
  return rows;
}

/** `jalon export plans` run in process, against its raw read. */
async function cliRow(big: ExportDatabase, runs: number): Promise<GoalRow> {
  const rawPlans = await rawRead(big.database, big.queries.plans, runs);
  const cli = await medianOf(runs, async () => {
    let lines = 0;
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        done();
      },
    });
    const started = performance.now();
    const code = await runCli(
      ['node', 'jalon', '--db', locationOf(big.database), 'export', 'plans'],
      {
        out,
        err: process.stderr,
      },
    );
    if (code !== 0) throw new Error(`jalon export plans: exit ${code}`);
    return {
      rows: lines - 1,
      bytes: 0,
      firstByteMs: 0,
      totalMs: performance.now() - started,
      encoding: 'stdout',
    };
  });
  return throughputRow('jalon export plans (in process)', cli, rawPlans, { maxTimesRaw: 2 });
}

export const exportsSection: BenchSection = {
  name: 'exports',
  databases: ['sqlite', 'postgres'],
  run(ctx) {
    return withCopies(ctx, ['exports'], async ([database]) => {
      const big = await buildExportDatabase(ctx, database);
      const runs = Math.max(1, Math.min(ctx.runs, 5));
      return [...(await overHttp(big, runs)), await cliRow(big, runs)];
    });
  },
};
