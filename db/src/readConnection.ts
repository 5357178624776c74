import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql, type Compilable } from 'kysely';
import { createDb, dialectOf, type Db, type Trx } from './connection';
import { postgresUrlOf } from './postgres';
import type { Database } from './schema';

/**
 * A read-only view of the database for one long read (a CSV download): its own connection, so
 * that a cursor held open by a slow client never holds the connection every other request waits
 * for, inside one read transaction, so that every statement of the export sees the same snapshot.
 */
export interface ReadSnapshot {
  db: Db;
  /** Ends the read transaction and closes the connection; call it once the cursor is done. */
  close: () => Promise<void>;
}

// The connection under each snapshot this module opened, for reading rows without Kysely's
// per-row layers.
const connectionsOf = new WeakMap<Db | Trx, SQLite.Database>();

// The file behind each application database, looked up once ('' for an in-memory database).
const filesOf = new WeakMap<Db, Promise<string>>();

function fileOf(db: Db): Promise<string> {
  let file = filesOf.get(db);
  if (!file) {
    file = sql<{ name: string; file: string }>`pragma database_list`
      .execute(db)
      .then(({ rows }) => rows.find((r) => r.name === 'main')?.file ?? '');
    filesOf.set(db, file);
  }
  return file;
}

/**
 * Opens a read snapshot of `db`'s file on a new read-only connection (WAL lets it read while the
 * server writes). An in-memory database has no file another connection could open (tests): the
 * snapshot is then `db` itself, whose single connection the cursor holds until it is done.
 */
export async function openReadSnapshot(db: Db): Promise<ReadSnapshot> {
  if (dialectOf(db) === 'postgres') return openPostgresSnapshot(db);
  const file = await fileOf(db);
  if (file === '') return { db, close: async () => {} };
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  // As `openDb`: a lower() that folds every letter, as PostgreSQL's does.
  sqlite.function('lower', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
  const reader = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  await sql`begin`.execute(reader);
  connectionsOf.set(reader, sqlite);
  return {
    db: reader,
    close: async () => {
      // Destroying closes the connection, which ends (rolls back) the read transaction.
      await reader.destroy();
    },
  };
}

/**
 * On PostgreSQL, a connection of its own in a read-only REPEATABLE READ transaction: every
 * statement of the export sees the snapshot its first statement took, whatever is written since.
 */
async function openPostgresSnapshot(db: Db): Promise<ReadSnapshot> {
  const url = postgresUrlOf(db);
  if (!url) throw new Error('This PostgreSQL database was not opened by createDb');
  // One connection, never closed for idleness (a slow client may pause): every statement runs on
  // it, inside the transaction begun here.
  const reader = createDb({ kind: 'postgres', url, maxConnections: 1, idleTimeoutMillis: 0 });
  try {
    await sql`begin transaction isolation level repeatable read read only`.execute(reader);
  } catch (error) {
    await reader.destroy();
    throw error;
  }
  return {
    db: reader,
    close: async () => {
      await sql`rollback`.execute(reader).catch(() => {});
      await reader.destroy();
    },
  };
}

/**
 * Streams what `rows` yields from a read snapshot of `db`, opened when the first row is asked for
 * and closed when the rows are done, fail, or the consumer stops early (a client that went away).
 */
export async function* readFromSnapshot<T>(
  db: Db,
  rows: (snapshot: Db) => AsyncIterable<T>,
): AsyncGenerator<T, void, undefined> {
  const snapshot = await openReadSnapshot(db);
  try {
    yield* rows(snapshot.db);
  } finally {
    await snapshot.close();
  }
}

/** Rows per batch of `streamRowBatches`: one await per batch rather than one per row. */
const BATCH_ROWS = 512;

const camelCase = new CamelCasePlugin();

/** The result keys Kysely's CamelCasePlugin gives these SQL column names, in order. */
async function camelKeys(columns: readonly string[]): Promise<string[]> {
  const row = Object.fromEntries(columns.map((c, i) => [c, i]));
  const { rows } = await camelCase.transformResult({
    queryId: { queryId: 'export' },
    result: { rows: [row] },
  });
  const mapped = rows[0] ?? {};
  const keys: string[] = [];
  for (const [key, index] of Object.entries(mapped)) keys[index as number] = key;
  return keys;
}

/**
 * The rows of one query, read through a cursor in batches of a few hundred, as `query.execute()`
 * would type them. On a snapshot of `openReadSnapshot` the statement Kysely compiled runs on
 * better-sqlite3's `iterate()` directly; on any other database through Kysely's `stream()`. Nothing
 * else may run on `db` until the batches are done.
 */
export async function* streamRowBatches<O>(
  db: Db | Trx,
  query: Compilable<O> & { stream: (chunkSize?: number) => AsyncIterableIterator<O> },
): AsyncGenerator<O[], void, undefined> {
  const connection = connectionsOf.get(db);
  if (!connection) {
    let batch: O[] = [];
    for await (const row of query.stream(BATCH_ROWS)) {
      batch.push(row);
      if (batch.length === BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return;
  }
  const compiled = query.compile();
  const statement = connection.prepare(compiled.sql).raw(true);
  const keys = await camelKeys(statement.columns().map((c) => c.name));
  let batch: O[] = [];
  for (const values of statement.iterate(...compiled.parameters) as Iterable<unknown[]>) {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) row[keys[i] as string] = values[i];
    batch.push(row as O);
    if (batch.length === BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
