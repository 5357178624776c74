import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { NATIONAL_SEED_ADMIN_EMAIL, findUserByEmail, loadPrincipal, openDb } from '@jalon/db';
// The server package exposes only types to the client; the bench drives its real code directly.
import { createInnerContext } from '../../../../server/src/context';
import { createLogger } from '../../../../server/src/logger';
import { applyActionImport } from '../../../../server/src/import/actions';
import { readTable } from '../../../../server/src/import/readTable';
import type { AuthedContext } from '../../../../server/src/trpc';
import type { BenchContext, BenchSection, GoalRow } from '../goals';

// Bulk update by import (issue 12): every action of the nation (30,508 rows) in one CSV as French
// Excel saves it, each row a new status comment, imported as the national admin: the file read,
// every row checked (permissions, versions, the status rules), then written through the action
// services with their audit events, in one transaction. The yardstick: the same reads, UPDATEs
// and audit INSERTs run raw with better-sqlite3 in one transaction. Each run works on the
// versions the previous one left, on a copy of the national database.

const silent = createLogger('silent');

interface ActionRow {
  id: number;
  version: number;
  plan_id: number;
}

function currentActions(file: string): ActionRow[] {
  const raw = new SQLite(file, { readonly: true });
  try {
    return raw
      .prepare('select id, version, plan_id from actions where archived_at is null order by id')
      .all() as ActionRow[];
  } finally {
    raw.close();
  }
}

/** The file a coordinator would import: id, version and a new comment on every row. */
function importFile(actions: readonly ActionRow[], run: number): Buffer {
  const lines = ['id;version;Commentaire de statut'];
  for (const a of actions)
    lines.push(`${a.id};${a.version};Point d’étape ${run} de l’action ${a.id}`);
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** The same writes, raw: read each action, update it at its version, audit it. */
function rawWrites(file: string, actions: readonly ActionRow[], run: number, userId: number) {
  const raw = new SQLite(file);
  raw.pragma('synchronous = FULL');
  const read = raw.prepare('select * from actions where id = ?');
  const update = raw.prepare(
    'update actions set status_comment = ?, version = version + 1, updated_at = ? where id = ? and version = ?',
  );
  const audit = raw.prepare(
    `insert into audit_events (occurred_at, user_id, entity_type, entity_id, operation, territory_id, plan_id, old_value, new_value, comment)
     values (?, ?, 'action', ?, 'status', null, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  const started = performance.now();
  raw.transaction(() => {
    for (const a of actions) {
      const before = read.get(a.id) as { status_comment: string | null };
      const comment = `Point d’étape ${run} de l’action ${a.id}`;
      update.run(comment, now, a.id, a.version);
      audit.run(
        now,
        userId,
        a.id,
        a.plan_id,
        JSON.stringify({ statusComment: before.status_comment }),
        JSON.stringify({ statusComment: comment }),
        comment,
      );
    }
  })();
  const ms = performance.now() - started;
  raw.close();
  return ms;
}

export const importsSection: BenchSection = {
  name: 'imports',
  async run(ctx: BenchContext) {
    const file = join(ctx.dir, 'imports.sqlite');
    await sql`pragma wal_checkpoint(truncate)`.execute(ctx.db);
    await sql`vacuum into ${file}`.execute(ctx.db);
    const db = openDb(file);
    const rawFile = join(ctx.dir, 'imports-raw.sqlite');
    await sql`vacuum into ${rawFile}`.execute(db);
    const admin = await findUserByEmail(db, NATIONAL_SEED_ADMIN_EMAIL);
    const principal = admin ? await loadPrincipal(db, admin.id) : null;
    if (!admin || !principal) throw new Error('The national seed created no admin');
    const caller: AuthedContext = {
      ...createInnerContext({ db, log: silent }),
      user: principal,
    };
    const runs = Math.max(1, Math.min(ctx.runs, 3));
    const importMs: number[] = [];
    const rawMs: number[] = [];
    let rows = 0;
    try {
      for (let run = 1; run <= runs; run++) {
        const actions = currentActions(file);
        rows = actions.length;
        const bytes = importFile(actions, run);
        const started = performance.now();
        const result = await applyActionImport(caller, await readTable(bytes));
        importMs.push(performance.now() - started);
        if (!result.written || result.changed !== rows) {
          throw new Error(`The import wrote ${result.changed} of ${rows} rows`);
        }
        rawMs.push(rawWrites(rawFile, currentActions(rawFile), run, admin.id));
      }
    } finally {
      await db.destroy();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const ms = median(importMs);
    const raw = median(rawMs);
    console.log(
      `import of ${rows} action rows: ${(ms / 1000).toFixed(1)} s (raw writes ${(raw / 1000).toFixed(1)} s), ${runs} runs`,
    );
    const rate = (rows / ms) * 1000;
    const table: GoalRow[] = [
      {
        measure: `actions import, ${rows.toLocaleString('en-GB')} rows changed (rows/s)`,
        value: rate,
        unit: 'rows/s',
        yardstick: 'same reads, UPDATEs and audit INSERTs raw',
        yardstickValue: (rows / raw) * 1000,
        ratio: ms / raw,
        goal: '≥ 3,000 rows/s (30,000 rows in ≤ 10 s)',
        met: rate >= 3_000,
      },
    ];
    return table;
  },
};
