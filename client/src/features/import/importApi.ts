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

// The import's two calls (see server/src/import/router.ts): the raw file in, JSON lines out (the
// progress, then the result). They are plain HTTP rather than tRPC because the body is a file.

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

/** Where an import stands, as the server streams it. */
export type ImportProgress =
  { phase: 'checking'; rows: number } | { phase: 'writing'; written: number; total: number };

type Line<T> =
  | { progress: ImportProgress }
  | { result: T }
  | { error: { problem?: unknown; message?: unknown } };

/**
 * Posts the file and reads the answer line by line (application/x-ndjson): each progress line
 * goes to `onProgress`, the last line is the result or the refusal.
 */
async function post<T>(
  target: ImportTarget<ImportKind>,
  path: string,
  file: Blob,
  onProgress: (progress: ImportProgress) => void,
): Promise<T> {
  const query = target.territoryId === undefined ? '' : `?territory=${target.territoryId}`;
  const res = await fetch(`/api/import/${target.kind}${path}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', accept: 'application/x-ndjson' },
    body: file,
    credentials: 'same-origin',
  });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: { problem?: unknown } } | null;
    const problem = body?.error?.problem;
    throw new ImportRefused(typeof problem === 'string' ? problem : 'unknown');
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) pending += value;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const text of lines.filter((l) => l.trim() !== '')) {
      const line = JSON.parse(text) as Line<T>;
      if ('progress' in line) onProgress(line.progress);
      else if ('result' in line) return line.result;
      else {
        const problem = line.error.problem;
        throw new ImportRefused(typeof problem === 'string' ? problem : 'unknown');
      }
    }
    if (done) throw new ImportRefused('unknown');
  }
}

export const previewImport = <K extends ImportKind>(
  target: ImportTarget<K>,
  file: Blob,
  onProgress: (progress: ImportProgress) => void,
) => post<ImportKinds[K]['preview']>(target, '/preview', file, onProgress);
export const applyImport = <K extends ImportKind>(
  target: ImportTarget<K>,
  file: Blob,
  onProgress: (progress: ImportProgress) => void,
) => post<ImportKinds[K]['result']>(target, '', file, onProgress);
