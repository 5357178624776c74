import { TRPCError } from '@trpc/server';
import { inTransaction, listLivePlanCodes, type TerritoryKey } from '@jalon/db';
import {
  applyStatusChange,
  cellText,
  foldHeader,
  isoToday,
  readActionStatus,
  readAxis,
  readDate,
  readInteger,
  readPriority,
  readStageKind,
  readText,
  type ActionStatus,
  type Axis,
  type CellValue,
  type Locale,
  type Priority,
  type StageKind,
} from '@jalon/shared';
import type { AuthedContext } from '../trpc';
import { EXPORT_HEADERS } from '../exports/headers';
import { createAction } from '../services/action';
import { createPlan } from '../services/plan';
import type { Write } from '../services/write';
import { fileColumns, headersIndex, RowReader } from './columns';
import { importTerritories, territoryScope, type TerritoryOptions } from './territories';
import type { OnProgress, RowProblem } from './problems';
import type { ImportTable } from './readTable';

// A territory's plan spreadsheet, brought into Jalon: one row per action, the columns of its
// fiche action (code, title, axis…) repeated on each row or left empty after the first; a row
// without an action creates the plan alone. Each new plan gets its three stages, each action
// its stage, owner, status and dates, under the same rules as the screens (a coordinator of the
// territory; a code unique among the territory's live plans; Bloqué and En retard need a
// comment). The preview says what will be created and what is refused (row and column); the
// import then writes it all in one transaction, through the plan and action services (their
// audit events), or nothing. A plan that already exists is refused, so importing the same file
// twice creates nothing twice: existing actions are updated with the actions export instead.

export const PLAN_FIELDS = [
  'territory',
  'planCode',
  'planTitle',
  'axis',
  'priority',
  'planSummary',
  'planStart',
  'planEnd',
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

export const PLAN_ACTION_FIELDS = [
  'stage',
  'title',
  'owner',
  'status',
  'progress',
  'statusComment',
  'startDate',
  'dueDate',
] as const;
export type PlanActionField = (typeof PLAN_ACTION_FIELDS)[number];

export type PlanFileField = PlanField | PlanActionField;
type Column = PlanFileField;

/** The file's column names in `locale` (the template's; every language is read). */
export const planHeaders = (locale: Locale): Record<Column, string> => ({
  ...pick(EXPORT_HEADERS[locale].plans, PLAN_FIELDS),
  ...pick(EXPORT_HEADERS[locale].actions, PLAN_ACTION_FIELDS),
});
const HEADERS = headersIndex<Column>([...PLAN_FIELDS, ...PLAN_ACTION_FIELDS], planHeaders);

function pick<K extends string>(record: Record<K, string>, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, record[k]])) as Record<K, string>;
}

export type PlanRowOutcome =
  | {
      line: number;
      outcome: 'create';
      planCode: string;
      planTitle: string;
      /** True on the row that creates the plan (its first row in the file). */
      newPlan: boolean;
      stage: StageKind | null;
      /** The action's title, or null for a row that creates the plan alone. */
      action: string | null;
    }
  | {
      line: number;
      outcome: 'refused';
      planCode: string | null;
      /** The action's title as the file gives it, to find the row. */
      action: string | null;
      problems: RowProblem[];
    };

export interface PlanImportCounts {
  rows: number;
  plans: number;
  actions: number;
  refused: number;
}

export interface PlanImportPreview {
  kind: 'plans';
  format: ImportTable['format'];
  columns: { read: Partial<Record<Column, string>>; ignored: string[] };
  rows: PlanRowOutcome[];
  counts: PlanImportCounts;
  /** True when the file can be written as it is: at least one row, none refused. */
  applicable: boolean;
}

interface PlanValues {
  code: string;
  title: string;
  axis: Axis;
  priority: Priority;
  summary: string;
  startDate: string | null;
  endDate: string | null;
}

interface ActionValues {
  stage: StageKind;
  title: string;
  ownerUserId: number | null;
  status: ActionStatus;
  progress: number;
  statusComment: string | null;
  startDate: string | null;
  dueDate: string | null;
}

/** A plan the file creates, with its territory and the rows that carry its actions. */
interface PlannedPlan {
  territory: TerritoryKey;
  values: PlanValues;
  actions: ActionValues[];
}

/** What the whole file asks for, row by row; nothing written. */
interface PlannedImport {
  preview: PlanImportPreview;
  plans: PlannedPlan[];
}

const TEXT_LIMITS = { planCode: 20, planTitle: 200, planSummary: 4000, title: 300 } as const;

const text = (field: keyof typeof TEXT_LIMITS) => (cell: CellValue) =>
  readText(cell, TEXT_LIMITS[field]);

