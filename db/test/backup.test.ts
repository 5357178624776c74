import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../src/backup';
import { migrateToLatest, openDb } from '../src/connection';

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
