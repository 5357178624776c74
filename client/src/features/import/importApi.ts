import type { ActionImportPreview, ActionImportResult } from '@jalon/server';

// The import's two calls (see server/src/import/router.ts): the raw file in, JSON out. They are
// plain HTTP rather than tRPC because the body is a file, not JSON.

/** A refusal of the server, by its problem code (a file problem, or `write_failed`…). */
export class ImportRefused extends Error {
  constructor(readonly problem: string) {
    super(problem);
  }
}

async function post<T>(path: string, file: Blob): Promise<T> {
  const res = await fetch(`/api/import/actions${path}`, {
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

export const previewImport = (file: Blob) => post<ActionImportPreview>('/preview', file);
export const applyImport = (file: Blob) => post<ActionImportResult>('', file);
