import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dialectOf,
  listActions,
  listMeasurements,
  openDb,
  openReadSnapshot,
  streamRowBatches,
  measurementExportQuery,
  type Db,
} from '@jalon/db';
import { VOCABULARY_LABELS } from '@jalon/shared';
import { createApp } from '../src/http';
import { csvSafeText, formatCsvNumber } from '../src/csv';
import { EXPORT_HEADERS } from '../src/exports/headers';
import { PLAN_TABLE_HEADERS } from '../src/exports/planTables';
import { buildWorld, type World } from './support/world';
import { actionRow } from './support/rows';
import { parseCsv, signInAs } from './support/http';

// The exports as they run in production: on a database file, or a PostgreSQL server, each
// download reading its rows through a cursor on a read-only connection of its own (an in-memory
// database has no file a second connection could open, so the other export tests on SQLite run
// the fallback path).

interface LogLine {
  msg: string;
  path?: string;
}

interface Served {
  world: World;
  base: string;
  logs: LogLine[];
  close: () => Promise<void>;
}

/**
 * The test world on a database other connections can open, served with its request log kept:
 * copied into a file on SQLite; on PostgreSQL, its server database as it is.
 */
async function serveFileWorld(): Promise<Served> {
  const built = await buildWorld();
  const dir = mkdtempSync(join(tmpdir(), 'jalon-exports-'));
  let world = built;
  if (dialectOf(built.db) === 'sqlite') {
    const file = join(dir, 'world.sqlite');
    await sql`vacuum into ${file}`.execute(built.db);
    await built.db.destroy();
    world = { ...built, db: openDb(file) };
  }
  const logs: LogLine[] = [];
  const log = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(JSON.parse(chunk.toString()) as LogLine);
        done();
      },
    }),
  );
  const app = createApp({
    db: world.db,
    log,
    secureCookies: false,
    now: () => new Date(`${world.today}T12:00:00.000Z`),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    world,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    logs,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await world.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let served: Served;
beforeEach(async () => {
  served = await serveFileWorld();
});
afterEach(async () => {
  await served.close();
});

const text = async (path: string, cookie: string) => {
  const res = await fetch(`${served.base}/api/export/${path}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return res.text();
};

// Titles a CSV writer can get wrong: separators, quotes, line breaks, formulas, accents.
const TRICKY = ['a;b', 'a,b', 'dit "oui"', 'ligne 1\nligne 2', '=1+1', '-3', 'Équipe', ''];

/** `count` measurements of the world's NL1 indicator, each with a comment of `commentLength`. */
async function addMeasurements(db: Db, indicatorId: number, count: number, commentLength = 8) {
  const rows = Array.from({ length: count }, (_, i) => ({
    createdAt: '2025-01-01T08:00:00.000Z',
    indicatorId,
    measuredOn: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    value: (i * 37) / 8,
    source: TRICKY[i % TRICKY.length] ?? '',
    comment: `${i}`.padEnd(commentLength, 'x'),
    recordedBy: null,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('measurements')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

describe.each(['excel-fr', 'rfc4180'] as const)('exports from a database file (%s)', (profile) => {
  const number = (value: number) => formatCsvNumber(value, profile);

  it('writes every action of action.list, row for row, across many cursor batches', async () => {
    const { world } = served;
    const stages = world.stages.NL1;
    const actions = Array.from({ length: 1_300 }, (_, i) =>
      actionRow({
        planId: world.plans.NL1,
        stageId: stages[i % stages.length] ?? 0,
        status: i % 3 === 0 ? 'in_progress' : 'not_started',
        title: `${TRICKY[i % TRICKY.length]} ${i}`,
        progress: i % 101,
        dueDate: i % 4 === 0 ? null : `2025-0${1 + (i % 9)}-15`,
      }),
    );
    for (let i = 0; i < actions.length; i += 400) {
      await world.db
        .insertInto('actions')
        .values(actions.slice(i, i + 400))
        .execute();
    }
    const cookie = await signInAs(served.base, 'admin');
    const rows = parseCsv(
      await text(`actions.csv?lang=fr&profile=${profile}&sort=title&direction=desc`, cookie),
      profile,
    );
    const expected = await listActions(
      world.db,
      { all: true },
      { includeArchived: false, sort: 'title', direction: 'desc', limit: 10_000, offset: 0 },
      world.today,
    );
    expect(expected.items.length).toBeGreaterThan(1_300);
    const h = EXPORT_HEADERS.fr.actions;
    const labels = VOCABULARY_LABELS.fr;
    expect(
      rows.map((r) => [r[h.planCode], r[h.title], r[h.status], r[h.progress], r[h.dueDate]]),
    ).toEqual(
      expected.items.map((a) => [
        a.planCode,
        csvSafeText(a.title),
        labels.actionStatus[a.status],
        number(a.progress),
        a.dueDate ?? '',
      ]),
    );
  });

  it('writes every measurement of an indicator, row for row, newest first', async () => {
    const { world } = served;
    await addMeasurements(world.db, world.indicators.NL1, 1_100);
    const cookie = await signInAs(served.base, 'admin');
    const rows = parseCsv(
      await text(
        `measurements.csv?indicatorId=${world.indicators.NL1}&lang=fr&profile=${profile}`,
        cookie,
      ),
      profile,
    );
    const expected = await listMeasurements(world.db, {
      indicatorId: world.indicators.NL1,
      limit: 10_000,
      offset: 0,
    });
    expect(expected.items.length).toBeGreaterThan(1_100);
    const h = PLAN_TABLE_HEADERS.fr.measurements;
    expect(rows.map((r) => [r[h.date], r[h.value], r[h.source], r[h.comment]])).toEqual(
      expected.items.map((m) => [
        m.measuredOn,
        number(m.value),
        csvSafeText(m.source),
        csvSafeText(m.comment),
      ]),
    );
  });
});

const measurementCount = async (world: World) =>
  (await listMeasurements(world.db, { indicatorId: world.indicators.NL1, limit: 1, offset: 0 }))
    .total;

describe('a download in progress', () => {
  /** Opens a download and resolves once its first chunk is in; the response is then paused. */
  function startDownload(path: string, cookie: string) {
    return new Promise<{ res: IncomingMessage; first: Buffer; abort: () => void }>(
      (resolve, reject) => {
        const req = request(`${served.base}/api/export/${path}`, { headers: { cookie } }, (res) => {
          expect(res.statusCode).toBe(200);
          res.once('data', (first: Buffer) => {
            res.pause();
            resolve({ res, first, abort: () => req.destroy() });
          });
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ECONNRESET') reject(error);
        });
        req.end();
      },
    );
  }

  const exportFinished = () =>
    served.logs.some((l) => l.msg === 'request' && l.path?.endsWith('measurements.csv'));

  it('does not hold up other requests while a slow client holds it open', async () => {
    const { world } = served;
    // About 16 MB: more than the sockets can hold, so the server must wait for the client.
    await addMeasurements(world.db, world.indicators.NL1, 8_000, 2_000);
    const cookie = await signInAs(served.base, 'admin');
    const download = await startDownload(
      `measurements.csv?indicatorId=${world.indicators.NL1}&profile=rfc4180`,
      cookie,
    );
    expect(download.first.length).toBeGreaterThan(0);

    const input = encodeURIComponent(JSON.stringify({ limit: 5 }));
    const other = await fetch(`${served.base}/trpc/action.list?input=${input}`, {
      headers: { cookie },
    });
    expect(other.status).toBe(200);
    // A write, too: the export's read snapshot does not lock the writers out.
    await world.db
      .updateTable('actions')
      .set({ progress: 42 })
      .where('id', '=', world.actions.NL1a)
      .execute();
    expect(exportFinished()).toBe(false);

    // The paused file then arrives whole, as it was when the download began.
    let body = download.first.toString();
    download.res.setEncoding('utf8');
    download.res.on('data', (chunk: string) => (body += chunk));
    const ended = new Promise((resolve) => download.res.on('end', resolve));
    download.res.resume();
    await ended;
    expect(parseCsv(body, 'rfc4180')).toHaveLength(await measurementCount(world));
  });

  it('leaves no cursor or read transaction open when the client goes away mid-file', async () => {
    const { world } = served;
    await addMeasurements(world.db, world.indicators.NL1, 8_000, 2_000);
    const cookie = await signInAs(served.base, 'admin');
    const download = await startDownload(
      `measurements.csv?indicatorId=${world.indicators.NL1}`,
      cookie,
    );
    download.abort();
    await vi.waitFor(() => expect(readTransactionClosed(world.db)).resolves.toBe(true));
    const again = parseCsv(
      await text(`measurements.csv?indicatorId=${world.indicators.NL1}`, cookie),
    );
    expect(again).toHaveLength(await measurementCount(world));
  });
});

/**
 * Whether no read transaction is left open on `db`. On SQLite, one left open would keep a
 * checkpoint from copying what was written after it began: write, then checkpoint (passive: it
 * never waits), and see whether every frame was copied. On PostgreSQL, the server lists every
 * other connection still inside a transaction (a cursor's included).
 */
async function readTransactionClosed(db: Db): Promise<boolean> {
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ open: number }>`
      select count(*) as open from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()
        and xact_start is not null
    `.execute(db);
    return rows[0]?.open === 0;
  }
  await db
    .updateTable('actions')
    .set((eb) => ({ progress: eb('progress', '+', 1) }))
    .where('id', '=', served.world.actions.NL1a)
    .execute();
  const { rows } = await sql<{
    log: number;
    checkpointed: number;
  }>`pragma wal_checkpoint(passive)`.execute(db);
  return rows[0]?.checkpointed === rows[0]?.log;
}

describe('streamRowBatches', () => {
  it('gives the rows Kysely would, camelCased, on a snapshot and on a plain database', async () => {
    const { world } = served;
    await addMeasurements(world.db, world.indicators.NL1, 700);
    const query = measurementExportQuery(world.db, world.indicators.NL1);
    const expected = await query.execute();
    const collect = async (db: Db) => {
      const rows: unknown[] = [];
      for await (const batch of streamRowBatches(
        db,
        measurementExportQuery(db, world.indicators.NL1),
      )) {
        expect(batch.length).toBeGreaterThan(0);
        rows.push(...batch);
      }
      return rows;
    };
    expect(await collect(world.db)).toEqual(expected);
    const snapshot = await openReadSnapshot(world.db);
    try {
      expect(await collect(snapshot.db)).toEqual(expected);
    } finally {
      await snapshot.close();
    }
  });
});
