import { TRPCError } from '@trpc/server';
import { listHistory, type HistoryEntry } from '@jalon/db';
import { DomainRuleError } from '@jalon/shared';
import type { World } from './world';

/** The tRPC error code a call ends with, or 'OK': tests assert codes, not messages. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/**
 * How a call refused by a domain rule ends: `CODE reason` (the reason the error formatter sends),
 * or 'OK', or the bare code of another refusal.
 */
export async function refusalOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return error.cause instanceof DomainRuleError
      ? `${error.code} ${error.cause.reason}`
      : error.code;
  }
}

/** The audit events of an entity, newest first. */
export async function auditOf(
  world: World,
  entityType: string,
  entityId: number,
): Promise<HistoryEntry[]> {
  const history = await listHistory(world.db, { entityType, entityId, limit: 100, offset: 0 });
  return history.items;
}
