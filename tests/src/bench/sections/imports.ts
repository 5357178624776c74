import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  NATIONAL_SEED_ADMIN_EMAIL,
  createDb,
  findUserByEmail,
  loadPrincipal,
  type DatabaseConfig,
} from '@jalon/db';
// The server package exposes only types to the client; the bench drives its real code directly.
import { createInnerContext } from '../../../../server/src/context';
import { createLogger } from '../../../../server/src/logger';
import { applyActionImport } from '../../../../server/src/import/actions';
import { readTable } from '../../../../server/src/import/readTable';
import type { AuthedContext } from '../../../../server/src/trpc';
import type { BenchContext, BenchSection, GoalRow } from '../goals';
import { withCopies } from './exports';

// Bulk update by import (issue 12): every action of the nation (30,508 rows) in one CSV as French
// Excel saves it, each row a new status comment, imported as the national admin: the file read,
// every row checked (permissions, versions, the status rules), then written through the action
// services with their audit events, in one transaction. The yardstick: the same reads, UPDATEs
// and audit INSERTs run raw by the database's driver in one transaction (better-sqlite3; on
// PostgreSQL pg, SERIALIZABLE as the app's). The import and the raw writes each work on a copy of
// the national database, each run on the versions the previous one left there.

const silent = createLogger('silent');

interface ActionRow {
  id: number;
  version: number;
  plan_id: number;
}

// The statements, written once with `?` placeholders; pg's are numbered (see `numbered`).
const CURRENT_ACTIONS =
  'select id, version, plan_id from actions where archived_at is null order by id';
const READ = 'select * from actions where id = ?';
const UPDATE =
  'update actions set status_comment = ?, version = version + 1, updated_at = ? where id = ? and version = ?';
const AUDIT = `insert into audit_events (occurred_at, user_id, entity_type, entity_id, operation, territory_id, plan_id, old_value, new_value, comment)
     values (?, ?, 'action', ?, 'status', null, ?, ?, ?, ?)`;

/** `?` placeholders as PostgreSQL's `$1, $2…` (the statements above hold no other `?`). */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

const PG_STATEMENTS = { read: numbered(READ), update: numbered(UPDATE), audit: numbered(AUDIT) };

/** The status comment run `run` gives action `id`, in the file and in the raw writes. */
const commentOf = (run: number, id: number) => `Point d’étape ${run} de l’action ${id}`;

