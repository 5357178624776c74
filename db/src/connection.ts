import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  CompiledQuery,
  sql,
  Kysely,
  Migrator,
  PostgresAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type LogConfig,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type Transaction,
  type UnknownRow,
} from 'kysely';
import type { Database } from './schema';
import { migrationProvider } from './migrations';
import { createPostgresDatabase, openPostgres, resetIdSequences } from './postgres';
import { constraintViolationOf } from './errors';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;

/**
 * Starts every transaction with BEGIN IMMEDIATE. A deferred BEGIN that reads before it writes
 * cannot wait for another process's write lock (the server and a CLI command sharing the file):
 * it fails at once with "database is locked". IMMEDIATE takes the write lock up front, so the
 * busy timeout applies. Transactions are only used for writes here.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateTransactionDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateTransactionDriver(this.#config);
  }
}

/** Beyond this many distinct names, the case conversions stop being remembered (never reached). */
const MAX_REMEMBERED_NAMES = 10_000;

function remembered(convert: (name: string) => string): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let converted = known.get(name);
    if (converted === undefined) {
      converted = convert(name);
      if (known.size < MAX_REMEMBERED_NAMES) known.set(name, converted);
    }
    return converted;
  };
}

/**
 * Kysely's CamelCasePlugin converts every identifier of every query and every key of every row,
 * character by character; the same few hundred names come back all the time, so each conversion
 * is remembered. Rows of plain values (all SQLite returns) are mapped with a loop; anything
 * nested goes to Kysely's own mapping.
 */
class RememberingCamelCasePlugin extends CamelCasePlugin {
  readonly #snake = remembered((name) => super.snakeCase(name));
  readonly #camel = remembered((name) => super.camelCase(name));

  protected override snakeCase(name: string): string {
    return this.#snake(name);
  }

  protected override camelCase(name: string): string {
    return this.#camel(name);
  }

  protected override mapRow(row: UnknownRow): UnknownRow {
    const mapped: UnknownRow = {};
    for (const key of Object.keys(row)) {
      const value = row[key];
      if (typeof value === 'object' && value !== null) return super.mapRow(row);
      mapped[this.#camel(key)] = value;
    }
    return mapped;
  }
}

/** How many distinct statements each connection keeps prepared. */
export const STATEMENT_CACHE_SIZE = 500;

/** A better-sqlite3 database as Kysely's driver uses it, reusing prepared statements. */
export interface CachingDatabase extends SqliteDatabase {
  /** How many statements are kept prepared now (never more than the cache's size). */
  readonly cachedStatements: number;
}

/**
 * Kysely's SqliteDriver calls `prepare(sql)` on every execution; preparing is a good part of a
 * cheap query's cost. This keeps the most recently used statements, keyed by their SQL text, in a
 * bounded map (least recently used dropped first). SQLite re-prepares a statement by itself when
 * the schema changed since (a migration), so a cached statement never reads a stale table. A
 * statement still iterating (a streamed query) is busy: the same SQL meanwhile gets a fresh one.
 */
export function cacheStatements(sqlite: SQLite.Database, size: number): CachingDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    get cachedStatements() {
      return cache.size;
    },
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Re-inserted to become the most recently used: a Map iterates in insertion order.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > size) {
          const oldest = cache.keys().next();
          if (!oldest.done) cache.delete(oldest.value);
        }
      }
      return statement;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}

export interface OpenDbOptions {
  /** Kysely's query log, e.g. to capture the statements a request runs (the bench does). */
  log?: LogConfig;
}

/**
 * Opens the SQLite database at `file` (":memory:" for tests) with foreign keys on, WAL journaling
 * and a busy timeout, so that a CLI command and the server can share one file.
 */