export type PlanImportOptions = TerritoryOptions;

/** Reads the rows and checks each against the database as `ctx` sees it; writes nothing. */
async function planImport(
  ctx: AuthedContext,
  table: ImportTable,
  options: PlanImportOptions,
): Promise<PlannedImport> {
  const columns = fileColumns(table, HEADERS);
  const territories = await importTerritories(ctx, table, columns, options, true);
  const existingCodes = new Map<number, Set<string>>();
  const codesOf = async (territoryId: number) => {
    let codes = existingCodes.get(territoryId);
    if (!codes) {
      codes = new Set(
        (await listLivePlanCodes(ctx.db, territoryId)).map((p) => foldHeader(p.code)),
      );
      existingCodes.set(territoryId, codes);
    }
    return codes;
  };
  const today = isoToday(ctx.now());
  const plans = new Map<string, PlannedPlan>();
  // Every plan a row has named, created or refused: its first row describes it.
  const seenPlans = new Set<string>();
  const seenActions = new Set<string>();
  const outcomes: PlanRowOutcome[] = [];

  for (const row of table.rows) {
    const r = new RowReader<Column>(columns, row);
    const refused = (code: string | null, action: string | null): PlanRowOutcome => ({
      line: row.line,
      outcome: 'refused',
      planCode: code,
      action,
      problems: r.problems,
    });

    // The plan: its territory and code name it; its first row in the file describes it.
    const code = r.read('planCode', text('planCode'));
    if (code === null) r.refuse('planCode', 'required');
    const territory = territories.of(r, 'manage');
    const planTitle = r.read('planTitle', text('planTitle'));
    const axis = r.read('axis', readAxis);
    const priority = r.read('priority', readPriority);
    const summary = r.read('planSummary', text('planSummary'));
    const planStart = r.read('planStart', readDate);
    const planEnd = r.read('planEnd', readDate);

    const key = territory && code ? `${territory.id}:${foldHeader(code)}` : null;
    let plan = key === null ? undefined : plans.get(key);
    const newPlan = key !== null && !seenPlans.has(key);
    if (territory && code && key !== null) {
      if ((await codesOf(territory.id)).has(foldHeader(code))) r.refuse('planCode', 'plan_exists');
      else if (!newPlan && !plan) r.refuse('planCode', 'plan_row_refused');
      seenPlans.add(key);
    }
    if (newPlan) {
      if (planTitle === null) r.refuse('planTitle', 'required');
      if (axis === null) r.refuse('axis', 'required');
      if (planStart && planEnd && planStart > planEnd) r.refuse('planEnd', 'dates_order');
    }
    if (plan) {
      // A later row of the plan may repeat its columns, not contradict them.
      const agrees: [Column, unknown, unknown][] = [
        ['planTitle', planTitle, plan.values.title],
        ['axis', axis, plan.values.axis],
        ['priority', priority, plan.values.priority],
        ['planSummary', summary, plan.values.summary],
        ['planStart', planStart, plan.values.startDate],
        ['planEnd', planEnd, plan.values.endDate],
      ];
      for (const [field, value, first] of agrees) {
        if (value !== null && value !== undefined && value !== first) {
          r.refuse(field, 'plan_mismatch');
        }
      }
    }

    // The action, when the row has one.
    const title = r.read('title', text('title'));
    const stage = r.read('stage', readStageKind);
    const ownerText = cellText(r.raw('owner'));
    const status = r.read('status', readActionStatus);
    const progress = r.read('progress', (cell) => readInteger(cell, 0, 100));
    const comment = r.read('statusComment', (cell) => readText(cell, 2000));
    const startDate = r.read('startDate', readDate);
    const dueDate = r.read('dueDate', readDate);
    const hasAction =
      title !== null ||
      [stage, ownerText, status, progress, comment, startDate, dueDate].some(
        (v) => v !== null && v !== undefined,
      );
    let action: ActionValues | null = null;
    if (hasAction) {
      if (title === null) r.refuse('title', 'required');
      if (stage === null) r.refuse('stage', 'required');
      let ownerUserId: number | null = null;
      if (ownerText !== null && territory) {
        ownerUserId = territories.person(territory.id, ownerText) ?? null;
        if (ownerUserId === null) r.refuse('owner', 'unknown_owner');
      }
      if (startDate && dueDate && startDate > dueDate) r.refuse('dueDate', 'dates_order');
      const applied = applyStatusChange(
        { status: 'not_started', progress: 0, statusComment: null, completedOn: null },
        {
          status: status ?? 'not_started',
          progress: progress ?? undefined,
          comment: comment ?? undefined,
        },
        today,
      );
      if (!applied.ok) {
        const field = applied.field === 'comment' ? 'statusComment' : 'progress';
        r.refuse(field, applied.reason === 'progress_range' ? 'out_of_range' : applied.reason);
      }
      const actionKey = `${key}:${stage}:${foldHeader(title ?? '')}`;
      if (key !== null && seenActions.has(actionKey)) r.refuse('title', 'duplicate_row');
      seenActions.add(actionKey);
      if (applied.ok && title && stage) {
        action = {
          stage,
          title,
          ownerUserId,
          status: applied.next.status,
          progress: applied.next.progress,
          statusComment: applied.next.statusComment,
          startDate: startDate ?? null,
          dueDate: dueDate ?? null,
        };
      }
    }

    if (r.problems.length > 0 || !territory || !code || key === null) {
      outcomes.push(refused(code ?? null, title ?? null));
      continue;
    }
    if (!plan) {
      plan = {
        territory,
        values: {
          code,
          title: planTitle ?? '',
          axis: axis as Axis,
          priority: priority ?? 'medium',
          summary: summary ?? '',
          startDate: planStart ?? null,
          endDate: planEnd ?? null,
        },
        actions: [],
      };
      plans.set(key, plan);
    }
    if (action) plan.actions.push(action);
    outcomes.push({
      line: row.line,
      outcome: 'create',
      planCode: plan.values.code,
      planTitle: plan.values.title,
      newPlan,
      stage: action?.stage ?? null,
      action: action?.title ?? null,
    });
  }

  const refusedRows = outcomes.filter((o) => o.outcome === 'refused').length;
  const counts: PlanImportCounts = {
    rows: outcomes.length,
    plans: plans.size,
    actions: [...plans.values()].reduce((n, p) => n + p.actions.length, 0),
    refused: refusedRows,
  };
  return {
    preview: {
      kind: 'plans',
      format: table.format,
      columns: { read: columns.read, ignored: columns.ignored },
      rows: outcomes,
      counts,
      applicable: refusedRows === 0 && outcomes.length > 0,
    },
    plans: [...plans.values()],
  };
}

