import type { AuthedContext } from '../trpc';
import { applyActionImport, previewActionImport } from './actions';
import { applyPlanImport, previewPlanImport } from './plans';
import type { ImportTable } from './readTable';

// The kinds of file Jalon imports, each with its preview (nothing written) and its import (all
// in one transaction, or nothing). The HTTP routes and the CLI serve every kind listed here.

type Progress = (written: number, total: number) => void;

interface Importer<P, R> {
  preview: (ctx: AuthedContext, table: ImportTable) => Promise<P>;
  apply: (ctx: AuthedContext, table: ImportTable, onProgress?: Progress) => Promise<R>;
}

const importer = <P, R>(i: Importer<P, R>) => i;

export const IMPORTERS = {
  actions: importer({ preview: previewActionImport, apply: applyActionImport }),
  plans: importer({ preview: previewPlanImport, apply: applyPlanImport }),
};
export type ImportKind = keyof typeof IMPORTERS;
export const IMPORT_KINDS = Object.keys(IMPORTERS) as ImportKind[];

export const isImportKind = (kind: string): kind is ImportKind =>
  Object.prototype.hasOwnProperty.call(IMPORTERS, kind);
