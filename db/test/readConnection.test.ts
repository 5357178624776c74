import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, migrateToLatest, openDb, type Db } from '../src/connection';
import { openReadSnapshot, readFromSnapshot, streamRowBatches } from '../src/readConnection';
import { seedDemo } from '../src/seed/demo';

const TODAY = '2026-03-16';

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jalon-read-'));
  db = openDb(join(dir, 'jalon.sqlite'));
  await migrateToLatest(db);
  await seedDemo(db, { passwordHash: 'unused', today: TODAY });
});
afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const actionTitles = (from: Db) =>
  from.selectFrom('actions').select(['id', 'title']).orderBy('id').execute();

describe('openReadSnapshot', () => {
  it('reads the file as it was when the snapshot began, while the app writes', async () => {
    const before = await actionTitles(db);
    const snapshot = await openReadSnapshot(db);
    try {
      expect(snapshot.db).not.toBe(db);
      expect(await actionTitles(snapshot.db)).toEqual(before);
      await db.updateTable('actions').set({ title: 'Renamed meanwhile' }).execute();
      expect(await actionTitles(snapshot.db)).toEqual(before);
      await expect(
        snapshot.db.updateTable('actions').set({ title: 'From the snapshot' }).execute(),
      ).rejects.toThrow(/readonly/i);
    } finally {
      await snapshot.close();
    }
    expect((await actionTitles(db)).every((a) => a.title === 'Renamed meanwhile')).toBe(true);
  });

  it('is the database itself for an in-memory database, which no other connection can open', async () => {
    const memory = await createTestDb();
    try {
      const snapshot = await openReadSnapshot(memory);
      expect(snapshot.db).toBe(memory);
      await snapshot.close();
      expect(await actionTitles(memory)).toEqual([]);
    } finally {
      await memory.destroy();
    }
  });
});

describe('readFromSnapshot and streamRowBatches', () => {
  it('give every row of the query, in order and in batches, and close the snapshot after', async () => {
    const expected = await actionTitles(db);
    const rows: { id: number; title: string }[] = [];
    const batches = readFromSnapshot(db, (snapshot) =>
      streamRowBatches(
        snapshot,
        snapshot.selectFrom('actions').select(['id', 'title']).orderBy('id'),
      ),
    );
    for await (const batch of batches) rows.push(...batch);
    expect(rows).toEqual(expected);
  });

  it('close the snapshot when the reader stops early', async () => {
    // Enough rows for several batches, so the reader stops with the cursor mid-way.
    for (let copy = 0; copy < 6; copy++) {
      await db
        .insertInto('measurements')
        .columns(['indicatorId', 'measuredOn', 'value', 'source', 'comment', 'createdAt'])
        .expression(
          db
            .selectFrom('measurements')
            .select(['indicatorId', 'measuredOn', 'value', 'source', 'comment', 'createdAt']),
        )
        .execute();
    }
    const { count } = await db
      .selectFrom('measurements')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBeGreaterThan(1_024);
    const batches = readFromSnapshot(db, (snapshot) =>
      streamRowBatches(snapshot, snapshot.selectFrom('measurements').selectAll().orderBy('id')),
    );
    for await (const batch of batches) {
      expect(batch.length).toBeGreaterThan(0);
      break;
    }
    // No reader left behind: a checkpoint copies everything written after.
    await db.updateTable('actions').set({ progress: 1 }).execute();
    const { rows } = await sql<{
      log: number;
      checkpointed: number;
    }>`pragma wal_checkpoint(passive)`.execute(db);
    expect(rows[0]?.checkpointed).toBe(rows[0]?.log);
  });
});
