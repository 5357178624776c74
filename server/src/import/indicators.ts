import { listIndicatorKeys, listLivePlanCodes } from '@jalon/db';
import {
  foldHeader,
  isDirectionConsistent,
  readDate,
  readIndicatorDirection,
  readIndicatorKind,
  readNumber,
  readText,
  type CellValue,
  type indicatorCreateInput,
  type Locale,
} from '@jalon/shared';
import type { z } from 'zod';
import type { AuthedContext } from '../trpc';
import { EXPORT_HEADERS } from '../exports/headers';
import { PLAN_TABLE_HEADERS } from '../exports/planTables';
import { createIndicator } from '../services/indicator';
import { fileColumns, headersIndex, RowReader } from './columns';
import type { OnProgress, RowProblem } from './problems';
import type { ImportTable } from './readTable';
import { importTerritories, type TerritoryOptions } from './territories';
import { writeInOneTransaction } from './transaction';

// A territory's indicators, from the spreadsheet that defines them: one row per indicator, with
// its fiche action's code (empty for the territory's own indicators), name, kind, unit,
// direction, baseline and target. Created under the rules of the indicator form (coordinators of
// the territory; the target above the baseline when rising, below when falling; the target date
// after the baseline date). An indicator whose name is already used there is refused, so a file
// imported twice creates nothing twice. Their measurements then come with the measurements import.

export const INDICATOR_FIELDS = [
  'territory',
  'planCode',
  'name',
  'kind',
  'unit',
  'direction',
  'baselineValue',
  'baselineDate',
  'baselineSource',
  'targetValue',
  'targetDate',
] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];
type Column = IndicatorField;

/** The file's column names in `locale` (the template's; every language is read). */
export function indicatorHeaders(locale: Locale): Record<Column, string> {
  const words = PLAN_TABLE_HEADERS[locale].indicators;
  return {
    territory: EXPORT_HEADERS[locale].plans.territory,
    planCode: EXPORT_HEADERS[locale].plans.planCode,
    baselineSource: EXPORT_HEADERS[locale].plans.baselineSource,
    name: words.name,
    kind: words.kind,
    unit: words.unit,
    direction: words.direction,
    baselineValue: words.baselineValue,
    baselineDate: words.baselineDate,
    targetValue: words.targetValue,
    targetDate: words.targetDate,
  };
}
const HEADERS = headersIndex<Column>(INDICATOR_FIELDS, indicatorHeaders);

/** The bounds of a baseline or target (the screens' `measure`). */
const VALUE_LIMIT = 1e12;

export type IndicatorRowOutcome =
  | { line: number; outcome: 'create'; name: string; planCode: string | null; unit: string }
  | {
      line: number;
      outcome: 'refused';
      name: string | null;
      planCode: string | null;
      problems: RowProblem[];
    };

export interface IndicatorImportPreview {
  kind: 'indicators';
  format: ImportTable['format'];
  columns: { read: Partial<Record<Column, string>>; ignored: string[] };
  rows: IndicatorRowOutcome[];
  counts: { rows: number; create: number; refused: number };
  applicable: boolean;
}

/** An indicator as the indicator form creates it. */
type PlannedIndicator = z.output<typeof indicatorCreateInput>;

const text = (max: number) => (cell: CellValue) => readText(cell, max);
const value = (cell: CellValue) => readNumber(cell, -VALUE_LIMIT, VALUE_LIMIT);

