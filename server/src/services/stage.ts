import { findStage, updateStageDates, type Stage } from '@jalon/db';
import type { stageUpdateInput } from '@jalon/shared';
import type { z } from 'zod';
import { findLivePlan } from '../auth/guards';
import { badRequest, notFound } from '../errors';
import { audit } from './audit';
import type { Write } from './write';

type StageDates = Pick<Stage, 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd'>;

/** Dates in order, checked on the row as it will be saved (the patch may carry only one end). */
function assertDatesInOrder(stage: StageDates): void {
  const pairs = [
    [stage.plannedStart, stage.plannedEnd, 'plannedEnd'],
    [stage.actualStart, stage.actualEnd, 'actualEnd'],
  ] as const;
  for (const [start, end, field] of pairs) {
    if (start && end && start > end) {
      throw badRequest(`Invalid ${field}: the end must not precede the start`);
    }
  }
}

/** Sets a stage's planned and actual dates; the plan must be live. */
export async function updateStage(
  w: Write,
  planId: number,
  input: z.infer<typeof stageUpdateInput>,
): Promise<Stage> {
  const { id, ...patch } = input;
  await findLivePlan(w.trx, planId);
  const before = await findStage(w.trx, id);
  if (!before) throw notFound('stage', id);
  const next = <T>(patched: T | undefined, stored: T) => (patched === undefined ? stored : patched);
  assertDatesInOrder({
    plannedStart: next(patch.plannedStart, before.plannedStart),
    plannedEnd: next(patch.plannedEnd, before.plannedEnd),
    actualStart: next(patch.actualStart, before.actualStart),
    actualEnd: next(patch.actualEnd, before.actualEnd),
  });
  const after = await updateStageDates(w.trx, id, patch);
  if (!after) throw notFound('stage', id);
  await audit(w, { entityType: 'stage', entityId: id, operation: 'update', planId, before, after });
  return after;
}
