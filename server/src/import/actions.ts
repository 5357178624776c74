import { TRPCError } from '@trpc/server';
import {
  archivedPlanIds,
  findActionsByIds,
  inTransaction,
  type Action,
  type Scope,
} from '@jalon/db';
import {
  applyStatusChange,
  can,
  isoToday,
  readActionStatus,
  readDate,
  readInteger,
  readText,
  type ActionStatus,
  type CellReading,
  type CellValue,
} from '@jalon/shared';
import { scopeOf } from '@jalon/db';
import type { AuthedContext } from '../trpc';
import { EXPORT_HEADERS } from '../exports/headers';
import { setActionStatus, updateAction } from '../services/action';
import type { Write } from '../services/write';
import { fileColumns, headersIndex } from './columns';
import type { OnProgress, RowProblem } from './problems';
import type { ImportTable } from './readTable';

export type { RowProblem, RowProblemCode } from './problems';

// Bulk updates of actions by round trip: the actions export (CSV or XLSX) carries each action's
// `id` and `version`; a lead or coordinator changes statuses, progress, comments, titles or dates
// in a spreadsheet and imports the file. The preview says, row by row, what would change (old →
// new), what is unchanged, what is refused and why (row and column), and which rows conflict
// (the action changed since the export). The import then writes all of it in one transaction,
// through the same services as the screens, or nothing: a file with a refused or conflicting
// row writes nothing until it is fixed (or the row removed).

/** The columns the import reads; any other column (plan, stage, owner…) is ignored. */
export const ACTION_IMPORT_FIELDS = [
  'status',
  'progress',
  'statusComment',
  'title',
  'startDate',
  'dueDate',
] as const;
export type ActionImportField = (typeof ACTION_IMPORT_FIELDS)[number];

/** The identifying columns, written alike in every language by the export. */
export const ID_HEADER = 'id';
export const VERSION_HEADER = 'version';

type Value = string | number | null;

export interface FieldChange {
  field: ActionImportField;
  column: string;
  before: Value;
  after: Value;
}

export type ActionRowOutcome =
  | { line: number; outcome: 'change'; actionId: number; title: string; changes: FieldChange[] }
  | { line: number; outcome: 'unchanged'; actionId: number; title: string }
  | {
      line: number;
      outcome: 'conflict';
      actionId: number;
      title: string;
      fileVersion: number;
      currentVersion: number;
    }
  | {
      line: number;
      outcome: 'refused';
      actionId: number | null;
      /** The action's title when the caller may update it (never another plan's title). */
      title: string | null;
      problems: RowProblem[];
    };

export interface ImportCounts {
  rows: number;
  change: number;
  unchanged: number;
  conflict: number;
  refused: number;
}

export interface ActionImportPreview {
  kind: 'actions';
  format: ImportTable['format'];
  /** The file's columns the import reads, by field, and those it ignores. */
  columns: {
    read: Partial<Record<Column, string>>;
    ignored: string[];
  };
  rows: ActionRowOutcome[];
  counts: ImportCounts;
  /** True when the file can be written as it is: no refused or conflicting row. */
  applicable: boolean;
}

type Column = ActionImportField | 'id' | 'version';

// Every header that names a field, in every language, accents and case aside.
const HEADERS = headersIndex<Column>(
  ACTION_IMPORT_FIELDS,
  (locale) => EXPORT_HEADERS[locale].actions,
  { [ID_HEADER]: 'id', [VERSION_HEADER]: 'version' },
);

interface ParsedRow {
  line: number;
  id: number | null;
  version: number | null;
  values: Partial<Record<ActionImportField, Value>>;
  problems: RowProblem[];
}

const TEXT_LIMITS = { title: 300, statusComment: 2000 } as const;

function readField(field: ActionImportField, cell: CellValue): CellReading<Value> {
  switch (field) {
    case 'status':
      return readActionStatus(cell);
    case 'progress':
      return readInteger(cell, 0, 100);
    case 'statusComment':
    case 'title':
      return readText(cell, TEXT_LIMITS[field]);
    case 'startDate':
    case 'dueDate':
      return readDate(cell);
  }
}

