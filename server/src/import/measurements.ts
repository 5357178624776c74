import {
  findIndicator,
  listIndicatorKeys,
  listMeasurementDays,
  type Indicator,
  type IndicatorKey,
} from '@jalon/db';
import {
  can,
  checkMeasurementDate,
  foldHeader,
  isoToday,
  readDate,
  readNumber,
  readText,
  type CellValue,
  type Locale,
  type measurementCreateInput,
} from '@jalon/shared';
import type { z } from 'zod';
import type { AuthedContext } from '../trpc';
import { notFound } from '../errors';
import { EXPORT_HEADERS } from '../exports/headers';
import { PLAN_TABLE_HEADERS } from '../exports/planTables';
import { recordMeasurement } from '../services/measurement';
import { fileColumns, headersIndex, RowReader } from './columns';
import type { OnProgress, RowProblem } from './problems';
import type { ImportTable } from './readTable';
import { importTerritories, territoryScope, type TerritoryOptions } from './territories';
import { writeInOneTransaction } from './transaction';

// Measurements of a territory's indicators, from the spreadsheet where they are kept: one row per
// measurement, naming its indicator (its name, and its fiche action's code unless it is the
// territory's own) and giving its date and value. Recorded under the same rules as the screens
// (who may record, on or after the baseline date, not in the future, a live indicator of a live
// plan). A measurement already recorded on that day with the same value is left as it is, so the
// whole history can be imported again each month; with another value the row is refused: a
// correction is made on the indicator's page, where its audit says who changed what.

export const MEASUREMENT_FIELDS = [
  'territory',
  'planCode',
  'indicator',
  'date',
  'value',
  'source',
  'comment',
] as const;
export type MeasurementField = (typeof MEASUREMENT_FIELDS)[number];
type Column = MeasurementField;

/** The file's column names in `locale` (the template's; every language is read). */
export const measurementHeaders = (locale: Locale): Record<Column, string> => ({
  territory: EXPORT_HEADERS[locale].plans.territory,
  planCode: EXPORT_HEADERS[locale].plans.planCode,
  indicator: PLAN_TABLE_HEADERS[locale].indicators.name,
  date: PLAN_TABLE_HEADERS[locale].measurements.date,
  value: PLAN_TABLE_HEADERS[locale].measurements.value,
  source: PLAN_TABLE_HEADERS[locale].measurements.source,
  comment: PLAN_TABLE_HEADERS[locale].measurements.comment,
});
const HEADERS = headersIndex<Column>(MEASUREMENT_FIELDS, measurementHeaders);

/** The bounds of a measured value (the screens' `measure`). */
const VALUE_LIMIT = 1e12;

export type MeasurementRowOutcome =
  | {
      line: number;
      outcome: 'create' | 'unchanged';
      indicator: string;
      planCode: string | null;
      measuredOn: string;
      value: number;
    }
  | {
      line: number;
      outcome: 'refused';
      indicator: string | null;
      planCode: string | null;
      problems: RowProblem[];
    };

export interface MeasurementImportPreview {
  kind: 'measurements';
  format: ImportTable['format'];
  columns: { read: Partial<Record<Column, string>>; ignored: string[] };
  rows: MeasurementRowOutcome[];
  counts: { rows: number; create: number; unchanged: number; refused: number };
  /** True when the file can be written as it is: at least one row, none refused. */
  applicable: boolean;
}

/** A measurement as the measurement form records it. */
type PlannedMeasurement = z.output<typeof measurementCreateInput>;

