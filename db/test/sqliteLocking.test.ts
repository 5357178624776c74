import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDb } from '../src/connection';

// SQLite's own locking between processes sharing one file; PostgreSQL's server does this itself.

describe('transactions across processes', () => {
  it('wait for another process’s write lock instead of failing, even when they read first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jalon-lock-'));
    const file = join(dir, 'lock.sqlite');
    const db = openDb(file);
    await migrateToLatest(db);
    // Another process (a CLI command, say) holds the write lock for 400 ms, then commits a row.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = require('better-sqlite3')(process.argv[1]);
         db.exec("begin immediate; insert into regions (code, name) values ('11', 'Île-de-France')");
         console.log('locked');
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
         db.exec('commit');`,
        file,
      ],
      { cwd: join(import.meta.dirname, '..') },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', () => resolve());
      holder.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
    });
    // Reading then writing in one transaction: with a deferred BEGIN this fails with SQLITE_BUSY.
    const seen = await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('regions').select('code').execute();
      await trx.insertInto('regions').values({ code: '44', name: 'Grand Est' }).execute();
      return before.map((r) => r.code);
    });
    expect(seen).toEqual(['11']);
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
});