/** The preview of importing `table` as `ctx.user`: nothing is written. */
export async function previewPlanImport(
  ctx: AuthedContext,
  table: ImportTable,
  options: PlanImportOptions = {},
): Promise<PlanImportPreview> {
  return (await planImport(ctx, table, options)).preview;
}

export interface PlanImportResult {
  preview: PlanImportPreview;
  /** Whether the plans were created (only when the preview was applicable). */
  written: boolean;
  plans: number;
  actions: number;
}

/**
 * Imports `table`: in one transaction, the preview is made again on what the transaction reads
 * and, when it is applicable, every plan and action is created through the services (their
 * rules and audit events); otherwise nothing is written. A failure rolls back everything.
 */
export async function applyPlanImport(
  ctx: AuthedContext,
  table: ImportTable,
  options: PlanImportOptions = {},
  onProgress?: OnProgress,
): Promise<PlanImportResult> {
  const now = ctx.now();
  return inTransaction(ctx.db, async (trx) => {
    const inTransaction: AuthedContext = { ...ctx, db: trx, now: () => now };
    const { preview, plans } = await planImport(inTransaction, table, options);
    if (!preview.applicable) return { preview, written: false, plans: 0, actions: 0 };
    const w: Write = { trx, actor: ctx.user, now, site: ctx.site };
    const total = preview.counts.plans + preview.counts.actions;
    let written = 0;
    const step = async () => {
      written += 1;
      await onProgress?.(written, total);
    };
    for (const plan of plans) {
      try {
        const created = await createPlan(w, {
          ...plan.values,
          territoryIds: [plan.territory.id],
          leadOrganisationId: null,
          budgetCents: null,
          partners: [],
          leadUserIds: [],
        });
        await step();
        const stageOf = new Map(created.stages.map((s) => [s.kind, s.id]));
        const scope = territoryScope(plan.territory, created.id);
        for (const action of plan.actions) {
          const { stage, ...fields } = action;
          await createAction(w, scope, {
            ...fields,
            stageId: stageOf.get(stage) ?? 0,
            description: '',
          });
          await step();
        }
      } catch (error) {
        if (!(error instanceof TRPCError)) throw error;
        throw new TRPCError({
          code: error.code,
          message: `Plan ${plan.values.code}: ${error.message}`,
          cause: error,
        });
      }
    }
    return {
      preview,
      written: true,
      plans: preview.counts.plans,
      actions: preview.counts.actions,
    };
  });
}