export function openDb(file: string, options: OpenDbOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('foreign_keys = ON');
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: a commit is on disk before it is acknowledged, power loss included (NORMAL in WAL mode
  // survives a crashed process but may lose the last commits to a power cut). About 3 ms per write
  // transaction here: nothing for committee records, written a few times a minute. See README.
  sqlite.pragma('synchronous = FULL');
  // SQLite's built-in lower() folds ASCII only ("École" stays "École"); PostgreSQL's folds every
  // letter. Replace it so case-insensitive search and code checks behave alike on both.
  sqlite.function('lower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
  return new Kysely<Database>({
    dialect: new ImmediateTransactionDialect({
      database: cacheStatements(sqlite, STATEMENT_CACHE_SIZE),
    }),
    plugins: [new RememberingCamelCasePlugin()],
    ...(options.log ? { log: options.log } : {}),
  });
}

/** Which database Jalon runs on: an SQLite file (the default) or a PostgreSQL server. */
export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; maxConnections?: number; idleTimeoutMillis?: number };

/**
 * The one place that opens Jalon's database: SQLite through `openDb`, PostgreSQL through a pool
 * of `pg` connections. Both come with the same camelCase mapping; nothing above this knows which.
 */
export function createDb(config: DatabaseConfig, options: OpenDbOptions = {}): Db {
  if (config.kind === 'sqlite') return openDb(config.file, options);
  const { url, ...pool } = config;
  return openPostgres<Database>(url, [new RememberingCamelCasePlugin()], {
    ...pool,
    ...(options.log ? { log: options.log } : {}),
  });
}

/** The database in words for people and logs: the file, or the server without its password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') return config.file;
  const url = new URL(config.url);
  if (url.password !== '') url.password = '***';
  return url.toString();
}

/** Whether `location` (a --db value, say) names a PostgreSQL server rather than a file. */
export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//i.test(location);

export type Dialect = 'sqlite' | 'postgres';

/** Attempts of one change before its serialization failure is the caller's. */
export const TRANSACTION_ATTEMPTS = 10;

/** A transaction PostgreSQL gave up so that another could go on. */
const isRetryable = (error: unknown) => constraintViolationOf(error) === 'concurrent';

/**
 * Runs `work` in one write transaction, the only way Jalon writes several rows together.
 *
 * - SQLite: BEGIN IMMEDIATE (see ImmediateTransactionDriver): one writer at a time, waiting for
 *   the lock up to the busy timeout.
 * - PostgreSQL: SERIALIZABLE. The changes read before they write (a version, the rows a
 *   maintained aggregate is recomputed from, a sign-in counter), and several instances run them
 *   at once; SERIALIZABLE makes the server refuse any interleaving whose result no one-at-a-time
 *   order would give (READ COMMITTED would let two recomputations of the same aggregate each miss
 *   the other's row). The refused transaction is rolled back whole and run again, up to
 *   TRANSACTION_ATTEMPTS times, after a short random pause; `work` must therefore only change
 *   the database (mails are queued in it, never sent from here). A change made only of upserts
 *   that lock their rows (the sign-in counters) is exact under READ COMMITTED already, and asks
 *   for it: a burst of attempts on one account then queues on the row lock instead of being
 *   refused and run again.
 */
export async function inTransaction<T>(
  db: Db,
  work: (trx: Trx) => Promise<T>,
  options: { isolation?: 'serializable' | 'read committed' } = {},
): Promise<T> {
  if (dialectOf(db) === 'sqlite') return db.transaction().execute(work);
  const isolation = options.isolation ?? 'serializable';
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().setIsolationLevel(isolation).execute(work);
    } catch (error) {
      if (!isRetryable(error) || attempt >= TRANSACTION_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/** Which database `db` runs on, for the few places that must differ (snapshots, backups). */
export function dialectOf(db: Db | Trx): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('Migration failed', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * After rows were inserted with explicit ids, makes the next generated id follow the largest one.
 * SQLite's AUTOINCREMENT does so by itself; PostgreSQL's identity sequences do not.
 */
export async function followExplicitIds(db: Db | Trx): Promise<void> {
  if (dialectOf(db) === 'postgres') await resetIdSequences(db);
}

/**
 * After a bulk load such as the national seed: PostgreSQL's planner statistics and visibility map
 * (which index-only scans need) are brought up to date now rather than whenever autovacuum comes.
 * SQLite keeps neither: nothing to do there. Not inside a transaction (VACUUM cannot run in one).
 */
export async function refreshStatistics(db: Db): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`vacuum analyze`.execute(db);
}

/** The migrated database every PostgreSQL test database is copied from. */
export const TEST_POSTGRES_TEMPLATE = 'jalon_template';

/** The PostgreSQL server `createTestDb` copies the template on; null: tests run on SQLite. */
let testPostgres: string | null = null;

/**
 * Makes `createTestDb` open its databases on the PostgreSQL server at `url` (a database there to
 * connect to for creating others), whose `jalon_template` is migrated. The setup of the test
 * projects that run on PostgreSQL calls it (tests/src/postgres).
 */
export function useTestPostgres(url: string): void {
  testPostgres = url;
}

let testDatabases = 0;

/**
 * A fresh, migrated database: every test starts from one. In memory on SQLite; on PostgreSQL
 * (after `useTestPostgres`) a new database copied from the migrated template,
 * one per call, named after the test worker's process so that workers never meet.
 * `{ empty: true }` gives one without any table, for the migrations' own tests.
 */
export async function createTestDb({ empty = false } = {}): Promise<Db> {
  const server = testPostgres;
  if (!server) {
    const db = openDb(':memory:');
    if (!empty) await migrateToLatest(db);
    return db;
  }
  testDatabases += 1;
  const name = `jalon_test_${process.pid}_${testDatabases}`;
  const template = empty ? 'template0' : TEST_POSTGRES_TEMPLATE;
  const url = await createPostgresDatabase(server, name, template);
  return createDb({ kind: 'postgres', url, maxConnections: 4 });
}
