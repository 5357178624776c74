import { VOCABULARY_LABELS, type ActionStatus } from '@jalon/shared';
import type { ActionImportPreview, ActionRowOutcome, FieldChange } from './actions';
import type { IndicatorImportPreview, IndicatorRowOutcome } from './indicators';
import type { MeasurementImportPreview, MeasurementRowOutcome } from './measurements';
import type { PlanImportPreview, PlanRowOutcome } from './plans';
import type { RowProblem, RowProblemCode } from './problems';

// The preview in words, for the CLI (its messages are in English, as the rest of the CLI). The
// screens word the same codes in the user's language from the client's catalogs.

const PROBLEMS: Record<RowProblemCode, string> = {
  required: 'a value is required',
  not_a_number: 'not a number',
  not_an_integer: 'not a whole number',
  out_of_range: 'out of range (0 to 100 for progress)',
  not_a_date: 'not a date (2026-03-01 or 01/03/2026)',
  date_outside_window: 'a date outside 2018-2035',
  unknown_status: 'not a status',
  unknown_value: 'not one of the list (see the drop-down list of the template)',
  too_long: 'too long',
  missing_id: 'no id and version: keep the id and version columns of the export',
  duplicate_row: 'this action appears on an earlier row too',
  unknown_action: 'no such action',
  archived: 'the action or its plan is archived',
  not_allowed: 'you may not update this action',
  comment_required: 'this status needs a comment',
  justification_required: 'moving to this status needs a new comment explaining why',
  dates_order: 'the end precedes the start',
  territory_required: 'which territory? name it in a "Territoire" column',
  unknown_territory: 'no territory with this name or code',
  territory_not_allowed: 'you do not coordinate this territory',
  plan_exists: 'a live plan of the territory already has this code',
  plan_mismatch: 'differs from the first row of the same plan',
  plan_row_refused: 'the first row of this plan is refused',
  unknown_owner: 'no member of the territory with this name or email',
  unknown_indicator: 'no indicator of this name (in this plan, or the territory’s own)',
  unknown_plan: 'no live plan of the territory has this code',
  indicator_exists: 'an indicator of this name already exists there',
  direction_mismatch: 'the target must lie above the baseline when rising, below when falling',
  before_baseline: 'before the indicator’s baseline date',
  in_future: 'a date after today',
  measurement_exists:
    'a measurement of another value is recorded on this day: correct it on the indicator’s page',
};

const describeProblems = (problems: readonly RowProblem[]) =>
  problems
    .map((p) => `${p.column === null ? '' : `${p.column}: `}${describeProblem(p.code)}`)
    .join('; ');

export const describeProblem = (code: RowProblemCode): string => PROBLEMS[code];

// Statuses as the French export writes them, the labels the file itself holds.
const STATUS_LABELS = VOCABULARY_LABELS.fr.actionStatus;

function show(field: FieldChange['field'], value: string | number | null): string {
  if (value === null) return '(empty)';
  return JSON.stringify(field === 'status' ? STATUS_LABELS[value as ActionStatus] : value);
}

/** One line per row that changes, conflicts or is refused (unchanged rows are only counted). */
export function describeRow(row: ActionRowOutcome): string | null {
  switch (row.outcome) {
    case 'unchanged':
      return null;
    case 'change':
      return `row ${row.line}: action ${row.actionId} "${row.title}": ${row.changes
        .map((c) => `${c.column} ${show(c.field, c.before)} → ${show(c.field, c.after)}`)
        .join('; ')}`;
    case 'conflict':
      return (
        `row ${row.line}: CONFLICT, action ${row.actionId} "${row.title}" changed since the ` +
        `export (version ${row.fileVersion} in the file, ${row.currentVersion} now): export it again`
      );
    case 'refused':
      return `row ${row.line}: REFUSED${row.actionId === null ? '' : `, action ${row.actionId}`}: ${describeProblems(row.problems)}`;
  }
}

