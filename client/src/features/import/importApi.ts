import type {
  ActionImportPreview,
  ActionImportResult,
  IndicatorImportPreview,
  IndicatorImportResult,
  MeasurementImportPreview,
  MeasurementImportResult,
  PlanImportPreview,
  PlanImportResult,
} from '@jalon/server';

// The import's two calls (see server/src/import/router.ts): the raw file in, JSON out. They are
// plain HTTP rather than tRPC because the body is a file, not JSON.

/** A refusal of the server, by its problem code (a file problem, or `write_failed`…). */
export class ImportRefused extends Error {
  constructor(readonly problem: string) {
    super(problem);
  }
}

/** What each kind of file answers: its preview, then the result of importing it. */
export interface ImportKinds {
  actions: { preview: ActionImportPreview; result: ActionImportResult };
  plans: { preview: PlanImportPreview; result: PlanImportResult };
  indicators: { preview: IndicatorImportPreview; result: IndicatorImportResult };
  measurements: { preview: MeasurementImportPreview; result: MeasurementImportResult };
}
export type ImportKind = keyof ImportKinds;

/** Where the file goes: its kind, and for plans the territory of rows that name none. */
export interface ImportTarget<K extends ImportKind> {
  kind: K;
  territoryId?: number;
}

async function post<T>(target: ImportTarget<ImportKind>, path: string, file: Blob): Promise<T> {
  const query = target.territoryId === undefined ? '' : `?territory=${target.territoryId}`;
  const res = await fetch(`/api/import/${target.kind}${path}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
    credentials: 'same-origin',
  });
  const body = (await res.json().catch(() => null)) as { error?: { problem?: unknown } } | null;
  if (!res.ok) {
    const problem = body?.error?.problem;
    throw new ImportRefused(typeof problem === 'string' ? problem : 'unknown');
  }
  return body as T;
}

export const previewImport = <K extends ImportKind>(target: ImportTarget<K>, file: Blob) =>
  post<ImportKinds[K]['preview']>(target, '/preview', file);
export const applyImport = <K extends ImportKind>(target: ImportTarget<K>, file: Blob) =>
  post<ImportKinds[K]['result']>(target, '', file);
