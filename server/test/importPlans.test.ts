import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Db } from '@jalon/db';
import { isoToday } from '@jalon/shared';
import type { PlanImportPreview, PlanImportResult } from '../src/import/plans';
import { DEMO_PEOPLE, frenchCsv, serveDemoEachTest, type Row } from './support/demoApp';

// Issue 12: a coordinator brings a territory's plan spreadsheet into Jalon — new fiches action
// with their stages and actions — from the template, a French Excel CSV, or the CLI. The demo
// database lives in a file shared by the app and the CLI.

const {
  coordinator: COORDINATOR,
  lead: LEAD,
  member: MEMBER,
  admin: ADMIN,
  otherCoordinator: OTHER_COORDINATOR,
} = DEMO_PEOPLE;

let dir: string;
let db: Db;
let base: string;
const { signIn, jalon } = serveDemoEachTest('jalon-import-plans-', (app) => {
  ({ dir, db, base } = app);
});

async function post<T>(path: string, cookie: string, body: Buffer, query = ''): Promise<T> {
  const res = await fetch(`${base}/api/import/plans${path}${query}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/octet-stream' },
    body,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}
const preview = (cookie: string, body: Buffer, query = '') =>
  post<PlanImportPreview>('/preview', cookie, body, query);
const apply = (cookie: string, body: Buffer) => post<PlanImportResult>('', cookie, body);

/** A territory's plan spreadsheet: two fiches, four actions, the second fiche's columns empty after its first row. */
const PLAN_FILE: Row[] = [
  {
    'Fiche action': 'FA-IMP-1',
    'Intitulé de la fiche': 'Attirer des alternants dans les ateliers',
    Axe: 'Compétences',
    Priorité: 'Haute',
    'Début de la fiche': '01/02/2026',
    'Fin de la fiche': '31/12/2027',
    Étape: 'État des lieux',
    Action: 'Recenser les besoins des entreprises',
    Pilote: LEAD.name,
    Statut: 'Réalisé',
    'Avancement (%)': '',
    'Commentaire de statut': '',
    Début: '2026-02-01',
    Échéance: '30/06/2026',
  },
  {
    'Fiche action': 'FA-IMP-1',
    'Intitulé de la fiche': 'Attirer des alternants dans les ateliers',
    Axe: 'competences',
    Priorité: '',
    'Début de la fiche': '',
    'Fin de la fiche': '',
    Étape: 'Accompagnement au changement',
    Action: 'Journée portes ouvertes des ateliers',
    Pilote: LEAD.email.toUpperCase(),
    Statut: 'Bloqué',
    'Avancement (%)': '20,0',
    'Commentaire de statut': 'En attente de la salle',
    Début: '',
    Échéance: '',
  },
  {
    'Fiche action': 'FA-IMP-2',
    'Intitulé de la fiche': 'Requalifier la friche des Aciéries',
    Axe: 'Foncier',
    Priorité: '',
    'Début de la fiche': '',
    'Fin de la fiche': '',
    Étape: 'évolution et adaptation des outils',
    Action: '=Étude de sol',
    Pilote: '',
    Statut: 'En cours',
    'Avancement (%)': '35 %',
    'Commentaire de statut': '',
    Début: '45717',
    Échéance: '',
  },
  {
    'Fiche action': 'FA-IMP-2',
    'Intitulé de la fiche': '',
    Axe: '',
    Priorité: '',
    'Début de la fiche': '',
    'Fin de la fiche': '',
    Étape: 'État des lieux',
    Action: 'Inventaire des parcelles',
    Pilote: '',
    Statut: '',
    'Avancement (%)': '',
    'Commentaire de statut': '',
    Début: '',
    Échéance: '',
  },
];

const plansCoded = (codes: string[]) =>
  db.selectFrom('plans').selectAll().where('code', 'in', codes).orderBy('code').execute();
const countOf = async (table: 'plans' | 'actions' | 'auditEvents') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('import of a plan spreadsheet', () => {
  it('creates the fiches, their three stages and their actions, each audited, and nothing twice', async () => {
    const cookie = await signIn(COORDINATOR.email);
    const body = frenchCsv(PLAN_FILE);
    const before = { plans: await countOf('plans'), audit: await countOf('auditEvents') };

    const seen = await preview(cookie, body);
    expect(seen.counts).toEqual({ rows: 4, plans: 2, actions: 4, refused: 0 });
    expect(seen.applicable).toBe(true);
    expect(seen.rows.map((r) => r.outcome === 'create' && r.newPlan)).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(await countOf('plans')).toBe(before.plans);

    const done = await apply(cookie, body);
    expect(done).toMatchObject({ written: true, plans: 2, actions: 4 });
    const [first, second] = await plansCoded(['FA-IMP-1', 'FA-IMP-2']);
    expect(first).toMatchObject({
      title: 'Attirer des alternants dans les ateliers',
      axis: 'skills',
      priority: 'high',
      startDate: '2026-02-01',
      endDate: '2027-12-31',
    });
    expect(second).toMatchObject({ axis: 'industrial_land', priority: 'medium' });
    const territory = await db
      .selectFrom('planTerritories as pt')
      .innerJoin('territories as t', 't.id', 'pt.territoryId')
      .select('t.code')
      .where('pt.planId', '=', first!.id)
      .execute();
    expect(territory).toEqual([{ code: 'NL' }]);

    const actions = await db
      .selectFrom('actions as a')
      .innerJoin('stages as s', 's.id', 'a.stageId')
      .leftJoin('users as u', 'u.id', 'a.ownerUserId')
      .select([
        'a.planId',
        'a.title',
        's.kind',
        'u.email',
        'a.status',
        'a.progress',
        'a.statusComment',
        'a.startDate',
        'a.dueDate',
        'a.completedOn',
      ])
      .where('a.planId', 'in', [first!.id, second!.id])
      .orderBy('a.id')
      .execute();
    expect(actions).toEqual([
      {
        planId: first!.id,
        title: 'Recenser les besoins des entreprises',
        kind: 'inventory',
        email: LEAD.email,
        status: 'done',
        progress: 100,
        statusComment: null,
        startDate: '2026-02-01',
        dueDate: '2026-06-30',
        completedOn: isoToday(new Date()),
      },
      {
        planId: first!.id,
        title: 'Journée portes ouvertes des ateliers',
        kind: 'support_for_change',
        email: LEAD.email,
        status: 'blocked',
        progress: 20,
        statusComment: 'En attente de la salle',
        startDate: null,
        dueDate: null,
        completedOn: null,
      },
      {
        planId: second!.id,
        // A formula typed in a cell is text, never evaluated.
        title: '=Étude de sol',
        kind: 'tool_adaptation',
        email: null,
        status: 'in_progress',
        progress: 35,
        statusComment: null,
        // 45717: the spreadsheet's serial number of 2025-03-01.
        startDate: '2025-03-01',
        dueDate: null,
        completedOn: null,
      },
      {
        planId: second!.id,
        title: 'Inventaire des parcelles',
        kind: 'inventory',
        email: null,
        status: 'not_started',
        progress: 0,
        statusComment: null,
        startDate: null,
        dueDate: null,
        completedOn: null,
      },
    ]);
    const stages = await db
      .selectFrom('stages')
      .select(['planId', 'kind'])
      .where('planId', 'in', [first!.id, second!.id])
      .execute();
    expect(stages).toHaveLength(6);
    // One audit event per plan and per action created.
    const audit = await db
      .selectFrom('auditEvents')
      .select(['entityType', 'operation'])
      .where('id', '>', 0)
      .orderBy('id', 'desc')
      .limit((await countOf('auditEvents')) - before.audit)
      .execute();
    expect(audit.map((e) => `${e.entityType}:${e.operation}`).sort()).toEqual([
      'action:create',
      'action:create',
      'action:create',
      'action:create',
      'plan:create',
      'plan:create',
    ]);

    // The same file again creates nothing: each fiche exists now.
    const again = await preview(cookie, body);
    expect(again.applicable).toBe(false);
    for (const row of again.rows) {
      expect(row).toMatchObject({
        outcome: 'refused',
        problems: [{ column: 'Fiche action', code: 'plan_exists' }],
      });
    }
    expect((await apply(cookie, body)).written).toBe(false);
    expect(await countOf('plans')).toBe(before.plans + 2);
  });

  it('refuses each bad row with its row number, column and reason, and writes nothing', async () => {
    const cookie = await signIn(COORDINATOR.email);
    const bad: Row[] = [
      PLAN_FILE[0]!,
      { ...PLAN_FILE[1]!, 'Commentaire de statut': '' },
      {
        ...PLAN_FILE[1]!,
        'Intitulé de la fiche': 'Un autre intitulé',
        Action: '',
        Statut: 'En cours',
      },
      PLAN_FILE[0]!,
      { ...PLAN_FILE[2]!, Axe: 'Tourisme' },
      PLAN_FILE[3]!,
      {
        ...PLAN_FILE[2]!,
        'Fiche action': 'FA-IMP-3',
        Pilote: 'Personne Inconnue',
        'Avancement (%)': '135',
        Début: '01/01/2021',
        Échéance: '01/01/2020',
      },
      { ...PLAN_FILE[2]!, 'Fiche action': '', Action: 'Sans fiche' },
    ];
    const before = { plans: await countOf('plans'), actions: await countOf('actions') };
    const seen = await preview(cookie, frenchCsv(bad));
    expect(seen.applicable).toBe(false);
    const problems = seen.rows.map((r) =>
      r.outcome === 'refused' ? r.problems.map((p) => `${r.line} ${p.column}: ${p.code}`) : [],
    );
    expect(problems).toEqual([
      [],
      ['3 Commentaire de statut: justification_required'],
      ['4 Intitulé de la fiche: plan_mismatch', '4 Action: required'],
      ['5 Action: duplicate_row'],
      ['6 Axe: unknown_value'],
      ['7 Fiche action: plan_row_refused'],
      ['8 Avancement (%): out_of_range', '8 Pilote: unknown_owner', '8 Échéance: dates_order'],
      ['9 Fiche action: required'],
    ]);
    expect(await apply(cookie, frenchCsv(bad))).toMatchObject({ written: false, plans: 0 });
    expect(await countOf('plans')).toBe(before.plans);
    expect(await countOf('actions')).toBe(before.actions);
  });

  it('lets a coordinator create plans in their territory only; a lead or a member in none', async () => {
    const withTerritory = (territory: string) =>
      frenchCsv(PLAN_FILE.map((row) => ({ Territoire: territory, ...row })));
    // Another territory's coordinator, naming Nord Lorraine.
    const other = await preview(
      await signIn(OTHER_COORDINATOR.email),
      withTerritory('Nord Lorraine'),
    );
    expect(other.counts.refused).toBe(4);
    expect(other.rows[0]).toMatchObject({
      problems: [{ column: 'Territoire', code: 'territory_not_allowed' }],
    });
    for (const account of [LEAD, MEMBER]) {
      const refused = await preview(await signIn(account.email), frenchCsv(PLAN_FILE));
      expect(refused.counts.refused).toBe(4);
      expect(refused.rows[0]).toMatchObject({
        problems: [{ column: null, code: 'territory_required' }],
      });
      const named = await preview(await signIn(account.email), withTerritory('NL'));
      expect(named.rows[0]).toMatchObject({
        problems: [{ column: 'Territoire', code: 'territory_not_allowed' }],
      });
    }
    // An admin names the territory (by code or name, case aside); an unknown one is refused.
    const admin = await signIn(ADMIN.email);
    expect((await preview(admin, frenchCsv(PLAN_FILE))).counts.refused).toBe(4);
    expect((await preview(admin, withTerritory('nord lorraine'))).counts).toMatchObject({
      plans: 2,
      refused: 0,
    });
    expect((await preview(admin, withTerritory('Atlantide'))).rows[0]).toMatchObject({
      problems: [{ column: 'Territoire', code: 'unknown_territory' }],
    });
    // The import screen of a territory names it for the rows that do not.
    const nl = await db
      .selectFrom('territories')
      .select('id')
      .where('code', '=', 'NL')
      .executeTakeFirstOrThrow();
    expect(
      (await preview(admin, frenchCsv(PLAN_FILE), `?territory=${nl.id}`)).counts,
    ).toMatchObject({ plans: 2, refused: 0 });
    expect(
      (await preview(await signIn(LEAD.email), frenchCsv(PLAN_FILE), `?territory=${nl.id}`))
        .rows[0],
    ).toMatchObject({ problems: [{ column: null, code: 'territory_not_allowed' }] });
    const res = await fetch(`${base}/api/import/plans/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: frenchCsv(PLAN_FILE),
    });
    expect(res.status).toBe(401);
    const badOption = await fetch(`${base}/api/import/plans/preview?territory=NL`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/octet-stream' },
      body: frenchCsv(PLAN_FILE),
    });
    expect(badOption.status).toBe(400);
    const unknownKind = await fetch(`${base}/api/import/budgets/preview`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/octet-stream' },
      body: frenchCsv(PLAN_FILE),
    });
    expect(unknownKind.status).toBe(404);
  });

  it('offers a template in the user’s language, with lists and instructions, that imports once filled in', async () => {
    const cookie = await signIn(COORDINATOR.email);
    const res = await fetch(`${base}/api/export/plans-template.xlsx?lang=fr`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const [sheet, help] = workbook.worksheets;
    expect(sheet?.name).toBe('Fiches action');
    expect(sheet?.rowCount).toBe(1);
    const headers = (sheet!.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      'Territoire',
      'Fiche action',
      'Intitulé de la fiche',
      'Axe',
      'Priorité',
      'Description de la fiche',
      'Début de la fiche',
      'Fin de la fiche',
      'Étape',
      'Action',
      'Pilote',
      'Statut',
      'Avancement (%)',
      'Commentaire de statut',
      'Début',
      'Échéance',
    ]);
    const listOf = (header: string): unknown => {
      const letter = sheet!.getColumn(headers.indexOf(header) + 1).letter;
      const formulae: unknown[] | undefined = sheet!.getCell(`${letter}2`).dataValidation.formulae;
      return formulae?.[0];
    };
    expect(listOf('Axe')).toBe(
      '"Compétences,Innovation,Transition écologique et énergétique,Foncier"',
    );
    expect(listOf('Étape')).toBe(
      '"État des lieux,Évolution et adaptation des outils,Accompagnement au changement"',
    );
    expect(String(listOf('Statut'))).toContain('Bloqué');
    expect(listOf('Priorité')).toBe('"Haute,Moyenne,Basse"');
    expect(help?.name).toBe('Mode d’emploi');
    expect(help?.getCell('A1').text).toContain('Créer des fiches action');

    // Filled in as Excel would, then imported.
    for (const row of PLAN_FILE) sheet!.addRow(headers.map((h) => row[String(h)] ?? null));
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const seen = await preview(cookie, filled);
    expect(seen).toMatchObject({ format: 'xlsx', applicable: true });
    expect(seen.counts).toEqual({ rows: 4, plans: 2, actions: 4, refused: 0 });
    expect(seen.columns.ignored).toEqual([]);

    const german = await fetch(`${base}/api/export/plans-template.xlsx?lang=de`, {
      headers: { cookie },
    });
    const de = new ExcelJS.Workbook();
    await de.xlsx.load(await german.arrayBuffer());
    expect(de.worksheets.map((s) => s.name)).toEqual(['Maßnahmenblätter', 'Anleitung']);
  });
});

