import { TRPCError } from '@trpc/server';
import { listHistory, type HistoryEntry } from '@jalon/db';
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

/** The audit events of one entity, newest first. */
export async function auditOf(
  world: World,
  entityType: string,
  entityId: number,
): Promise<HistoryEntry[]> {
  const history = await listHistory(world.db, { entityType, entityId, limit: 50, offset: 0 });
  return history.items;
}
