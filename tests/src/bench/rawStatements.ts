import SQLite from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl } from '@jalon/db';

// The yardstick of the overview and of action.list: the statements one request of the app ran,
// captured through Kysely's query log, run again raw, in order, with the database's own driver:
// better-sqlite3 statements prepared once; on PostgreSQL, pg queries sent as Kysely sends them
// (unnamed, so planned for their values each time: named ones would switch to a generic plan after
// five runs, which made action.list's raw run twice as slow as the app's).

export interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

export interface RawRunner {
  /** Runs every statement once, in order. */
  run: () => Promise<void>;
  close: () => Promise<void>;
}

/** A runner on `location`: an SQLite file, or a postgres:// address. */
export function rawRunner(location: string, statements: readonly Statement[]): RawRunner {
  if (isPostgresUrl(location)) {
    const pool = new pg.Pool({ connectionString: location, max: 10 });
    const queries = statements.map((s) => ({ text: s.sql, values: [...s.parameters] }));
    return {
      run: async () => {
        const client = await pool.connect();
        try {
          for (const query of queries) await client.query(query);
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  const sqlite = new SQLite(location, { readonly: true });
  const prepared = statements.map((s) => ({
    stmt: sqlite.prepare(s.sql),
    parameters: s.parameters,
  }));
  return {
    run: () => {
      for (const { stmt, parameters } of prepared) stmt.all(...parameters);
      return Promise.resolve();
    },
    close: () => {
      sqlite.close();
      return Promise.resolve();
    },
  };
}
