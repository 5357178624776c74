import type { CellProblem } from '@jalon/shared';

/**
 * Why a row of an imported file is refused. The CLI words each code (describe.ts), the screens
 * in the user's language (the `imports` catalog, `problems.<code>`).
 */
export type RowProblemCode =
  | CellProblem
  // Round trip of the actions export.
  | 'missing_id'
  | 'duplicate_row'
  | 'unknown_action'
  | 'archived'
  | 'not_allowed'
  | 'comment_required'
  | 'justification_required'
  | 'dates_order'
  // New plans and their actions.
  | 'territory_required'
  | 'unknown_territory'
  | 'territory_not_allowed'
  | 'plan_exists'
  | 'plan_mismatch'
  | 'plan_row_refused'
  | 'unknown_owner'
  // Indicators and their measurements.
  | 'unknown_indicator'
  | 'unknown_plan'
  | 'indicator_exists'
  | 'direction_mismatch'
  | 'before_baseline'
  | 'in_future'
  | 'measurement_exists';

export interface RowProblem {
  /** The file's column name, or null for the row as a whole. */
  column: string | null;
  code: RowProblemCode;
}

/**
 * Told of each row written, as (written, total), by an import that writes; the HTTP route
 * streams it to the screen, the CLI prints it. It may return a promise, to let the response flush.
 */
export type OnProgress = (written: number, total: number) => void | Promise<void>;
