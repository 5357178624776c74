import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDatabase } from '@jalon/db';
import { DEFAULT_DATABASE, WORKSPACE_ROOT, databaseConfig, loadEnv, type Env } from '../src/env';

/** The file of a SQLite configuration (the test fails on a PostgreSQL one). */
function databasePath(env: Env, explicit?: string): string {
  const config = databaseConfig(env, explicit);
  if (config.kind !== 'sqlite') throw new Error(`Expected a file, got ${config.url}`);
  return config.file;
}

describe('databaseConfig', () => {
  const ranIn = join(WORKSPACE_ROOT, 'server', 'src');

  it('finds the workspace root: the folder of pnpm-workspace.yaml', () => {
    expect(existsSync(join(WORKSPACE_ROOT, 'pnpm-workspace.yaml'))).toBe(true);
  });

  it('puts the default database at the workspace root, wherever the command ran', () => {
    const env = loadEnv({ INIT_CWD: ranIn });
    expect(databasePath(env)).toBe(join(WORKSPACE_ROOT, DEFAULT_DATABASE));
  });

  it('reads JALON_DB and --db relative to where the command ran', () => {
    const env = loadEnv({ INIT_CWD: ranIn, JALON_DB: 'mine.sqlite' });
    expect(databasePath(env)).toBe(join(ranIn, 'mine.sqlite'));
    expect(databasePath(env, '../other.sqlite')).toBe(join(WORKSPACE_ROOT, 'server/other.sqlite'));
    expect(databasePath(env, '/srv/jalon.sqlite')).toBe('/srv/jalon.sqlite');
    expect(databasePath(loadEnv({ INIT_CWD: ranIn }), 'data/x.sqlite')).toBe(
      join(ranIn, 'data/x.sqlite'),
    );
  });

  it('keeps an in-memory database as it is', () => {
    expect(databasePath(loadEnv({ JALON_DB: ':memory:' }))).toBe(':memory:');
  });

  it('takes PostgreSQL from JALON_DATABASE_URL or --db, and never shows its password', () => {
    const url = 'postgres://jalon:s3cret@db.example.gouv.fr:5432/jalon';
    const env = loadEnv({ JALON_DATABASE_URL: url });
    expect(databaseConfig(env)).toEqual({ kind: 'postgres', url });
    expect(describeDatabase(databaseConfig(env))).toBe(
      'postgres://jalon:***@db.example.gouv.fr:5432/jalon',
    );
    // --db names a file or a server, whatever the environment says.
    expect(databasePath(env, 'local.sqlite')).toMatch(/local\.sqlite$/);
    expect(databaseConfig(loadEnv({}), 'postgresql://127.0.0.1/jalon')).toEqual({
      kind: 'postgres',
      url: 'postgresql://127.0.0.1/jalon',
    });
  });

  it('refuses a database address that is not PostgreSQL, or a file and a server at once', () => {
    expect(() => loadEnv({ JALON_DATABASE_URL: 'mysql://127.0.0.1/jalon' })).toThrow(
      /JALON_DATABASE_URL: a postgres:\/\/ address/,
    );
    expect(() =>
      loadEnv({ JALON_DB: 'jalon.sqlite', JALON_DATABASE_URL: 'postgres://127.0.0.1/jalon' }),
    ).toThrow(/set JALON_DB \(a file\) or JALON_DATABASE_URL \(PostgreSQL\), not both/);
  });
});

describe('listening and proxies', () => {
  it('listens on this machine only unless HOST says otherwise', () => {
    expect(loadEnv({}).HOST).toBe('127.0.0.1');
    expect(loadEnv({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('reads JALON_TRUST_PROXY as a number of proxies or their addresses, and refuses "true"', () => {
    expect(loadEnv({}).JALON_TRUST_PROXY).toBe(false);
    expect(loadEnv({ JALON_TRUST_PROXY: '1' }).JALON_TRUST_PROXY).toBe(1);
    expect(loadEnv({ JALON_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).JALON_TRUST_PROXY).toBe(
      'loopback, 10.0.0.0/8',
    );
    expect(() => loadEnv({ JALON_TRUST_PROXY: 'true' })).toThrow(/JALON_TRUST_PROXY/);
  });
});
