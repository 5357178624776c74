import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/connection';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jalon-durability-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('openDb on a file', () => {
  it('commits to disk before acknowledging: WAL journal, synchronous FULL, foreign keys on', async () => {
    const db = openDb(join(dir, 'durable.sqlite'));
    try {
      // The one column's name is camel-cased by the plugin; its value is what counts.
      const pragma = async (name: string) =>
        Object.values(
          (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db)).rows[0] ?? {},
        )[0];
      expect(await pragma('journal_mode')).toBe('wal');
      // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.
      expect(await pragma('synchronous')).toBe(2);
      expect(await pragma('foreign_keys')).toBe(1);
    } finally {
      await db.destroy();
    }
  });
});