function parseRows(table: ImportTable) {
  const columns = fileColumns(table, HEADERS);
  const headerOf = columns.headerOf;
  const rows = table.rows.map((row): ParsedRow => {
    const problems: RowProblem[] = [];
    const cell = (field: Column) => columns.cell(row, field);
    const identifier = (field: 'id' | 'version') => {
      const value = cell(field);
      if (value === undefined) return null;
      const reading = readInteger(value, 1, 2_147_483_647);
      if (!reading.ok) problems.push({ column: headerOf(field), code: reading.problem });
      else if (reading.value === null) problems.push({ column: headerOf(field), code: 'required' });
      return reading.ok ? reading.value : null;
    };
    const id = identifier('id');
    const version = identifier('version');
    const values: ParsedRow['values'] = {};
    for (const field of ACTION_IMPORT_FIELDS) {
      const value = cell(field);
      if (value === undefined) continue;
      const reading = readField(field, value);
      if (!reading.ok) problems.push({ column: headerOf(field), code: reading.problem });
      else values[field] = reading.value;
    }
    if (values.title === null) problems.push({ column: headerOf('title'), code: 'required' });
    return { line: row.line, id, version, values, problems };
  });
  return {
    rows,
    read: columns.read,
    ignored: columns.ignored,
    headerOf,
    hasIds: columns.has('id') && columns.has('version'),
  };
}

/** What one row asks for, checked against the action as it is now; no write. */
interface PlannedRow {
  outcome: ActionRowOutcome;
  status?: { status: ActionStatus; progress: number; comment: string | undefined };
  update?: { title?: string; startDate?: string | null; dueDate?: string | null };
  scope?: Scope;
  /** The action's version, the one the file carries. */
  version?: number;
}

function planRow(
  row: ParsedRow,
  action: Action | undefined,
  scope: Scope | null,
  allowed: boolean,
  planArchived: boolean,
  today: string,
  headerOf: (field: ActionImportField) => string,
): PlannedRow {
  const refused = (problems: RowProblem[]): PlannedRow => ({
    outcome: {
      line: row.line,
      outcome: 'refused',
      actionId: row.id,
      title: allowed && action ? action.title : null,
      problems,
    },
  });
  if (row.problems.length > 0) return refused(row.problems);
  if (row.id === null || row.version === null) {
    return refused([{ column: null, code: 'missing_id' }]);
  }
  if (!action || !scope) return refused([{ column: ID_HEADER, code: 'unknown_action' }]);
  if (!allowed) return refused([{ column: ID_HEADER, code: 'not_allowed' }]);
  if (action.archivedAt !== null || planArchived) {
    return refused([{ column: ID_HEADER, code: 'archived' }]);
  }
  if (action.version !== row.version) {
    return {
      outcome: {
        line: row.line,
        outcome: 'conflict',
        actionId: action.id,
        title: action.title,
        fileVersion: row.version,
        currentVersion: action.version,
      },
    };
  }

  const v = row.values;
  const changes: FieldChange[] = [];
  const change = (field: ActionImportField, before: Value, after: Value) => {
    if (before !== after) changes.push({ field, column: headerOf(field), before, after });
  };
  const planned: PlannedRow = { outcome: refused([]).outcome, scope, version: action.version };

  // Status, progress and comment move together, under the rules of a status change.
  const status = (v.status as ActionStatus | null | undefined) ?? action.status;
  const progress = (v.progress as number | null | undefined) ?? action.progress;
  const comment = v.statusComment === undefined ? action.statusComment : v.statusComment;
  if (
    status !== action.status ||
    progress !== action.progress ||
    (comment ?? null) !== action.statusComment
  ) {
    // The comment sent is the file's (the screens' rule: a new status without one clears it).
    const request = { status, progress, comment: (v.statusComment as string | null) ?? undefined };
    const applied = applyStatusChange(action, request, today);
    if (!applied.ok) {
      const column = applied.field === 'comment' ? headerOf('statusComment') : headerOf('progress');
      const code = applied.reason === 'progress_range' ? 'out_of_range' : applied.reason;
      return refused([{ column, code }]);
    }
    change('status', action.status, applied.next.status);
    change('progress', action.progress, applied.next.progress);
    change('statusComment', action.statusComment, applied.next.statusComment);
    if (changes.length > 0) planned.status = request;
  }

  const update: NonNullable<PlannedRow['update']> = {};
  if (typeof v.title === 'string' && v.title !== action.title) {
    update.title = v.title;
    change('title', action.title, v.title);
  }
  for (const field of ['startDate', 'dueDate'] as const) {
    const value = v[field] as string | null | undefined;
    if (value !== undefined && value !== action[field]) {
      update[field] = value;
      change(field, action[field], value);
    }
  }
  const start = update.startDate === undefined ? action.startDate : update.startDate;
  const due = update.dueDate === undefined ? action.dueDate : update.dueDate;
  if (start && due && start > due)
    return refused([{ column: headerOf('dueDate'), code: 'dates_order' }]);
  if (Object.keys(update).length > 0) planned.update = update;

  planned.outcome =
    changes.length === 0
      ? { line: row.line, outcome: 'unchanged', actionId: action.id, title: action.title }
      : { line: row.line, outcome: 'change', actionId: action.id, title: action.title, changes };
  return planned;
}