export function describeCounts(preview: ActionImportPreview): string {
  const c = preview.counts;
  return (
    `${c.rows} rows read: ${c.change} to change, ${c.unchanged} unchanged, ` +
    `${c.conflict} in conflict, ${c.refused} refused`
  );
}

/** One line per row of a plans file: what it creates, or why it is refused. */
export function describePlanRow(row: PlanRowOutcome): string {
  if (row.outcome === 'refused') {
    return `row ${row.line}: REFUSED${row.planCode === null ? '' : `, plan ${row.planCode}`}: ${describeProblems(row.problems)}`;
  }
  const plan = row.newPlan ? `new plan ${row.planCode} "${row.planTitle}"` : `plan ${row.planCode}`;
  const action =
    row.action === null
      ? ''
      : `, action "${row.action}" (${VOCABULARY_LABELS.fr.stageKind[row.stage ?? 'inventory']})`;
  return `row ${row.line}: ${plan}${action}`;
}

export function describePlanCounts(preview: PlanImportPreview): string {
  const c = preview.counts;
  return `${c.rows} rows read: ${c.plans} plans and ${c.actions} actions to create, ${c.refused} rows refused`;
}

const where = (planCode: string | null) => (planCode === null ? 'territory' : `plan ${planCode}`);

export function describeIndicatorRow(row: IndicatorRowOutcome): string {
  if (row.outcome === 'refused') {
    return `row ${row.line}: REFUSED${row.name === null ? '' : `, indicator "${row.name}"`}: ${describeProblems(row.problems)}`;
  }
  return `row ${row.line}: new indicator "${row.name}" (${row.unit}) of the ${where(row.planCode)}`;
}

/** One line per row recorded or refused (measurements already recorded are only counted). */
export function describeMeasurementRow(row: MeasurementRowOutcome): string | null {
  switch (row.outcome) {
    case 'unchanged':
      return null;
    case 'refused':
      return `row ${row.line}: REFUSED${row.indicator === null ? '' : `, indicator "${row.indicator}"`}: ${describeProblems(row.problems)}`;
    case 'create':
      return `row ${row.line}: "${row.indicator}" (${where(row.planCode)}) ${row.measuredOn}: ${row.value}`;
  }
}

/** What the CLI prints of a preview, whatever its kind. */
export interface ImportReport {
  lines: string[];
  counts: string;
  /** What was written, in words. */
  done: string;
  /** What would be written, in words, for a dry run. */
  wouldDo: string;
}

export type AnyImportPreview =
  ActionImportPreview | PlanImportPreview | IndicatorImportPreview | MeasurementImportPreview;

export function reportOf(preview: AnyImportPreview): ImportReport {
  switch (preview.kind) {
    case 'actions':
      return {
        lines: preview.rows.flatMap((row) => describeRow(row) ?? []),
        counts: describeCounts(preview),
        done: `${preview.counts.change} actions changed`,
        wouldDo: `${preview.counts.change} actions would change`,
      };
    case 'plans': {
      const c = preview.counts;
      return {
        lines: preview.rows.map(describePlanRow),
        counts: describePlanCounts(preview),
        done: `${c.plans} plans and ${c.actions} actions created`,
        wouldDo: `${c.plans} plans and ${c.actions} actions would be created`,
      };
    }
    case 'indicators': {
      const c = preview.counts;
      return {
        lines: preview.rows.map(describeIndicatorRow),
        counts: `${c.rows} rows read: ${c.create} indicators to create, ${c.refused} rows refused`,
        done: `${c.create} indicators created`,
        wouldDo: `${c.create} indicators would be created`,
      };
    }
    case 'measurements': {
      const c = preview.counts;
      return {
        lines: preview.rows.flatMap((row) => describeMeasurementRow(row) ?? []),
        counts:
          `${c.rows} rows read: ${c.create} measurements to record, ` +
          `${c.unchanged} already recorded, ${c.refused} refused`,
        done: `${c.create} measurements recorded`,
        wouldDo: `${c.create} measurements would be recorded`,
      };
    }
  }
}
