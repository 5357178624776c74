import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './routers/_app';

// The server package's public surface for the client: types only.
export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type {
  ActionImportPreview,
  ActionImportResult,
  ActionRowOutcome,
  FieldChange,
  RowProblem,
  RowProblemCode,
} from './import/actions';
export type { PlanImportPreview, PlanImportResult, PlanRowOutcome } from './import/plans';
export type {
  IndicatorImportPreview,
  IndicatorImportResult,
  IndicatorRowOutcome,
} from './import/indicators';
export type {
  MeasurementImportPreview,
  MeasurementImportResult,
  MeasurementRowOutcome,
} from './import/measurements';
export type { ImportFileProblem } from './import/readTable';
