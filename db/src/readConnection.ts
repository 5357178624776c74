import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import type { Db } from './connection';
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
  return {
    db: reader,
    close: async () => {
      // Destroying closes the connection, which ends (rolls back) the read transaction.
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