async function planImport(ctx: AuthedContext, table: ImportTable, options: TerritoryOptions) {
  const columns = fileColumns(table, HEADERS);
  const territories = await importTerritories(ctx, table, columns, options);
  const indicators = new Map<string, IndicatorKey>();
  const keyOf = (territoryId: number, planCode: string | null, name: string) =>
    `${territoryId}:${foldHeader(planCode ?? '')}:${foldHeader(name)}`;
  for (const i of await listIndicatorKeys(ctx.db, territories.named)) {
    // A live indicator wins over an archived one of the same name.
    const key = keyOf(i.territoryId, i.planCode, i.name);
    if (!indicators.has(key) || indicators.get(key)?.archivedAt !== null) indicators.set(key, i);
  }
  const recorded = new Map<string, number>();
  for (const m of await listMeasurementDays(
    ctx.db,
    [...indicators.values()].map((i) => i.id),
  )) {
    recorded.set(`${m.indicatorId}:${m.measuredOn}`, m.value);
  }
  const today = isoToday(ctx.now());
  const seen = new Set<string>();
  const planned: PlannedMeasurement[] = [];
  const rows: MeasurementRowOutcome[] = [];

  for (const row of table.rows) {
    const r = new RowReader<Column>(columns, row);
    const territory = territories.of(r, 'read');
    const planCode = r.read('planCode', (cell: CellValue) => readText(cell, 20)) ?? null;
    const name = r.read('indicator', (cell: CellValue) => readText(cell, 200)) ?? null;
    const measuredOn = r.read('date', readDate);
    const value = r.read('value', (cell: CellValue) => readNumber(cell, -VALUE_LIMIT, VALUE_LIMIT));
    const source = r.read('source', (cell: CellValue) => readText(cell, 300));
    const comment = r.read('comment', (cell: CellValue) => readText(cell, 2000));
    if (name === null) r.refuse('indicator', 'required');
    if (measuredOn === null) r.refuse('date', 'required');
    if (value === null) r.refuse('value', 'required');

    let indicator: IndicatorKey | undefined;
    if (territory && name !== null) {
      indicator = indicators.get(keyOf(territory.id, planCode, name));
      const scope = territoryScope(territory, indicator?.planId ?? null);
      const allowed =
        indicator !== undefined &&
        (indicator.planId === null
          ? can(ctx.user, 'manage', scope)
          : can(ctx.user, 'update_plan_work', scope));
      if (!indicator || !can(ctx.user, 'read', scope)) {
        r.refuse('indicator', 'unknown_indicator');
        indicator = undefined;
      } else if (!allowed) {
        r.refuse('indicator', 'not_allowed');
        indicator = undefined;
      } else if (indicator.archivedAt !== null || indicator.planArchivedAt !== null) {
        r.refuse('indicator', 'archived');
        indicator = undefined;
      }
    }
    let outcome: 'create' | 'unchanged' = 'create';
    if (indicator && measuredOn && value !== null && value !== undefined) {
      const day = `${indicator.id}:${measuredOn}`;
      if (measuredOn < indicator.baselineDate) r.refuse('date', 'before_baseline');
      if (!checkMeasurementDate(measuredOn, today).ok) r.refuse('date', 'in_future');
      if (seen.has(day)) r.refuse('date', 'duplicate_row');
      seen.add(day);
      const already = recorded.get(day);
      if (already !== undefined) {
        if (already === value) outcome = 'unchanged';
        else r.refuse('value', 'measurement_exists');
      }
    }

    if (
      r.problems.length > 0 ||
      !indicator ||
      !measuredOn ||
      value === null ||
      value === undefined
    ) {
      rows.push({
        line: row.line,
        outcome: 'refused',
        indicator: name,
        planCode,
        problems: r.problems,
      });
      continue;
    }
    rows.push({ line: row.line, outcome, indicator: indicator.name, planCode, measuredOn, value });
    if (outcome === 'create') {
      planned.push({
        indicatorId: indicator.id,
        measuredOn,
        value,
        source: source ?? '',
        comment: comment ?? '',
      });
    }
  }

  const counts = { rows: rows.length, create: 0, unchanged: 0, refused: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  const preview: MeasurementImportPreview = {
    kind: 'measurements',
    format: table.format,
    columns: { read: columns.read, ignored: columns.ignored },
    rows,
    counts,
    applicable: counts.refused === 0 && counts.rows > 0,
  };
  return { preview, planned };
}

/** The preview of importing `table` as `ctx.user`: nothing is written. */
export async function previewMeasurementImport(
  ctx: AuthedContext,
  table: ImportTable,
  options: TerritoryOptions = {},
): Promise<MeasurementImportPreview> {
  return (await planImport(ctx, table, options)).preview;
}

export interface MeasurementImportResult {
  preview: MeasurementImportPreview;
  written: boolean;
  /** Measurements recorded. */
  created: number;
}

/** Imports `table`: each measurement recorded through the measurement service, all or nothing. */
export async function applyMeasurementImport(
  ctx: AuthedContext,
  table: ImportTable,
  options: TerritoryOptions = {},
  onProgress?: OnProgress,
): Promise<MeasurementImportResult> {
  const indicators = new Map<number, Indicator>();
  const { preview, written, count } = await writeInOneTransaction(
    ctx,
    (inTransaction) => planImport(inTransaction, table, options),
    async (w, measurement) => {
      let indicator = indicators.get(measurement.indicatorId);
      if (!indicator) {
        indicator = await findIndicator(w.trx, measurement.indicatorId);
        if (!indicator) throw notFound('indicator', measurement.indicatorId);
        indicators.set(indicator.id, indicator);
      }
      await recordMeasurement(w, indicator, measurement);
    },
    onProgress,
  );
  return { preview, written, created: count };
}
