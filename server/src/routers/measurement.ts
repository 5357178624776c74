import { findMeasurement, listMeasurements } from '@jalon/db';
import {
  byIdInput,
  measurementCreateInput,
  measurementListInput,
  measurementUpdateInput,
} from '@jalon/shared';
import { authedProcedure, router } from '../trpc';
import { authorize, authorizeRecording } from '../auth/guards';
import { notFound } from '../errors';
import { correctMeasurement, recordMeasurement, removeMeasurement, write } from '../services';

export const measurementRouter = router({
  list: authedProcedure.input(measurementListInput).query(async ({ ctx, input }) => {
    await authorize(ctx, 'read', { entity: 'indicator', id: input.indicatorId });
    const result = await listMeasurements(ctx.db, input);
    return { ...result, limit: input.limit, offset: input.offset };
  }),

  create: authedProcedure.input(measurementCreateInput).mutation(async ({ ctx, input }) => {
    const indicator = await authorizeRecording(ctx, input.indicatorId);
    return write(ctx, (w) => recordMeasurement(w, indicator, input));
  }),

  /** Corrects a measurement: who corrects it becomes its recorder; the audit keeps old → new. */
  update: authedProcedure.input(measurementUpdateInput).mutation(async ({ ctx, input }) => {
    const before = await findMeasurement(ctx.db, input.id);
    if (!before) throw notFound('measurement', input.id);
    const indicator = await authorizeRecording(ctx, before.indicatorId);
    return write(ctx, (w) => correctMeasurement(w, indicator, input));
  }),

  delete: authedProcedure.input(byIdInput).mutation(async ({ ctx, input }) => {
    const measurement = await findMeasurement(ctx.db, input.id);
    if (!measurement) throw notFound('measurement', input.id);
    const indicator = await authorizeRecording(ctx, measurement.indicatorId);
    return write(ctx, (w) => removeMeasurement(w, indicator, measurement));
  }),
});