async function planImport(ctx: AuthedContext, table: ImportTable, options: TerritoryOptions) {
  const columns = fileColumns(table, HEADERS);
  const territories = await importTerritories(ctx, table, columns, options);
  // Where names are taken: "territory:plan code:name" for every live indicator.
  const taken = new Set<string>();
  const place = (territoryId: number, planCode: string | null, name: string) =>
    `${territoryId}:${foldHeader(planCode ?? '')}:${foldHeader(name)}`;
  for (const i of await listIndicatorKeys(ctx.db, territories.named)) {
    if (i.archivedAt === null) taken.add(place(i.territoryId, i.planCode, i.name));
  }
  const plansOf = new Map<number, Map<string, number>>();
  const planIdOf = async (territoryId: number, code: string) => {
    let plans = plansOf.get(territoryId);
    if (!plans) {
      const live = await listLivePlanCodes(ctx.db, territoryId);
      plans = new Map(live.map((p) => [foldHeader(p.code), p.id]));
      plansOf.set(territoryId, plans);
    }
    return plans.get(foldHeader(code));
  };
  const inFile = new Set<string>();
  const planned: PlannedIndicator[] = [];
  const rows: IndicatorRowOutcome[] = [];

  for (const row of table.rows) {
    const r = new RowReader<Column>(columns, row);
    const territory = territories.of(r, 'manage');
    const planCode = r.read('planCode', text(20)) ?? null;
    const name = r.read('name', text(200)) ?? null;
    const unit = r.read('unit', text(40)) ?? null;
    const kind = r.read('kind', readIndicatorKind) ?? null;
    const direction = r.read('direction', readIndicatorDirection) ?? null;
    const baselineValue = r.read('baselineValue', value) ?? null;
    const baselineDate = r.read('baselineDate', readDate) ?? null;
    const baselineSource = r.read('baselineSource', text(300)) ?? null;
    const targetValue = r.read('targetValue', value) ?? null;
    const targetDate = r.read('targetDate', readDate) ?? null;
    const required: [Column, unknown][] = [
      ['name', name],
      ['kind', kind],
      ['unit', unit],
      ['direction', direction],
      ['baselineValue', baselineValue],
      ['baselineDate', baselineDate],
      ['targetValue', targetValue],
      ['targetDate', targetDate],
    ];
    for (const [field, given] of required) {
      if (given === null && !r.problems.some((p) => p.column === columns.headerOf(field))) {
        r.refuse(field, 'required');
      }
    }
    let planId: number | null = null;
    if (territory && planCode !== null) {
      planId = (await planIdOf(territory.id, planCode)) ?? null;
      if (planId === null) r.refuse('planCode', 'unknown_plan');
    }
    if (direction && baselineValue !== null && targetValue !== null) {
      if (!isDirectionConsistent({ direction, baselineValue, targetValue })) {
        r.refuse('targetValue', 'direction_mismatch');
      }
    }
    if (baselineDate && targetDate && baselineDate >= targetDate) {
      r.refuse('targetDate', 'dates_order');
    }
    if (territory && name !== null) {
      const where = place(territory.id, planCode, name);
      if (inFile.has(where)) r.refuse('name', 'duplicate_row');
      else if (taken.has(where)) r.refuse('name', 'indicator_exists');
      inFile.add(where);
    }

    if (
      r.problems.length > 0 ||
      !territory ||
      name === null ||
      unit === null ||
      kind === null ||
      direction === null ||
      baselineValue === null ||
      baselineDate === null ||
      targetValue === null ||
      targetDate === null
    ) {
      rows.push({ line: row.line, outcome: 'refused', name, planCode, problems: r.problems });
      continue;
    }
    planned.push({
      planId,
      territoryId: planId === null ? territory.id : null,
      name,
      unit,
      kind,
      direction,
      baselineValue,
      baselineDate,
      baselineSource: baselineSource ?? '',
      targetValue,
      targetDate,
    });
    rows.push({ line: row.line, outcome: 'create', name, planCode, unit });
  }

  const counts = {
    rows: rows.length,
    create: planned.length,
    refused: rows.length - planned.length,
  };
  const preview: IndicatorImportPreview = {
    kind: 'indicators',
    format: table.format,
    columns: { read: columns.read, ignored: columns.ignored },
    rows,
    counts,
    applicable: counts.refused === 0 && counts.rows > 0,
  };
  return { preview, planned };
}

/** The preview of importing `table` as `ctx.user`: nothing is written. */
export async function previewIndicatorImport(
  ctx: AuthedContext,
  table: ImportTable,
  options: TerritoryOptions = {},
): Promise<IndicatorImportPreview> {
  return (await planImport(ctx, table, options)).preview;
}

export interface IndicatorImportResult {
  preview: IndicatorImportPreview;
  written: boolean;
  /** Indicators created. */
  created: number;
}

/** Imports `table`: each indicator created through the indicator service, all or nothing. */
export async function applyIndicatorImport(
  ctx: AuthedContext,
  table: ImportTable,
  options: TerritoryOptions = {},
  onProgress?: OnProgress,
): Promise<IndicatorImportResult> {
  const { preview, written, count } = await writeInOneTransaction(
    ctx,
    (inTransaction) => planImport(inTransaction, table, options),
    async (w, indicator) => {
      await createIndicator(w, indicator);
    },
    onProgress,
  );
  return { preview, written, created: count };
}