describe('the import screen’s progress', () => {
  it('streams where the import stands, line by line, then the result', async () => {
    const cookie = await signIn(COORDINATOR.email);
    const res = await fetch(`${base}/api/import/plans`, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/octet-stream',
        accept: 'application/x-ndjson',
      },
      body: frenchCsv(PLAN_FILE),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toEqual({ progress: { phase: 'checking', rows: 4 } });
    // Two plans and four actions written, one line each (fewer than the 50 lines at most).
    expect(lines.slice(1, -1)).toEqual(
      [1, 2, 3, 4, 5, 6].map((written) => ({ progress: { phase: 'writing', written, total: 6 } })),
    );
    expect(lines.at(-1)).toMatchObject({ result: { written: true, plans: 2, actions: 4 } });

    // A refused file ends with its result too, with nothing written.
    const again = await fetch(`${base}/api/import/plans`, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/octet-stream',
        accept: 'application/x-ndjson',
      },
      body: frenchCsv(PLAN_FILE),
    });
    const last = JSON.parse((await again.text()).trim().split('\n').at(-1) ?? '') as {
      result: PlanImportResult;
    };
    expect(last.result.written).toBe(false);
  });
});

describe('jalon import plans', () => {
  const jalonImport = (path: string, as: string, ...flags: string[]) =>
    jalon('import', 'plans', path, '--as', as, ...flags);

  it('shows what it would create, then creates it; a refused row stops everything', async () => {
    const path = join(dir, 'fiches.csv');
    writeFileSync(path, frenchCsv(PLAN_FILE));
    const before = await countOf('plans');
    const dry = await jalonImport(path, COORDINATOR.email, '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      'row 2: new plan FA-IMP-1 "Attirer des alternants dans les ateliers", action "Recenser les besoins des entreprises" (État des lieux)',
    );
    expect(dry.stdout).toContain('4 rows read: 2 plans and 4 actions to create, 0 rows refused');
    expect(dry.stdout).toContain(
      'Dry run: nothing was written (2 plans and 4 actions would be created)',
    );
    expect(await countOf('plans')).toBe(before);

    const badPath = join(dir, 'fiches-erreur.csv');
    writeFileSync(badPath, frenchCsv([PLAN_FILE[0]!, { ...PLAN_FILE[1]!, Étape: 'Étape 4' }]));
    const bad = await jalonImport(badPath, COORDINATOR.email);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('row 3: REFUSED, plan FA-IMP-1: Étape: not one of the list');
    expect(await countOf('plans')).toBe(before);

    // An admin coordinates no territory: the file's rows need one, named on the command line.
    const admin = await jalonImport(path, ADMIN.email, '--dry-run');
    expect(admin.code).toBe(1);
    expect(admin.stdout).toContain('row 2: REFUSED, plan FA-IMP-1: which territory?');
    expect((await jalonImport(path, ADMIN.email, '--dry-run', '--territory', 'NL')).code).toBe(0);
    expect((await jalonImport(path, ADMIN.email, '--territory', 'Atlantide')).stderr).toContain(
      'No territory with the code or name Atlantide',
    );

    const run = await jalonImport(path, COORDINATOR.email);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Imported: 2 plans and 4 actions created');
    expect(await countOf('plans')).toBe(before + 2);
  });
});
