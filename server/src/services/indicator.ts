import {
  findEarliestMeasuredOn,
  findIndicator,
  insertIndicator,
  updateIndicator as updateIndicatorRow,
  type Indicator,
} from '@jalon/db';
import {
  isDirectionConsistent,
  type byIdInput,
  type indicatorCreateInput,
  type indicatorUpdateInput,
} from '@jalon/shared';
import type { z } from 'zod';
import { findLivePlan } from '../auth/guards';
import { badRequest, notFound } from '../errors';
import { audit } from './audit';
import type { Write } from './write';

/** Where an indicator's audit events are filed: its plan, or its territory. */
const auditScope = (i: Indicator) => ({ planId: i.planId, territoryId: i.territoryId });

function checkDefinition(i: Indicator): void {
  if (!isDirectionConsistent(i)) {
    throw badRequest(
      'The target must lie above the baseline for a rising indicator, below it for a falling one',
    );
  }
  if (i.baselineDate >= i.targetDate) {
    throw badRequest('The target date must follow the baseline date');
  }
}

export async function createIndicator(
  w: Write,
  input: z.infer<typeof indicatorCreateInput>,
): Promise<Indicator> {
  const created = await insertIndicator(w.trx, {
    ...input,
    archivedAt: null,
    createdAt: w.now.toISOString(),
  });
  await audit(w, {
    entityType: 'indicator',
    entityId: created.id,
    operation: 'create',
    ...auditScope(created),
    after: created,
  });
  return created;
}

/** The baseline never moves after the earliest measurement; a plan's indicator needs a live plan. */
export async function updateIndicator(
  w: Write,
  input: z.infer<typeof indicatorUpdateInput>,
): Promise<Indicator> {
  const { id, ...patch } = input;
  const before = await findIndicator(w.trx, id);
  if (!before) throw notFound('indicator', id);
  if (before.planId !== null) await findLivePlan(w.trx, before.planId);
  checkDefinition({ ...before, ...patch });
  if (patch.baselineDate !== undefined && patch.baselineDate !== before.baselineDate) {
    const earliest = await findEarliestMeasuredOn(w.trx, id);
    if (earliest !== null && patch.baselineDate > earliest) {
      throw badRequest(`The baseline date cannot follow the earliest measurement (${earliest})`);
    }
  }
  const after = await updateIndicatorRow(w.trx, id, patch);
  await audit(w, {
    entityType: 'indicator',
    entityId: id,
    operation: 'update',
    ...auditScope(after),
    before,
    after,
  });
  return after;
}

/** Archiving twice is harmless: an archived indicator is returned as it is. */
export async function archiveIndicator(
  w: Write,
  input: z.infer<typeof byIdInput>,
): Promise<Indicator> {
  const before = await findIndicator(w.trx, input.id);
  if (!before) throw notFound('indicator', input.id);
  if (before.archivedAt !== null) return before;
  const after = await updateIndicatorRow(w.trx, input.id, { archivedAt: w.now.toISOString() });
  await audit(w, {
    entityType: 'indicator',
    entityId: input.id,
    operation: 'archive',
    ...auditScope(after),
    after: { archivedAt: after.archivedAt },
  });
  return after;
}
