import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Db } from '@jalon/db';
import { isoToday } from '@jalon/shared';
import type { IndicatorImportPreview, IndicatorImportResult } from '../src/import/indicators';
import type { MeasurementImportPreview, MeasurementImportResult } from '../src/import/measurements';
import { DEMO_PEOPLE, frenchCsv, serveDemoEachTest, type Row } from './support/demoApp';

// Issue 12: a coordinator brings the territory's indicators and their measurements in from the
// spreadsheets where they are kept, on the demo database (a file shared by the app and the CLI).

const {
  coordinator: COORDINATOR,
  member: MEMBER,
  otherCoordinator: OTHER_COORDINATOR,
} = DEMO_PEOPLE;
const today = isoToday(new Date());

let dir: string;
let db: Db;
let base: string;
const { signIn, jalon } = serveDemoEachTest('jalon-import-indicators-', (app) => {
  ({ dir, db, base } = app);
});

async function post<T>(kind: string, path: string, cookie: string, body: Buffer): Promise<T> {
  const res = await fetch(`${base}/api/import/${kind}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/octet-stream' },
    body,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/** A live plan of Nord Lorraine, and the plan indicator the demo gives it with its latest measurement. */
async function nordLorraineIndicator() {
  const row = await db
    .selectFrom('indicators as i')
    .innerJoin('plans as p', 'p.id', 'i.planId')
    .innerJoin('planTerritories as pt', 'pt.planId', 'p.id')
    .innerJoin('territories as t', 't.id', 'pt.territoryId')
    .innerJoin('measurements as m', 'm.indicatorId', 'i.id')
    .select(['i.id', 'i.name', 'i.baselineDate', 'p.code as planCode', 'm.measuredOn', 'm.value'])
    .where('t.code', '=', 'NL')
    .where('i.archivedAt', 'is', null)
    .where('p.archivedAt', 'is', null)
    .orderBy('m.measuredOn', 'desc')
    .executeTakeFirstOrThrow();
  return row;
}

const measurementsOf = (indicatorId: number) =>
  db
    .selectFrom('measurements')
    .select(['measuredOn', 'value', 'source', 'comment'])
    .where('indicatorId', '=', indicatorId)
    .orderBy('measuredOn')
    .execute();

describe('import of indicators', () => {
  it('creates a plan’s indicator and a territory’s own, audited, and refuses them a second time', async () => {
    const cookie = await signIn(COORDINATOR.email);
    const { planCode } = await nordLorraineIndicator();
    const rows: Row[] = [
      {
        'Fiche action': planCode,
        Indicateur: 'Alternants accueillis dans les ateliers',
        Type: 'Réalisation',
        Unité: 'alternants',
        Sens: 'À la hausse',
        'Valeur de référence': '12',
        'Date de référence': '01/01/2025',
        'Source de la référence': 'Enquête CCI',
        Cible: '40',
        'Échéance de la cible': '31/12/2027',
      },
      {
        'Fiche action': '',
        Indicateur: 'Friches industrielles à requalifier',
        Type: 'impact',
        Unité: 'ha',
        Sens: 'à la baisse',
        'Valeur de référence': '85,5',
        'Date de référence': '2024-06-30',
        'Source de la référence': '',
        Cible: '60',
        'Échéance de la cible': '2027-12-31',
      },
    ];
    const seen = await post<IndicatorImportPreview>(
      'indicators',
      '/preview',
      cookie,
      frenchCsv(rows),
    );
    expect(seen.counts).toEqual({ rows: 2, create: 2, refused: 0 });
    const done = await post<IndicatorImportResult>('indicators', '', cookie, frenchCsv(rows));
    expect(done).toMatchObject({ written: true, created: 2 });
    const created = await db
      .selectFrom('indicators as i')
      .leftJoin('plans as p', 'p.id', 'i.planId')
      .leftJoin('territories as t', 't.id', 'i.territoryId')
      .select([
        'p.code as planCode',
        't.code as territoryCode',
        'i.name',
        'i.kind',
        'i.unit',
        'i.direction',
        'i.baselineValue',
        'i.baselineDate',
        'i.baselineSource',
        'i.targetValue',
        'i.targetDate',
      ])
      .where(
        'i.name',
        'in',
        rows.map((r) => r.Indicateur!),
      )
      .orderBy('i.id')
      .execute();
    expect(created).toEqual([
      {
        planCode,
        territoryCode: null,
        name: 'Alternants accueillis dans les ateliers',
        kind: 'output',
        unit: 'alternants',
        direction: 'increase',
        baselineValue: 12,
        baselineDate: '2025-01-01',
        baselineSource: 'Enquête CCI',
        targetValue: 40,
        targetDate: '2027-12-31',
      },
      {
        planCode: null,
        territoryCode: 'NL',
        name: 'Friches industrielles à requalifier',
        kind: 'impact',
        unit: 'ha',
        direction: 'decrease',
        baselineValue: 85.5,
        baselineDate: '2024-06-30',
        baselineSource: '',
        targetValue: 60,
        targetDate: '2027-12-31',
      },
    ]);
    const audited = await db
      .selectFrom('auditEvents')
      .select('entityType')
      .where('entityType', '=', 'indicator')
      .where('operation', '=', 'create')
      .where('occurredAt', '>=', new Date(Date.now() - 60_000).toISOString())
      .execute();
    expect(audited).toHaveLength(2);

    const again = await post<IndicatorImportPreview>(
      'indicators',
      '/preview',
      cookie,
      frenchCsv(rows),
    );
    expect(again.rows.map((r) => r.outcome === 'refused' && r.problems)).toEqual([
      [{ column: 'Indicateur', code: 'indicator_exists' }],
      [{ column: 'Indicateur', code: 'indicator_exists' }],
    ]);
  });

  it('refuses bad definitions with the column, and lets only the territory’s coordinators create', async () => {
    const { planCode } = await nordLorraineIndicator();
    const good: Row = {
      'Fiche action': planCode,
      Indicateur: 'Entreprises accompagnées',
      Type: 'Résultat',
      Unité: 'entreprises',
      Sens: 'À la hausse',
      'Valeur de référence': '5',
      'Date de référence': '01/01/2025',
      Cible: '25',
      'Échéance de la cible': '31/12/2027',
    };
    const bad: Row[] = [
      { ...good, 'Fiche action': 'FA-99' },
      { ...good, Indicateur: 'Sens contraire', Cible: '2' },
      { ...good, Indicateur: 'Dates inversées', 'Échéance de la cible': '01/01/2024' },
      { ...good, Indicateur: 'Type inconnu', Type: 'Ressenti', Unité: '' },
      good,
      good,
    ];
    const cookie = await signIn(COORDINATOR.email);
    const seen = await post<IndicatorImportPreview>(
      'indicators',
      '/preview',
      cookie,
      frenchCsv(bad),
    );
    expect(seen.applicable).toBe(false);
    expect(
      seen.rows.map((r) =>
        r.outcome === 'refused' ? r.problems.map((p) => `${p.column}: ${p.code}`) : [],
      ),
    ).toEqual([
      ['Fiche action: unknown_plan'],
      ['Cible: direction_mismatch'],
      ['Échéance de la cible: dates_order'],
      ['Type: unknown_value', 'Unité: required'],
      [],
      ['Indicateur: duplicate_row'],
    ]);
    for (const account of [MEMBER, OTHER_COORDINATOR]) {
      const other = await post<IndicatorImportPreview>(
        'indicators',
        '/preview',
        await signIn(account.email),
        frenchCsv([{ Territoire: 'Nord Lorraine', ...good }]),
      );
      expect(other.rows[0]).toMatchObject({
        outcome: 'refused',
        problems: [{ column: 'Territoire', code: 'territory_not_allowed' }],
      });
    }
  });
});

describe('import of measurements', () => {
  it('records new measurements, leaves those already there, and refuses what breaks the rules', async () => {
    const indicator = await nordLorraineIndicator();
    const before = await measurementsOf(indicator.id);
    const row = (date: string, value: string, extra: Row = {}): Row => ({
      'Fiche action': indicator.planCode,
      Indicateur: indicator.name.toUpperCase(),
      Date: date,
      Valeur: value,
      Source: '',
      Commentaire: '',
      ...extra,
    });
    const [y, m, d] = indicator.measuredOn.split('-');
    const ok: Row[] = [
      row(`${d}/${m}/${y}`, String(indicator.value).replace('.', ',')),
      row(today, '1 234,5', { Source: 'Observatoire régional' }),
    ];
    const cookie = await signIn(COORDINATOR.email);
    const seen = await post<MeasurementImportPreview>(
      'measurements',
      '/preview',
      cookie,
      frenchCsv(ok),
    );
    expect(seen.counts).toEqual({ rows: 2, create: 1, unchanged: 1, refused: 0 });
    expect(seen.applicable).toBe(true);
    const done = await post<MeasurementImportResult>('measurements', '', cookie, frenchCsv(ok));
    expect(done).toMatchObject({ written: true, created: 1 });
    expect(await measurementsOf(indicator.id)).toEqual(
      [
        ...before,
        { measuredOn: today, value: 1234.5, source: 'Observatoire régional', comment: '' },
      ].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn)),
    );

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const bad: Row[] = [
      row(indicator.measuredOn, String(indicator.value + 1)),
      row('01/01/2018', '3'),
      row(tomorrow, '3'),
      { ...row('2026-01-15', '3'), Indicateur: 'Indicateur inconnu' },
      row('2026-01-15', 'beaucoup'),
    ];
    const refused = await post<MeasurementImportPreview>(
      'measurements',
      '/preview',
      cookie,
      frenchCsv(bad),
    );
    expect(
      refused.rows.map((r) =>
        r.outcome === 'refused' ? r.problems.map((p) => `${p.column}: ${p.code}`) : [],
      ),
    ).toEqual([
      ['Valeur: measurement_exists'],
      ['Date: before_baseline'],
      ['Date: in_future'],
      ['Indicateur: unknown_indicator'],
      ['Valeur: not_a_number'],
    ]);
    expect(
      (await post<MeasurementImportResult>('measurements', '', cookie, frenchCsv(bad))).written,
    ).toBe(false);

    // A committee member reads the indicator but records nothing; another territory sees none.
    const member = await post<MeasurementImportPreview>(
      'measurements',
      '/preview',
      await signIn(MEMBER.email),
      frenchCsv([{ Territoire: 'NL', ...row('2026-01-15', '3') }]),
    );
    expect(member.rows[0]).toMatchObject({
      problems: [{ column: 'Indicateur', code: 'not_allowed' }],
    });
    const other = await post<MeasurementImportPreview>(
      'measurements',
      '/preview',
      await signIn(OTHER_COORDINATOR.email),
      frenchCsv([{ Territoire: 'NL', ...row('2026-01-15', '3') }]),
    );
    expect(other.rows[0]).toMatchObject({
      problems: [{ column: 'Indicateur', code: 'unknown_indicator' }],
    });
  });

  it('imports from the CLI and from the template, whose lists come in the user’s language', async () => {
    const indicator = await nordLorraineIndicator();
    const path = join(dir, 'mesures.csv');
    writeFileSync(
      path,
      frenchCsv([
        {
          'Fiche action': indicator.planCode,
          Indicateur: indicator.name,
          Date: today,
          Valeur: '7',
        },
      ]),
    );
    const run = await jalon('import', 'measurements', path, '--as', COORDINATOR.email);
    expect(run.stdout).toContain(
      '1 rows read: 1 measurements to record, 0 already recorded, 0 refused',
    );
    expect(run.stdout).toContain('Imported: 1 measurements recorded');
    expect(run.code).toBe(0);

    const res = await fetch(`${base}/api/export/indicators-template.xlsx?lang=en`, {
      headers: { cookie: await signIn(COORDINATOR.email) },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('Indicators')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toContain('Baseline source');
    const kindColumn = sheet.getColumn(headers.indexOf('Kind') + 1).letter;
    const formulae: unknown[] | undefined = sheet.getCell(`${kindColumn}2`).dataValidation.formulae;
    expect(formulae?.[0]).toBe('"Output,Outcome,Impact"');
    expect(sheet.getCell(`${kindColumn}2`).dataValidation.showErrorMessage).toBe(true);
    // Units are suggested, not imposed: any other unit may be typed.
    const unit = sheet.getCell(`${sheet.getColumn(headers.indexOf('Unit') + 1).letter}2`);
    expect(unit.dataValidation.formulae?.[0]).toBe('"jobs,firms,people,ha,%,€,MWh,t CO2e"');
    expect(unit.dataValidation.showErrorMessage).toBeFalsy();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Indicators', 'Instructions']);
  });
});
