import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { findUserByEmail, type Db } from '@jalon/db';
import { isoToday } from '@jalon/shared';
import { DEMO_PEOPLE, frenchCsv, serveDemoEachTest, type Row } from './support/demoApp';

// The round trip of issue 12: a coordinator downloads the actions export, changes statuses and a
// progress in a spreadsheet, and imports the file back with `jalon import actions`. The demo
// database lives in a file shared by the app (for the download) and the CLI (for the import).

const { coordinator: COORDINATOR, member: COMMITTEE_MEMBER, lead: DEMO_PILOT } = DEMO_PEOPLE;

let dir: string;
let db: Db;
let base: string;
const { signIn, jalon } = serveDemoEachTest('jalon-import-', (app) => {
  ({ dir, db, base } = app);
});

async function exportActions(email: string, format: 'csv' | 'xlsx') {
  const res = await fetch(`${base}/api/export/actions.${format}?lang=fr`, {
    headers: { cookie: await signIn(email) },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** The CSV as French Excel reads it, and writes it back (BOM, ";", CRLF). */
const readCsv = (bytes: Buffer): Row[] =>
  parse(bytes, { bom: true, columns: true, delimiter: ';', record_delimiter: '\r\n' });
const writeCsv = frenchCsv;

const jalonImport = (path: string, as: string, ...flags: string[]) =>
  jalon('import', 'actions', path, '--as', as, ...flags);

const allActions = () => db.selectFrom('actions').selectAll().orderBy('id').execute();
const auditCount = async () =>
  Number(
    (
      await db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

function saveFile(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('jalon import actions: the round trip of the actions export', () => {
  it('writes exactly the statuses and progress changed in the file, each audited, nothing else', async () => {
    const rows = readCsv(await exportActions(COORDINATOR.email, 'csv'));
    expect(Object.keys(rows[0] ?? {})).toEqual(expect.arrayContaining(['id', 'version']));
    const open = rows.filter((r) => ['À venir', 'En cours'].includes(r.Statut ?? ''));
    expect(open.length).toBeGreaterThanOrEqual(4);
    const [toDone, toBlocked, toPaused, moreProgress] = open as [Row, Row, Row, Row];
    toDone.Statut = 'Réalisé';
    toBlocked.Statut = 'Bloqué';
    toBlocked['Commentaire de statut'] = 'En attente de la convention avec la Région';
    toPaused.Statut = 'en pause';
    const progress = Math.min(100, Number(moreProgress['Avancement (%)']) + 15);
    moreProgress['Avancement (%)'] = `${progress},0`;
    const path = saveFile('actions-modifiees.csv', writeCsv(rows));
    const before = await allActions();
    const audited = await auditCount();

    const dry = await jalonImport(path, COORDINATOR.email, '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      `${rows.length} rows read: 4 to change, ${rows.length - 4} unchanged`,
    );
    expect(dry.stdout).toMatch(/Statut "En cours" → "Réalisé"|Statut "À venir" → "Réalisé"/);
    expect(await allActions()).toEqual(before);

    const run = await jalonImport(path, COORDINATOR.email);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Imported: 4 actions changed');

    const after = await allActions();
    const changedIds = [toDone, toBlocked, toPaused, moreProgress].map((r) => Number(r.id));
    const byId = new Map(after.map((a) => [a.id, a]));
    expect(byId.get(Number(toDone.id))).toMatchObject({ status: 'done', progress: 100 });
    expect(byId.get(Number(toDone.id))?.completedOn).toBe(isoToday(new Date()));
    expect(byId.get(Number(toBlocked.id))).toMatchObject({
      status: 'blocked',
      statusComment: 'En attente de la convention avec la Région',
    });
    expect(byId.get(Number(toPaused.id))?.status).toBe('on_hold');
    expect(byId.get(Number(moreProgress.id))?.progress).toBe(progress);
    for (const id of changedIds) {
      const old = before.find((a) => a.id === id)!;
      expect(byId.get(id)?.version).toBe(old.version + 1);
    }
    // Every other action exactly as it was.
    expect(after.filter((a) => !changedIds.includes(a.id))).toEqual(
      before.filter((a) => !changedIds.includes(a.id)),
    );

    // One audit event per changed action, by the coordinator, and no other.
    const coordinator = await findUserByEmail(db, COORDINATOR.email);
    const events = await db
      .selectFrom('auditEvents')
      .selectAll()
      .orderBy('id', 'desc')
      .limit((await auditCount()) - audited)
      .execute();
    expect(events).toHaveLength(4);
    expect(events.map((e) => e.entityId).sort()).toEqual([...changedIds].sort());
    expect(new Set(events.map((e) => `${e.entityType}/${e.operation}/${e.userId}`))).toEqual(
      new Set([`action/status/${coordinator?.id}`]),
    );

    // The same file again: its versions are those of before the import, so every changed row
    // is now a conflict, and nothing is written.
    const again = await jalonImport(path, COORDINATOR.email);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('4 in conflict');
    expect(again.stderr).toMatch(/Nothing was written/);
    expect(await allActions()).toEqual(after);
  });

  it('round-trips the .xlsx export: a status changed in the workbook is imported', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await exportActions(COORDINATOR.email, 'xlsx')) as unknown as ExcelJS.Buffer,
    );
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map((v) =>
      typeof v === 'string' ? v : '',
    );
    const column = (name: string) => headers.indexOf(name);
    expect(column('id')).toBeGreaterThan(0);
    // The workbook offers the statuses as a list, and says how to bring it back.
    const validation = sheet.getRow(2).getCell(column('Statut')).dataValidation;
    expect(validation).toMatchObject({ type: 'list' });
    expect(validation.formulae?.[0]).toContain('Réalisé');
    expect(validation.formulae?.[0]).toContain('Bloqué');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['actions', 'Mode d’emploi']);
    expect(workbook.worksheets[1]?.getRow(3).getCell(1).text).toContain('« id »');
    let target: { id: number; line: number } | null = null;
    sheet.eachRow((row, line) => {
      if (line > 1 && !target && row.getCell(column('Statut')).value === 'En cours') {
        target = { id: Number(row.getCell(column('id')).value), line };
      }
    });
    const found = target as { id: number; line: number } | null;
    if (!found) throw new Error('No action "En cours" in the export');
    sheet.getRow(found.line).getCell(column('Statut')).value = 'Réalisé';
    // A formula typed in a comment is imported as its text, never evaluated.
    const formula: ExcelJS.CellFormulaValue = {
      formula: 'HYPERLINK("http://example.invalid","clic")',
      date1904: false,
    };
    sheet.getRow(found.line).getCell(column('Commentaire de statut')).value = formula;
    const path = saveFile('actions.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));

    const run = await jalonImport(path, COORDINATOR.email);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Imported: 1 actions changed');
    const action = await db
      .selectFrom('actions')
      .selectAll()
      .where('id', '=', found.id)
      .executeTakeFirstOrThrow();
    expect(action).toMatchObject({
      status: 'done',
      statusComment: '=HYPERLINK("http://example.invalid","clic")',
    });
  });

  it('reports a row changed since the export as a conflict and writes nothing', async () => {
    const rows = readCsv(await exportActions(COORDINATOR.email, 'csv'));
    const [first, second] = rows.filter((r) => r.Statut === 'En cours') as [Row, Row];
    first.Statut = 'Réalisé';
    second.Statut = 'Réalisé';
    // Someone changes the second action on screen after the export.
    await db
      .updateTable('actions')
      .set((eb) => ({ version: eb('version', '+', 1), title: 'Changé entre-temps' }))
      .where('id', '=', Number(second.id))
      .execute();
    const before = await allActions();
    const run = await jalonImport(saveFile('conflict.csv', writeCsv(rows)), COORDINATOR.email);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `row \\d+: CONFLICT, action ${second.id} "Changé entre-temps" changed since the export`,
      ),
    );
    expect(run.stdout).toContain('1 to change');
    expect(run.stdout).toContain('1 in conflict');
    expect(await allActions()).toEqual(before);
  });

  it('lets a lead import only the actions of the plans they lead, and a member nothing', async () => {
    const rows = readCsv(await exportActions(COORDINATOR.email, 'csv'));
    const pilot = await findUserByEmail(db, DEMO_PILOT.email);
    const led = new Set(
      (
        await db.selectFrom('planLeads').select('planId').where('userId', '=', pilot!.id).execute()
      ).map((r) => r.planId),
    );
    const planOf = new Map((await allActions()).map((a) => [a.id, a.planId] as const));
    const theirs = rows.find((r) => led.has(planOf.get(Number(r.id))!) && r.Statut === 'En cours');
    const other = rows.find((r) => !led.has(planOf.get(Number(r.id))!) && r.Statut === 'En cours');
    if (!theirs || !other) throw new Error('The demo gives the pilot no led and no other action');
    theirs.Statut = 'Réalisé';
    other.Statut = 'Réalisé';
    const before = await allActions();

    const mixed = await jalonImport(saveFile('mixed.csv', writeCsv(rows)), DEMO_PILOT.email);
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).toContain(`action ${other.id}: id: you may not update this action`);
    expect(await allActions()).toEqual(before);

    // Only their own action in the file: it goes through.
    const own = await jalonImport(saveFile('own.csv', writeCsv([theirs])), DEMO_PILOT.email);
    expect(own.stderr).toBe('');
    expect(own.code).toBe(0);
    expect((await allActions()).find((a) => a.id === Number(theirs.id))?.status).toBe('done');

    const member = await jalonImport(
      saveFile('member.csv', writeCsv([other])),
      COMMITTEE_MEMBER.email,
    );
    expect(member.code).toBe(1);
    expect(member.stdout).toContain('you may not update this action');
    expect((await allActions()).find((a) => a.id === Number(other.id))?.status).toBe('in_progress');
  });

  it('refuses rows that break the rules, with the row and the column, and writes nothing', async () => {
    const rows = readCsv(await exportActions(COORDINATOR.email, 'csv'));
    const open = rows.filter((r) => r.Statut === 'En cours') as [Row, Row, Row, Row];
    open[0].Statut = 'Bloqué'; // no new comment: a blocked action needs its justification
    open[0]['Commentaire de statut'] = '';
    open[1]['Avancement (%)'] = '120';
    open[2].Échéance = '31/02/2026';
    open[3].Statut = 'Presque fini';
    const lineOf = (row: Row) => rows.indexOf(row) + 2;
    const before = await allActions();
    const run = await jalonImport(saveFile('bad.csv', writeCsv(rows)), COORDINATOR.email);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `row ${lineOf(open[0])}: REFUSED, action ${open[0].id}: Commentaire de statut: moving to this status needs a new comment explaining why`,
    );
    expect(run.stdout).toContain(
      `row ${lineOf(open[1])}: REFUSED, action ${open[1].id}: Avancement (%): out of range`,
    );
    expect(run.stdout).toContain(
      `row ${lineOf(open[2])}: REFUSED, action ${open[2].id}: Échéance: not a date`,
    );
    expect(run.stdout).toContain(
      `row ${lineOf(open[3])}: REFUSED, action ${open[3].id}: Statut: not a status`,
    );
    expect(run.stdout).toContain('4 refused');
    expect(await allActions()).toEqual(before);
  });

  it('refuses the actions of a plan archived since the export', async () => {
    const rows = readCsv(await exportActions(COORDINATOR.email, 'csv'));
    const target = rows.find((r) => r.Statut === 'En cours')!;
    target.Statut = 'Réalisé';
    const action = (await allActions()).find((a) => a.id === Number(target.id))!;
    await db
      .updateTable('plans')
      .set({ archivedAt: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', action.planId)
      .execute();
    const before = await allActions();
    const run = await jalonImport(saveFile('archived.csv', writeCsv([target])), COORDINATOR.email);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`action ${target.id}: id: the action or its plan is archived`);
    expect(await allActions()).toEqual(before);
  });

  it('previews and imports over HTTP for the import screen, signed in only', async () => {
    const rows = readCsv(await exportActions(COORDINATOR.email, 'csv'));
    const target = rows.find((r) => r.Statut === 'En cours')!;
    target.Statut = 'Réalisé';
    const body = writeCsv(rows);
    const post = (path: string, cookie: string | null, content: Buffer, type = 'text/csv') =>
      fetch(`${base}/api/import/actions${path}`, {
        method: 'POST',
        headers: { 'content-type': type, ...(cookie ? { cookie } : {}) },
        body: content,
      });
    expect((await post('/preview', null, body)).status).toBe(401);
    const cookie = await signIn(COORDINATOR.email);
    // A form cannot send this: only the file types are read.
    expect((await post('/preview', cookie, body, 'application/x-www-form-urlencoded')).status).toBe(
      415,
    );
    const noise = await post('/preview', cookie, Buffer.from('\u0000\u0001\u0002'.repeat(100)));
    expect(noise.status).toBe(400);
    expect(await noise.json()).toMatchObject({ error: { problem: 'unsupported_format' } });

    const before = await allActions();
    const preview = await post('/preview', cookie, body);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      applicable: true,
      counts: { rows: rows.length, change: 1, unchanged: rows.length - 1 },
      rows: expect.arrayContaining([
        expect.objectContaining({
          outcome: 'change',
          actionId: Number(target.id),
          changes: expect.arrayContaining([
            { field: 'status', column: 'Statut', before: 'in_progress', after: 'done' },
          ]) as unknown,
        }),
      ]) as unknown,
    });
    expect(await allActions()).toEqual(before);

    const applied = await post('', cookie, body, 'application/octet-stream');
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ written: true, changed: 1 });
    expect((await allActions()).find((a) => a.id === Number(target.id))?.status).toBe('done');
  });
});