/** Reads the rows and checks each against the database as `ctx` sees it; writes nothing. */
async function planImport(ctx: AuthedContext, table: ImportTable) {
  const parsed = parseRows(table);
  const ids = parsed.rows.flatMap((r) => (r.id === null ? [] : [r.id]));
  const actions = new Map((await findActionsByIds(ctx.db, ids)).map((a) => [a.id, a]));
  // One permission check per plan, not per row; an archived plan's actions are closed records.
  const planIds = new Set([...actions.values()].map((a) => a.planId));
  const scopes = new Map<number, Scope | null>();
  for (const planId of planIds) scopes.set(planId, await scopeOf(ctx.db, 'plan', planId));
  const archived = await archivedPlanIds(ctx.db, planIds);
  const today = isoToday(ctx.now());
  const seen = new Set<number>();
  const planned = parsed.rows.map((row) => {
    if (row.id !== null && seen.has(row.id)) {
      return planRow(
        { ...row, problems: [...row.problems, { column: ID_HEADER, code: 'duplicate_row' }] },
        undefined,
        null,
        false,
        false,
        today,
        parsed.headerOf,
      );
    }
    if (row.id !== null) seen.add(row.id);
    const action = row.id === null ? undefined : actions.get(row.id);
    const scope = action ? (scopes.get(action.planId) ?? null) : null;
    const allowed = scope !== null && can(ctx.user, 'update_plan_work', scope);
    const planArchived = action !== undefined && archived.has(action.planId);
    return planRow(row, action, scope, allowed, planArchived, today, parsed.headerOf);
  });
  const counts: ImportCounts = {
    rows: planned.length,
    change: 0,
    unchanged: 0,
    conflict: 0,
    refused: 0,
  };
  for (const p of planned) counts[p.outcome.outcome] += 1;
  if (!parsed.hasIds && counts.rows > 0) {
    // Without id and version columns no row can be matched: say so once, on every row.
    for (const p of planned) {
      p.outcome = {
        line: p.outcome.line,
        outcome: 'refused',
        actionId: null,
        title: null,
        problems: [{ column: null, code: 'missing_id' }],
      };
    }
    counts.refused = counts.rows;
    counts.change = counts.unchanged = counts.conflict = 0;
  }
  const preview: ActionImportPreview = {
    kind: 'actions',
    format: table.format,
    columns: { read: parsed.read, ignored: parsed.ignored },
    rows: planned.map((p) => p.outcome),
    counts,
    applicable: counts.refused === 0 && counts.conflict === 0 && counts.rows > 0,
  };
  return { preview, planned };
}

/** The preview of importing `table` as `ctx.user`: nothing is written. */
export async function previewActionImport(
  ctx: AuthedContext,
  table: ImportTable,
): Promise<ActionImportPreview> {
  return (await planImport(ctx, table)).preview;
}

export interface ActionImportResult {
  preview: ActionImportPreview;
  /** Whether the changes were written (only when the preview was applicable). */
  written: boolean;
  /** Actions changed. */
  changed: number;
}

/**
 * Imports `table`: in one transaction, the preview is made again on what the transaction reads
 * and, when it is applicable, every change is written through the action services (their rules,
 * versions and audit events); otherwise nothing is written. A failure on any row rolls back all.
 */
export async function applyActionImport(
  ctx: AuthedContext,
  table: ImportTable,
  onProgress?: OnProgress,
): Promise<ActionImportResult> {
  const now = ctx.now();
  return inTransaction(ctx.db, async (trx) => {
    const inTransaction: AuthedContext = { ...ctx, db: trx, now: () => now };
    const { preview, planned } = await planImport(inTransaction, table);
    if (!preview.applicable) return { preview, written: false, changed: 0 };
    const w: Write = { trx, actor: ctx.user, now, site: ctx.site };
    const toWrite = planned.filter((p) => p.outcome.outcome === 'change');
    let changed = 0;
    for (const row of toWrite) {
      if (row.outcome.outcome !== 'change' || !row.scope) continue;
      const id = row.outcome.actionId;
      const line = row.outcome.line;
      let version = row.version ?? 0;
      try {
        if (row.status) {
          const after = await setActionStatus(w, row.scope, { id, version, ...row.status });
          version = after.version;
        }
        if (row.update) await updateAction(w, row.scope, { id, version, ...row.update });
      } catch (error) {
        if (error instanceof TRPCError) {
          throw new TRPCError({
            code: error.code,
            message: `Row ${line}: ${error.message}`,
            cause: error,
          });
        }
        throw error;
      }
      changed += 1;
      await onProgress?.(changed, toWrite.length);
    }
    return { preview, written: true, changed };
  });
}
