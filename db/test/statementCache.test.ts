import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cacheStatements, createTestDb, migrateToLatest, openDb } from '../src/connection';

describe('cacheStatements', () => {
  it('reuses the statement of the same SQL and keeps at most `size`, least recent dropped', () => {
    const raw = new SQLite(':memory:');
    const cached = cacheStatements(raw, 3);
    const a = cached.prepare('select 1 as n');
    expect(cached.prepare('select 1 as n')).toBe(a);
    const b = cached.prepare('select 2 as n');
    cached.prepare('select 3 as n');
    cached.prepare('select 1 as n'); // now the most recent: b is the least recently used
    cached.prepare('select 4 as n');
    expect(cached.cachedStatements).toBe(3);
    expect(cached.prepare('select 1 as n')).toBe(a);
    expect(cached.prepare('select 2 as n')).not.toBe(b);
    for (let i = 0; i < 50; i++) cached.prepare(`select ${i} as n`);
    expect(cached.cachedStatements).toBe(3);
    expect(cached.prepare('select 7 as n').all([])).toEqual([{ n: 7 }]);
    cached.close();
    expect(raw.open).toBe(false);
  });

  it('gives a fresh statement while the cached one is still iterating', () => {
    const raw = new SQLite(':memory:');
    const cached = cacheStatements(raw, 10);
    raw.exec('create table t (n integer); insert into t values (1), (2), (3)');
    const text = 'select n from t order by n';
    const rows = cached.prepare(text).iterate([]);
    expect(rows.next().value).toEqual({ n: 1 });
    // The same SQL while the first is half-read: better-sqlite3 would refuse the busy statement.
    expect(cached.prepare(text).all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
    cached.close();
  });

  it('reads the current schema after tables change under cached statements', async () => {
    const db = openDb(':memory:');
    await sql`create table probe (id integer primary key, label text)`.execute(db);
    await sql`insert into probe (id, label) values (1, 'one')`.execute(db);
    const read = () => sql<Record<string, unknown>>`select * from probe order by id`.execute(db);
    expect((await read()).rows).toEqual([{ id: 1, label: 'one' }]);

    await sql`alter table probe add column extra_note text default 'x'`.execute(db);
    expect((await read()).rows).toEqual([{ id: 1, label: 'one', extraNote: 'x' }]);

    await sql`drop table probe`.execute(db);
    await expect(read()).rejects.toThrow(/no such table/);
    await sql`create table probe (id integer primary key, other integer)`.execute(db);
    await sql`insert into probe (id, other) values (7, 42)`.execute(db);
    expect((await read()).rows).toEqual([{ id: 7, other: 42 }]);
    await db.destroy();
  });

  it('serves the app queries alike before and after the migrations ran on the same connection', async () => {
    const db = openDb(':memory:');
    // Before migrating, the table does not exist; the failed statement must not linger.
    await expect(db.selectFrom('regions').selectAll().execute()).rejects.toThrow(/no such table/);
    await migrateToLatest(db);
    await db.insertInto('regions').values({ code: 'R1', name: 'Région une' }).execute();
    expect(await db.selectFrom('regions').select(['code', 'name']).execute()).toEqual([
      { code: 'R1', name: 'Région une' },
    ]);
    await db.destroy();
    const fresh = await createTestDb();
    expect(await fresh.selectFrom('regions').select('code').execute()).toEqual([]);
    await fresh.destroy();
  });
});
