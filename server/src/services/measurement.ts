import {
  deleteMeasurement,
  findMeasurement,
  insertMeasurement,
  updateMeasurement,
  type Indicator,
  type Measurement,
} from '@jalon/db';
import {
  checkMeasurementDate,
  isoToday,
  type measurementCreateInput,
  type measurementUpdateInput,
} from '@jalon/shared';
import type { z } from 'zod';
import { findLivePlan } from '../auth/guards';
import { badRequest, notFound, ruleBroken } from '../errors';
import { audit } from './audit';
import type { Write } from './write';

/** A measurement goes to a live indicator of a live plan, on or after the baseline date. */
async function assertRecordable(w: Write, indicator: Indicator, measuredOn: string): Promise<void> {
  if (indicator.archivedAt !== null) throw badRequest(`Indicator ${indicator.id} is archived`);
  if (indicator.planId !== null) await findLivePlan(w.trx, indicator.planId);
  if (measuredOn < indicator.baselineDate) {
    throw badRequest(`A measurement cannot precede the baseline date (${indicator.baselineDate})`);
  }
  const dated = checkMeasurementDate(measuredOn, isoToday(w.now));
  if (!dated.ok) {
    throw ruleBroken(dated.reason, `A measurement cannot be dated after today (${measuredOn})`);
  }
}

/** Where a measurement's audit events are filed: its indicator's plan and territory. */
const auditScope = (i: Indicator) => ({ planId: i.planId, territoryId: i.territoryId });

/** Records a measurement of `indicator` by the actor. */
export async function recordMeasurement(
  w: Write,
  indicator: Indicator,
  input: z.infer<typeof measurementCreateInput>,
): Promise<Measurement> {
  await assertRecordable(w, indicator, input.measuredOn);
  const created = await insertMeasurement(w.trx, {
    ...input,
    recordedBy: w.actor.id,
    createdAt: w.now.toISOString(),
  });
  await audit(w, {
    entityType: 'measurement',
    entityId: created.id,
    operation: 'create',
    ...auditScope(indicator),
    after: created,
  });
  return created;
}

/** Corrects a measurement: who corrects it becomes its recorder; the audit keeps old → new. */
export async function correctMeasurement(
  w: Write,
  indicator: Indicator,
  input: z.infer<typeof measurementUpdateInput>,
): Promise<Measurement> {
  const { id, ...fields } = input;
  await assertRecordable(w, indicator, fields.measuredOn);
  const before = await findMeasurement(w.trx, id);
  if (!before) throw notFound('measurement', id);
  const after = await updateMeasurement(w.trx, id, { ...fields, recordedBy: w.actor.id });
  await audit(w, {
    entityType: 'measurement',
    entityId: id,
    operation: 'update',
    ...auditScope(indicator),
    before,
    after,
  });
  return after;
}

export async function removeMeasurement(
  w: Write,
  indicator: Indicator,
  measurement: Measurement,
): Promise<{ id: number }> {
  await deleteMeasurement(w.trx, measurement.id);
  await audit(w, {
    entityType: 'measurement',
    entityId: measurement.id,
    operation: 'delete',
    ...auditScope(indicator),
    before: measurement,
  });
  return { id: measurement.id };
}