/** The parameters of one action's UPDATE and audit INSERT, given its comment before. */
function writesOf(a: ActionRow, before: string | null, run: number, now: string, userId: number) {
  const comment = commentOf(run, a.id);
  return {
    update: [comment, now, a.id, a.version],
    audit: [
      now,
      userId,
      a.id,
      a.plan_id,
      // JSON text: SQLite stores it as is, PostgreSQL casts it to the column's jsonb.
      JSON.stringify({ statusComment: before }),
      JSON.stringify({ statusComment: comment }),
      comment,
    ],
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function currentActions(database: DatabaseConfig): Promise<ActionRow[]> {
  if (database.kind === 'postgres') {
    return withClient(database.url, async (c) => (await c.query<ActionRow>(CURRENT_ACTIONS)).rows);
  }
  const raw = new SQLite(database.file, { readonly: true });
  try {
    return raw.prepare(CURRENT_ACTIONS).all() as ActionRow[];
  } finally {
    raw.close();
  }
}

/** The file a coordinator would import: id, version and a new comment on every row. */
function importFile(actions: readonly ActionRow[], run: number): Buffer {
  const lines = ['id;version;Commentaire de statut'];
  for (const a of actions) lines.push(`${a.id};${a.version};${commentOf(run, a.id)}`);
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** The raw writes with better-sqlite3, statements prepared once; the ms of the transaction. */
function sqliteWrites(file: string, actions: readonly ActionRow[], run: number, userId: number) {
  const raw = new SQLite(file);
  try {
    raw.pragma('synchronous = FULL');
    const read = raw.prepare(READ);
    const update = raw.prepare(UPDATE);
    const audit = raw.prepare(AUDIT);
    const now = new Date().toISOString();
    const started = performance.now();
    raw.transaction(() => {
      for (const a of actions) {
        const before = read.get(a.id) as { status_comment: string | null };
        const writes = writesOf(a, before.status_comment, run, now, userId);
        update.run(...writes.update);
        audit.run(...writes.audit);
      }
    })();
    return performance.now() - started;
  } finally {
    raw.close();
  }
}

/**
 * The raw writes with pg in one SERIALIZABLE transaction, as the app's; the ms of the
 * transaction. Unnamed queries, as Kysely sends them: named ones would switch to generic plans.
 */
function postgresWrites(url: string, actions: readonly ActionRow[], run: number, userId: number) {
  return withClient(url, async (client) => {
    const now = new Date().toISOString();
    const started = performance.now();
    await client.query('begin isolation level serializable');
    for (const a of actions) {
      const { rows } = await client.query<{ status_comment: string | null }>(PG_STATEMENTS.read, [
        a.id,
      ]);
      const before = rows[0];
      if (!before) throw new Error(`Action ${a.id} is gone`);
      const writes = writesOf(a, before.status_comment, run, now, userId);
      await client.query(PG_STATEMENTS.update, writes.update);
      await client.query(PG_STATEMENTS.audit, writes.audit);
    }
    await client.query('commit');
    return performance.now() - started;
  });
}

const RAW_WRITES = {
  sqlite: 'same reads, UPDATEs and audit INSERTs raw',
  postgres: 'same reads, UPDATEs and audit INSERTs raw (pg, serializable)',
} as const;

/** The same writes, raw: read each action, update it at its version, audit it. */
async function rawWrites(database: DatabaseConfig, run: number, userId: number): Promise<number> {
  const actions = await currentActions(database);
  return database.kind === 'sqlite'
    ? sqliteWrites(database.file, actions, run, userId)
    : postgresWrites(database.url, actions, run, userId);
}

/** Imports the file of each run through the app and writes it raw: the ms of each. */
async function measureImports(ctx: BenchContext, app: DatabaseConfig, raw: DatabaseConfig) {
  const db = createDb(app);
  const importMs: number[] = [];
  const rawMs: number[] = [];
  let rows = 0;
  try {
    const admin = await findUserByEmail(db, NATIONAL_SEED_ADMIN_EMAIL);
    const principal = admin ? await loadPrincipal(db, admin.id) : null;
    if (!admin || !principal) throw new Error('The national seed created no admin');
    const caller: AuthedContext = {
      ...createInnerContext({ db, log: silent }),
      user: principal,
    };
    const runs = Math.max(1, Math.min(ctx.runs, 3));
    for (let run = 1; run <= runs; run++) {
      const actions = await currentActions(app);
      rows = actions.length;
      const bytes = importFile(actions, run);
      const started = performance.now();
      const result = await applyActionImport(caller, await readTable(bytes));
      importMs.push(performance.now() - started);
      if (!result.written || result.changed !== rows) {
        throw new Error(`The import wrote ${result.changed} of ${rows} rows`);
      }
      rawMs.push(await rawWrites(raw, run, admin.id));
    }
  } finally {
    await db.destroy();
  }
  return { rows, importMs, rawMs };
}

export const importsSection: BenchSection = {
  name: 'imports',
  databases: ['sqlite', 'postgres'],
  async run(ctx: BenchContext) {
    const { rows, importMs, rawMs } = await withCopies(ctx, ['imports', 'imports_raw'], (copies) =>
      measureImports(ctx, ...copies),
    );
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const ms = median(importMs);
    const raw = median(rawMs);
    console.log(
      `import of ${rows} action rows: ${(ms / 1000).toFixed(1)} s (raw writes ${(raw / 1000).toFixed(1)} s), ${importMs.length} runs`,
    );
    const rate = (rows / ms) * 1000;
    const table: GoalRow[] = [
      {
        measure: `actions import, ${rows.toLocaleString('en-GB')} rows changed (rows/s)`,
        value: rate,
        unit: 'rows/s',
        yardstick: RAW_WRITES[ctx.database.kind],
        yardstickValue: (rows / raw) * 1000,
        ratio: ms / raw,
        goal: '≥ 3,000 rows/s (30,000 rows in ≤ 10 s)',
        met: rate >= 3_000,
      },
    ];
    return table;
  },
};
