import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../src/backup';
import { migrateToLatest, openDb } from '../src/connection';
import { migrationProvider } from '../src/migrations';
import { restoreDatabase } from '../src/restore';

let dir: string;
let source: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jalon-backup-'));
  source = join(dir, 'live.sqlite');
  const db = openDb(source);
  await migrateToLatest(db);
  await db.insertInto('regions').values({ code: '44', name: 'Grand Est' }).execute();
  await db.destroy();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function regionCodes(file: string): Promise<string[]> {
  const db = openDb(file);
  try {
    return (await db.selectFrom('regions').select('code').execute()).map((r) => r.code);
  } finally {
    await db.destroy();
  }
}

describe('backupDatabase', () => {
  it('writes a copy that only its owner can read: it holds password hashes', async () => {
    const target = join(dir, 'private.sqlite');
    await backupDatabase(source, target);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(await regionCodes(target)).toEqual(['44']);

    await backupDatabase(source, target, { overwrite: true });
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('leaves alone a file named like its work file, and leaves no work file behind', async () => {
    const target = join(dir, 'neighbour.sqlite');
    const neighbour = `${target}.partial`;
    writeFileSync(neighbour, 'not mine');
    await backupDatabase(source, target);
    expect(readFileSync(neighbour, 'utf8')).toBe('not mine');
    expect(await regionCodes(target)).toEqual(['44']);
    expect(
      readdirSync(dir)
        .filter((name) => name.includes('neighbour'))
        .sort(),
    ).toEqual(['neighbour.sqlite', 'neighbour.sqlite.partial']);
  });

  it('refuses an existing target unless asked to overwrite it', async () => {
    const target = join(dir, 'taken.sqlite');
    writeFileSync(target, 'taken');
    await expect(backupDatabase(source, target)).rejects.toThrow('already exists');
    expect(readFileSync(target, 'utf8')).toBe('taken');
  });
});

/**
 * A writer on its own thread, as the server would be: each transaction adds a region, three
 * territories in it and counts itself in app_settings. It reports its count after every batch
 * and stops when told, reporting its final count.
 */
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file, { timeout: 5000 });
db.pragma('foreign_keys = ON');
const region = db.prepare('insert into regions (code, name) values (?, ?)');
const territory = db.prepare(
  'insert into territories (region_id, code, name, phase, created_at) values (?, ?, ?, ?, ?)',
);
const counter = db.prepare(
  "insert into app_settings (key, value) values ('writes', ?) on conflict (key) do update set value = excluded.value",
);
const write = db.transaction((i) => {
  const { lastInsertRowid } = region.run('W' + i, 'Région ' + i);
  for (const k of [1, 2, 3]) territory.run(lastInsertRowid, 'W' + i + '-' + k, 'T', '1', '2025-01-01');
  counter.run(String(i + 1));
});
let committed = 0;
let stop = false;
parentPort.on('message', () => { stop = true; });
(function loop() {
  for (let k = 0; k < 5; k++) write(committed++);
  if (stop) {
    db.close();
    parentPort.postMessage({ done: committed });
  } else {
    parentPort.postMessage({ committed });
    setImmediate(loop);
  }
})();
`;

interface WriterReport {
  committed?: number;
  done?: number;
}

function startWriter(file: string) {
  const worker = new Worker(WRITER, {
    eval: true,
    workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
  });
  const next = (wanted: (report: WriterReport) => boolean) =>
    new Promise<WriterReport>((resolve, reject) => {
      const onMessage = (report: WriterReport) => {
        if (!wanted(report)) return;
        worker.off('message', onMessage);
        resolve(report);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  return {
    /** Resolves once the writer has committed at least `count` transactions. */
    committed: async (count: number) =>
      (await next((r) => (r.committed ?? 0) >= count)).committed ?? 0,
    stop: async () => {
      const done = next((r) => r.done !== undefined);
      worker.postMessage('stop');
      const { done: count } = await done;
      await worker.terminate();
      return count ?? 0;
    },
  };
}

function sqliteRows(file: string, query: string): unknown[] {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare(query).all();
  } finally {
    sqlite.close();
  }
}

const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('a backup taken under writes', () => {
  it('restores to a consistent database: whole transactions, references intact', async () => {
    const live = join(dir, 'busy.sqlite');
    const db = openDb(live);
    await migrateToLatest(db);
    // Several megabytes, so that the copy is more than a moment's work.
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 40; i++) {
        await trx
          .insertInto('regions')
          .values(
            Array.from({ length: 50 }, (_, k) => ({
              code: `P${i}-${k}`,
              name: 'x'.repeat(2000),
            })),
          )
          .execute();
      }
    });
    await db.destroy();

    const writer = startWriter(live);
    const before = await writer.committed(20);
    const backup = join(dir, 'busy-backup.sqlite');
    await backupDatabase(live, backup);
    const after = await writer.stop();
    expect(after).toBeGreaterThan(before);

    const target = join(dir, 'busy-restored.sqlite');
    const result = await restoreDatabase(backup, target);
    expect(result).toMatchObject({ replaced: false, migrated: [] });

    expect(sqliteRows(target, 'pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(sqliteRows(target, 'pragma foreign_key_check')).toEqual([]);
    const [counts] = sqliteRows(
      target,
      `select
         (select count(*) from regions where code like 'W%') as regions,
         (select count(*) from territories) as territories,
         (select value from app_settings where key = 'writes') as counter`,
    ) as { regions: number; territories: number; counter: string }[];
    // The copy holds a whole number of the writer's transactions, from a moment of the backup.
    expect(counts?.regions).toBeGreaterThanOrEqual(before);
    expect(counts?.regions).toBeLessThanOrEqual(after);
    expect(counts?.territories).toBe(3 * (counts?.regions ?? -1));
    expect(counts?.counter).toBe(String(counts?.regions));
  });
});

describe('restoreDatabase', () => {
  let backup: string;
  beforeAll(async () => {
    backup = join(dir, 'good-backup.sqlite');
    await backupDatabase(source, backup);
  });

  it('restores into a new file and the server can open it', async () => {
    const target = join(dir, 'new', 'restored.sqlite');
    const result = await restoreDatabase(backup, target);
    expect(result).toMatchObject({ replaced: false, migrated: [] });
    expect(await regionCodes(target)).toEqual(['44']);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'new'))).toEqual(['restored.sqlite']);
  });

  it('refuses to replace a database unless told, and replaces it when told', async () => {
    const target = join(dir, 'occupied.sqlite');
    const db = openDb(target);
    await migrateToLatest(db);
    await db.insertInto('regions').values({ code: '11', name: 'Île-de-France' }).execute();
    await db.destroy();
    const before = fileHash(target);

    await expect(restoreDatabase(backup, target)).rejects.toThrow(/already holds a database/);
    expect(fileHash(target)).toBe(before);

    const result = await restoreDatabase(backup, target, { overwrite: true });
    expect(result.replaced).toBe(true);
    expect(await regionCodes(target)).toEqual(['44']);
  });

  it('refuses a database that a connection (a running server) holds open', async () => {
    const target = join(dir, 'in-use.sqlite');
    const server = openDb(target);
    try {
      await migrateToLatest(server);
      await server.insertInto('regions').values({ code: '11', name: 'Île-de-France' }).execute();
      await expect(restoreDatabase(backup, target, { overwrite: true })).rejects.toThrow(/in use/);
      const codes = await server.selectFrom('regions').select('code').execute();
      expect(codes).toEqual([{ code: '11' }]);
    } finally {
      await server.destroy();
    }
  });

  it('migrates a backup from an older schema', async () => {
    const old = join(dir, 'old-schema.sqlite');
    const db = openDb(old);
    const migrator = new Migrator({ db, provider: migrationProvider });
    const names = Object.keys(await migrationProvider.getMigrations()).sort();
    const { error } = await migrator.migrateTo(names[0] ?? '');
    expect(error).toBeUndefined();
    await db.destroy();

    const target = join(dir, 'from-old.sqlite');
    const result = await restoreDatabase(old, target);
    expect(result.backupSchema).toBe(names[0]);
    expect(result.migrated).toEqual(names.slice(1));
    expect(sqliteRows(target, 'select name from kysely_migration order by name')).toEqual(
      names.map((name) => ({ name })),
    );
  });

  describe('refuses, leaving the target as it was', () => {
    let target: string;
    let before: string;
    beforeAll(async () => {
      target = join(dir, 'kept.sqlite');
      await backupDatabase(source, target);
      before = fileHash(target);
    });

    async function expectRefused(file: string, message: RegExp): Promise<void> {
      await expect(restoreDatabase(file, target, { overwrite: true })).rejects.toThrow(message);
      expect(fileHash(target)).toBe(before);
      expect(readdirSync(dir).filter((name) => name.includes('.restoring'))).toEqual([]);
    }

    it('a missing file', async () => {
      await expectRefused(join(dir, 'nowhere.sqlite'), /No backup file at/);
    });

    it('a file that is not SQLite, empty or not', async () => {
      const text = join(dir, 'notes.txt');
      writeFileSync(text, 'Compte rendu du COPIL\n');
      await expectRefused(text, /not a SQLite database/);
      const empty = join(dir, 'empty.sqlite');
      writeFileSync(empty, '');
      await expectRefused(empty, /not a SQLite database/);
    });

    it('a corrupt file', async () => {
      const corrupt = join(dir, 'corrupt.sqlite');
      const bytes = readFileSync(backup);
      // Page 1 (the header and schema) kept, every other page overwritten.
      bytes.fill(0xa5, 4096);
      writeFileSync(corrupt, bytes);
      await expectRefused(corrupt, /is corrupt/);
    });

    it('a SQLite database that is not Jalon’s', async () => {
      const other = join(dir, 'other.sqlite');
      const sqlite = new SQLite(other);
      sqlite.exec('create table notes (id integer primary key, body text)');
      sqlite.close();
      await expectRefused(other, /not a Jalon database/);
    });

    it('a backup from a newer version of Jalon', async () => {
      const newer = join(dir, 'newer.sqlite');
      await backupDatabase(source, newer);
      const sqlite = new SQLite(newer);
      sqlite
        .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
        .run('2099-01-01-0001-future', '2099-01-01T00:00:00.000Z');
      sqlite.close();
      await expectRefused(newer, /newer version of Jalon/);
    });
  });
});
