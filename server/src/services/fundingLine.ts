import {
  deleteFundingLine,
  findFundingLine,
  insertFundingLine,
  updateFundingLine as updateFundingLineRow,
  type FundingLine,
} from '@jalon/db';
import type { byIdInput, fundingLineCreateInput, fundingLineUpdateInput } from '@jalon/shared';
import type { z } from 'zod';
import { findLivePlan } from '../auth/guards';
import { badRequest, notFound } from '../errors';
import { audit } from './audit';
import type { Write } from './write';

/** A funding line of a live plan. */
export async function createFundingLine(
  w: Write,
  input: z.infer<typeof fundingLineCreateInput>,
): Promise<FundingLine> {
  await findLivePlan(w.trx, input.planId);
  const created = await insertFundingLine(w.trx, input);
  await audit(w, {
    entityType: 'funding_line',
    entityId: created.id,
    operation: 'create',
    planId: created.planId,
    after: created,
  });
  return created;
}

/** What was paid never exceeds what was granted. */
export async function updateFundingLine(
  w: Write,
  planId: number,
  input: z.infer<typeof fundingLineUpdateInput>,
): Promise<FundingLine> {
  const { id, ...patch } = input;
  await findLivePlan(w.trx, planId);
  const before = await findFundingLine(w.trx, id);
  if (!before) throw notFound('funding_line', id);
  if ((patch.paidCents ?? before.paidCents) > (patch.grantedCents ?? before.grantedCents)) {
    throw badRequest('Paid cannot exceed granted');
  }
  const after = await updateFundingLineRow(w.trx, id, patch);
  if (!after) throw notFound('funding_line', id);
  await audit(w, {
    entityType: 'funding_line',
    entityId: id,
    operation: 'update',
    planId,
    before,
    after,
  });
  return after;
}

export async function removeFundingLine(
  w: Write,
  planId: number,
  input: z.infer<typeof byIdInput>,
): Promise<{ id: number }> {
  await findLivePlan(w.trx, planId);
  const before = await findFundingLine(w.trx, input.id);
  if (!before) throw notFound('funding_line', input.id);
  await deleteFundingLine(w.trx, input.id);
  await audit(w, {
    entityType: 'funding_line',
    entityId: input.id,
    operation: 'delete',
    planId,
    before,
  });
  return { id: input.id };
}
