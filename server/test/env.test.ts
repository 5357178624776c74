import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE, WORKSPACE_ROOT, databasePath, loadEnv } from '../src/env';

describe('databasePath', () => {
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
