import { readFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import SQLite from 'better-sqlite3';
import { sql, type Compilable } from 'kysely';
import {
  NATIONAL_SEED_ADMIN_EMAIL,
  actionExportQuery,
  findUserByEmail,
  measurementExportQuery,
  openDb,
  planExportQuery,
} from '@jalon/db';
// The server package exposes only types to the client; the bench drives its real code directly.
import { openSession, SESSION_COOKIE } from '../../../../server/src/auth/sessions';
import { runCli } from '../../../../server/src/cli/program';
import type { BenchContext, BenchSection, GoalRow } from '../goals';
import { startJalon, stopServer } from '../server';

// CSV exports (issue 10): the real server (`server/src/main.ts`) in a child process on a copy of
// the national database in which one indicator holds every measurement of the nation (205,091
// rows) and another a million, so that the RSS measured is the server's alone. Each download is
// compared with the same SQL read raw with better-sqlite3 (iterate, no CSV) in the same run.

const PORT = 4510;
const MILLION = 1_000_000;

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
 * A copy of the national database where indicator `national` holds a copy of every measurement
 * and indicator `million` one million, plus a session for the national admin.
 */
async function buildExportDatabase(ctx: BenchContext) {
  const file = join(ctx.dir, 'exports.sqlite');
  await sql`pragma wal_checkpoint(truncate)`.execute(ctx.db);
  await sql`vacuum into ${file}`.execute(ctx.db);
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  const [national, million] = raw
    .prepare('select id from indicators order by id limit 2')
    .all()
    .map((r) => (r as { id: number }).id);
  if (national === undefined || million === undefined) throw new Error('No indicators seeded');
  const copy = raw.prepare(
    `insert into measurements (indicator_id, measured_on, value, source, comment, recorded_by, created_at)
     select ?, measured_on, value, source, comment, recorded_by, created_at from measurements
     where indicator_id <> ? order by id limit ?`,
  );
  raw.transaction(() => {
    raw.prepare('delete from measurements where indicator_id in (?, ?)').run(national, million);
    copy.run(national, million, MILLION);
    let held = 0;
    while (held < MILLION) held += copy.run(million, million, MILLION - held).changes;
  })();
  raw.close();
  const db = openDb(file);
  const admin = await findUserByEmail(db, NATIONAL_SEED_ADMIN_EMAIL);
  if (!admin) throw new Error('The national seed created no admin');
  const { token } = await openSession(db, admin.id, new Date());
  return { file, db, national, million, cookie: `${SESSION_COOKIE}=${token}` };
}

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

/**
 * The same SQL as the export, read raw with better-sqlite3 (iterate, no CSV): rows and the median
 * ms of `runs` reads after a warm-up one, as the downloads are measured.
 */
function rawRead(file: string, query: Compilable<unknown>, runs: number) {
  const raw = new SQLite(file, { readonly: true });
  try {
    const { sql: text, parameters } = query.compile();
    const statement = raw.prepare(text);
    const times: number[] = [];
    let rows = 0;
    for (let run = 0; run <= runs; run++) {
      const started = performance.now();
      rows = 0;
      for (const _row of statement.iterate(...parameters)) rows++;
      if (run > 0) times.push(performance.now() - started);
    }
    return { rows, ms: median(times) };
  } finally {
    raw.close();
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
  raw: { rows: number; ms: number },
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
    yardstick: 'same SQL raw (better-sqlite3 iterate)',
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

export const exportsSection: BenchSection = {
  name: 'exports',
  async run(ctx) {
    const big = await buildExportDatabase(ctx);
    const admin = { all: true } as const;
    const measurements = (id: number) => measurementExportQuery(big.db, id);
    const actions = actionExportQuery(
      big.db,
      admin,
      { includeArchived: false, sort: 'dueDate', direction: 'asc' },
      ctx.today,
    );
    const plans = planExportQuery(big.db, { today: ctx.today });
    await big.db.destroy();
    const runs = Math.max(1, Math.min(ctx.runs, 5));
    const server = await startJalon(big.file, PORT);
    const pid = server.pid ?? 0;
    const rows: GoalRow[] = [];
    try {
      const nationalPath = `export/measurements.csv?indicatorId=${big.national}&lang=fr`;
      const rawNational = rawRead(big.file, measurements(big.national), runs);
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
      const rawMillion = rawRead(big.file, measurements(big.million), 1);
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

      const rawActions = rawRead(big.file, actions, runs);
      const a = await medianOf(runs, () =>
        download('export/actions.csv?lang=fr', big.cookie, 'gzip'),
      );
      rows.push(throughputRow('actions.csv national over HTTP', a, rawActions, { maxTimesRaw: 2 }));
    } finally {
      await stopServer(server);
    }

    const rawPlans = rawRead(big.file, plans, runs);
    const cli = await medianOf(runs, async () => {
      let lines = 0;
      const out = new Writable({
        write(chunk: Buffer, _enc, done) {
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
          done();
        },
      });
      const started = performance.now();
      const code = await runCli(['node', 'jalon', '--db', big.file, 'export', 'plans'], {
        out,
        err: process.stderr,
      });
      if (code !== 0) throw new Error(`jalon export plans: exit ${code}`);
      return {
        rows: lines - 1,
        bytes: 0,
        firstByteMs: 0,
        totalMs: performance.now() - started,
        encoding: 'stdout',
      };
    });
    rows.push(throughputRow('jalon export plans (in process)', cli, rawPlans, { maxTimesRaw: 2 }));
    return rows;
  },
};
