import { diffFields, recordAudit, type AuditEventTable } from '@jalon/db';
import { AUDIT_FIELDS, type AuditEntityType } from '@jalon/shared';
import type { Write } from './write';

/** A row, or part of it, seen through the fields the registry audits for its entity type. */
export type AuditedRow<E extends AuditEntityType> = {
  readonly [K in keyof (typeof AUDIT_FIELDS)[E]]?: unknown;
};

/**
 * The audited fields of `row`, in registry order: the registry in @jalon/shared says once what
 * each entity's history records, so no service keeps its own list.
 */
export function auditedValues<E extends AuditEntityType>(
  entityType: E,
  row: AuditedRow<E>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const source = row as Record<string, unknown>;
  for (const field of Object.keys(AUDIT_FIELDS[entityType])) {
    if (Object.hasOwn(source, field)) values[field] = source[field];
  }
  return values;
}

export interface AuditedChange<E extends AuditEntityType> {
  entityType: E;
  entityId: number;
  operation: AuditEventTable['operation'];
  planId?: number | null;
  territoryId?: number | null;
  comment?: string | null;
  /** The row before the change: all its audited fields for a deletion. */
  before?: AuditedRow<E> | null;
  /** The row after the change: all its audited fields for a creation. */
  after?: AuditedRow<E> | null;
}

/**
 * Records one audit event by the actor at the write's instant. Given both `before` and `after`,
 * it keeps only the fields that changed ("old → new"); an `update` that changed nothing records
 * nothing, any other operation (a status change with its comment) is recorded all the same.
 */
export async function audit<E extends AuditEntityType>(
  w: Write,
  change: AuditedChange<E>,
): Promise<void> {
  const { entityType, before, after } = change;
  let oldValue = before ? auditedValues(entityType, before) : null;
  let newValue = after ? auditedValues(entityType, after) : null;
  if (oldValue && newValue) {
    const diff = diffFields(oldValue, newValue);
    if (!diff && change.operation === 'update') return;
    oldValue = diff?.oldValue ?? null;
    newValue = diff?.newValue ?? null;
  }
  await recordAudit(w.trx, {
    userId: w.actor.id,
    entityType,
    entityId: change.entityId,
    operation: change.operation,
    territoryId: change.territoryId ?? null,
    planId: change.planId ?? null,
    oldValue,
    newValue,
    comment: change.comment ?? null,
    occurredAt: w.now.toISOString(),
  });
}
