import type { AuthedContext } from '../trpc';
import { applyActionImport, previewActionImport } from './actions';
import { applyIndicatorImport, previewIndicatorImport } from './indicators';
import { applyMeasurementImport, previewMeasurementImport } from './measurements';
import { applyPlanImport, previewPlanImport } from './plans';
import type { OnProgress } from './problems';
import type { ImportTable } from './readTable';

// The kinds of file Jalon imports, each with its preview (nothing written) and its import (all
// in one transaction, or nothing). The HTTP routes and the CLI serve every kind listed here.

/** What the request says besides the file: the screen's territory. */
export interface ImportOptions {
  territoryId?: number | undefined;
}

interface Importer<P, R> {
  preview: (ctx: AuthedContext, table: ImportTable, options: ImportOptions) => Promise<P>;
  apply: (
    ctx: AuthedContext,
    table: ImportTable,
    options: ImportOptions,
    onProgress?: OnProgress,
  ) => Promise<R>;
}

const importer = <P, R>(i: Importer<P, R>) => i;

export const IMPORTERS = {
  // Actions name themselves by id: the territory is theirs.
  actions: importer({
    preview: (ctx, table) => previewActionImport(ctx, table),
    apply: (ctx, table, _options, onProgress) => applyActionImport(ctx, table, onProgress),
  }),
  plans: importer({ preview: previewPlanImport, apply: applyPlanImport }),
  indicators: importer({ preview: previewIndicatorImport, apply: applyIndicatorImport }),
  measurements: importer({ preview: previewMeasurementImport, apply: applyMeasurementImport }),
};
export type ImportKind = keyof typeof IMPORTERS;
export const IMPORT_KINDS = Object.keys(IMPORTERS) as ImportKind[];

export const isImportKind = (kind: string): kind is ImportKind =>
  Object.prototype.hasOwnProperty.call(IMPORTERS, kind);
