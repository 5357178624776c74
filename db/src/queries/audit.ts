import type { Db, Trx } from '../connection';
import type { AuditEventTable } from '../schema';
import { preparedQuery } from '../prepared';

export interface AuditInput {
  userId: number | null;
  entityType: string;
  entityId: number;
  operation: AuditEventTable['operation'];
  territoryId?: number | null;
  planId?: number | null;
  oldValue?: Record<string, unknown> | null;
  newValue?: Record<string, unknown> | null;
  comment?: string | null;
  occurredAt?: string;
}

/** Keeps only the fields that changed, so an audit event reads as "old → new". */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { oldValue: Record<string, unknown>; newValue: Record<string, unknown> } | null {
  const oldValue: Record<string, unknown> = {};
  const newValue: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      oldValue[key] = before[key] ?? null;
      newValue[key] = after[key];
    }
  }
  return Object.keys(newValue).length === 0 ? null : { oldValue, newValue };
}

/**
 * Records an update as "old → new" for the fields that changed between `before` and `after`;
 * records nothing when nothing changed.
 */
export async function recordChanges(
  trx: Db | Trx,
  event: Omit<AuditInput, 'oldValue' | 'newValue'>,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Promise<void> {
  const diff = diffFields(before, after);
  if (diff) await recordAudit(trx, { ...event, ...diff });
}

export async function recordAudit(trx: Db | Trx, event: AuditInput): Promise<void> {
  await trx
    .insertInto('auditEvents')
    .values({
      occurredAt: event.occurredAt ?? new Date().toISOString(),
      userId: event.userId,
      entityType: event.entityType,
      entityId: event.entityId,
      operation: event.operation,
      territoryId: event.territoryId ?? null,
      planId: event.planId ?? null,
      oldValue: event.oldValue ? JSON.stringify(event.oldValue) : null,
      newValue: event.newValue ? JSON.stringify(event.newValue) : null,
      comment: event.comment ?? null,
    })
    .execute();
}

/** An audit event as people read it: who (by name), what, old → new. */
export interface HistoryEntry {
  id: number;
  occurredAt: string;
  userId: number | null;
  userName: string | null;
  entityType: string;
  entityId: number;
  operation: AuditEventTable['operation'];
  planId: number | null;
  oldValue: Record<string, unknown> | null;
  newValue: Record<string, unknown> | null;
  comment: string | null;
}

const parse = (value: string | null): Record<string, unknown> | null =>
  value === null ? null : (JSON.parse(value) as Record<string, unknown>);

const auditEvents = (db: Db | Trx) => db.selectFrom('auditEvents as e');
export type AuditEventsQuery = ReturnType<typeof auditEvents>;

interface Page {
  limit: number;
  offset: number;
}

/** The columns of a history entry, newest first. */
const entryRows = (query: AuditEventsQuery) =>
  query
    .leftJoin('users as u', 'u.id', 'e.userId')
    .select([
      'e.id',
      'e.occurredAt',
      'e.userId',
      'u.name as userName',
      'e.entityType',
      'e.entityId',
      'e.operation',
      'e.planId',
      'e.oldValue',
      'e.newValue',
      'e.comment',
    ])
    .orderBy('e.occurredAt', 'desc')
    .orderBy('e.id', 'desc');

const entryCount = (query: AuditEventsQuery) =>
  query.select((eb) => eb.fn.countAll<number>().as('n'));

type EntryRow = Awaited<ReturnType<ReturnType<typeof entryRows>['execute']>>[number];

function entryPage(rows: EntryRow[], count: { n: number } | undefined) {
  return {
    items: rows.map((r) => ({ ...r, oldValue: parse(r.oldValue), newValue: parse(r.newValue) })),
    total: Number(count?.n ?? 0),
  };
}

/**
 * Audit events narrowed by `narrow`, newest first, one page of them with the total: the one query
 * behind an entity's history and a territory's recent changes.
 */
export async function listAuditEntries(
  db: Db | Trx,
  narrow: (query: AuditEventsQuery) => AuditEventsQuery,
  page: Page,
): Promise<{ items: HistoryEntry[]; total: number }> {
  const base = narrow(auditEvents(db));
  const [rows, count] = await Promise.all([
    entryRows(base).limit(page.limit).offset(page.offset).execute(),
    entryCount(base).executeTakeFirst(),
  ]);
  return entryPage(rows, count);
}

/**
 * `listAuditEntries` for a narrowing that takes its values as parameters: its two statements are
 * built and compiled once (see `preparedQuery`), for the pages read on every dashboard request.
 */
export function preparedAuditEntries<P extends object>(
  narrow: (query: AuditEventsQuery, params: P) => AuditEventsQuery,
): (db: Db | Trx, params: P & Page) => Promise<{ items: HistoryEntry[]; total: number }> {
  const rows = preparedQuery((db, p: P & Page) =>
    entryRows(narrow(auditEvents(db), p))
      .limit(p.limit)
      .offset(p.offset),
  );
  const count = preparedQuery((db, p: P) => entryCount(narrow(auditEvents(db), p)));
  return async (db, params) => {
    const [page, total] = await Promise.all([
      rows.execute(db, params),
      count.executeTakeFirst(db, params),
    ]);
    return entryPage(page, total);
  };
}

export async function listHistory(
  db: Db | Trx,
  filter: { entityType: string; entityId: number; limit: number; offset: number },
): Promise<{ items: HistoryEntry[]; total: number }> {
  return listAuditEntries(
    db,
    (query) =>
      query.where('e.entityType', '=', filter.entityType).where('e.entityId', '=', filter.entityId),
    filter,
  );
}
