import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm, type UseFormReturn, type FieldValues } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  indicatorCreateInput,
  indicatorUpdateInput,
  type PermissionScope,
} from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { QueryState } from '../../components/QueryState';
import { planScope, territoryScope, useCan } from '../auth/currentUser';
import {
  applyServerErrors,
  Field,
  FormActions,
  NotAllowed,
  RequiredLegend,
  toNumber,
  useSaveErrorText,
  zodMessages,
} from './formKit';
import './admin.css';

type Indicator = RouterOutputs['indicator']['byId'];
type CreateValues = z.input<typeof indicatorCreateInput>;
type EditValues = z.input<typeof indicatorUpdateInput>;

const INDICATOR_FIELDS = [
  'name',
  'unit',
  'kind',
  'direction',
  'baselineValue',
  'baselineDate',
  'baselineSource',
  'targetValue',
  'targetDate',
] as const;

const planPath = (id: number) => `/plans/${id}`;
const territoryPath = (id: number) => `/territories/${id}`;

/** The definition of an indicator: what is counted, from where, to where, by when. */
function IndicatorFields<T extends FieldValues, TOut>({
  form,
}: {
  form: UseFormReturn<T, unknown, TOut>;
}) {
  const { t } = useTranslation('admin');
  const { t: tv } = useTranslation('vocab');
  // Both forms hold these names; react-hook-form types paths per form.
  const { register, formState } = form as unknown as UseFormReturn<EditValues>;
  const errors = formState.errors;
  return (
    <>
      <div className="admin-grid">
        <Field
          label={t('indicator.name')}
          required
          error={errors.name?.message}
          className="admin-wide"
        >
          {(p) => <input {...p} {...register('name')} maxLength={200} />}
        </Field>
        <Field
          label={t('indicator.unit')}
          required
          error={errors.unit?.message}
          hint={t('indicator.unitHint')}
        >
          {(p) => <input {...p} {...register('unit')} maxLength={40} />}
        </Field>
      </div>
      <div className="admin-grid">
        <Field label={t('indicator.kind')} required error={errors.kind?.message}>
          {(p) => (
            <select {...p} {...register('kind')}>
              {INDICATOR_KINDS.map((k) => (
                <option key={k} value={k}>
                  {tv(`indicatorKind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('indicator.direction')} required error={errors.direction?.message}>
          {(p) => (
            <select {...p} {...register('direction')}>
              {INDICATOR_DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {tv(`indicatorDirection.${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="admin-fieldset">
        <legend>{t('indicator.baseline')}</legend>
        <div className="admin-grid">
          <Field
            label={t('indicator.baselineValue')}
            required
            error={errors.baselineValue?.message}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                step="any"
                {...register('baselineValue', { setValueAs: toNumber })}
              />
            )}
          </Field>
          <Field label={t('indicator.baselineDate')} required error={errors.baselineDate?.message}>
            {(p) => <input {...p} type="date" {...register('baselineDate')} />}
          </Field>
          <Field label={t('indicator.baselineSource')} error={errors.baselineSource?.message}>
            {(p) => <input {...p} {...register('baselineSource')} maxLength={300} />}
          </Field>
        </div>
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t('indicator.target')}</legend>
        <div className="admin-grid">
          <Field label={t('indicator.targetValue')} required error={errors.targetValue?.message}>
            {(p) => (
              <input
                {...p}
                type="number"
                step="any"
                {...register('targetValue', { setValueAs: toNumber })}
              />
            )}
          </Field>
          <Field label={t('indicator.targetDate')} required error={errors.targetDate?.message}>
            {(p) => <input {...p} type="date" {...register('targetDate')} />}
          </Field>
        </div>
      </fieldset>
    </>
  );
}

export function NewIndicatorPage() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const can = useCan();
  const planId = Number(useParams().planId);
  const plan = useQuery(trpc.plan.byId.queryOptions({ id: planId }));
  useDocumentTitle(t('indicator.newTitle'));
  return (
    <div className="page admin-page">
      <header className="page-header">
        <div>
          <h1>{t('indicator.newTitle')}</h1>
          {plan.data && (
            <p className="muted">
              {plan.data.code} · {plan.data.title}
            </p>
          )}
        </div>
      </header>
      <QueryState query={plan}>
        {(data) =>
          can('manage', planScope(data)) ? (
            <NewIndicatorForm planId={data.id} />
          ) : (
            <NotAllowed backTo={planPath(data.id)} backLabel={t('backToPlan')} />
          )
        }
      </QueryState>
    </div>
  );
}

function NewIndicatorForm({ planId }: { planId: number }) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const [flagged, setFlagged] = useState(false);
  const form = useForm({
    resolver: zodResolver(indicatorCreateInput, zodMessages),
    defaultValues: {
      planId,
      territoryId: null,
      name: '',
      unit: '',
      kind: 'output',
      direction: 'increase',
      baselineSource: '',
    } satisfies Partial<CreateValues>,
  });
  const create = useMutation(
    trpc.indicator.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.indicator.pathFilter());
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        void navigate(planPath(planId));
      },
      onError: (error) => setFlagged(applyServerErrors(error, form.setError, INDICATOR_FIELDS)),
    }),
  );
  return (
    <form
      className="panel admin-form"
      noValidate
      onSubmit={(e) => void form.handleSubmit((values) => create.mutate(values))(e)}
    >
      <RequiredLegend />
      {create.error && (
        <p className="form-error" role="alert">
          {flagged ? t('fixFields') : saveErrorText(create.error)}
        </p>
      )}
      <IndicatorFields form={form} />
      <FormActions saving={create.isPending} cancelTo={planPath(planId)} />
    </form>
  );
}

/** Where an indicator lives, for its scope and the way back: its plan or its territory. */
function useIndicatorOwner(indicator: Indicator | undefined) {
  const trpc = useTRPC();
  const planId = indicator?.planId ?? null;
  const territoryId = indicator?.territoryId ?? null;
  const plan = useQuery({
    ...trpc.plan.byId.queryOptions({ id: planId ?? 0 }),
    enabled: planId !== null,
  });
  const territory = useQuery({
    ...trpc.territory.byId.queryOptions({ id: territoryId ?? 0 }),
    enabled: planId === null && territoryId !== null,
  });
  const owner = planId !== null ? plan : territory;
  const data: { scope: PermissionScope; backTo: string } | undefined = plan.data
    ? { scope: planScope(plan.data), backTo: planPath(plan.data.id) }
    : territory.data
      ? { scope: territoryScope(territory.data), backTo: territoryPath(territory.data.id) }
      : undefined;
  return { isPending: owner.isPending, error: owner.error, refetch: owner.refetch, data };
}

export function EditIndicatorPage() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const can = useCan();
  const indicatorId = Number(useParams().indicatorId);
  const indicator = useQuery(trpc.indicator.byId.queryOptions({ id: indicatorId }));
  const owner = useIndicatorOwner(indicator.data);
  useDocumentTitle(t('indicator.editTitle'));
  return (
    <div className="page admin-page">
      <header className="page-header">
        <div>
          <h1>{t('indicator.editTitle')}</h1>
          {indicator.data && <p className="muted">{indicator.data.name}</p>}
        </div>
        {owner.data && (
          <Link to={owner.data.backTo} className="button">
            {t('back')}
          </Link>
        )}
      </header>
      <QueryState query={indicator}>
        {(data) => (
          <QueryState query={owner}>
            {({ scope, backTo }) =>
              can('manage', scope) ? (
                <EditIndicatorForm indicator={data} backTo={backTo} />
              ) : (
                <NotAllowed backTo={backTo} backLabel={t('back')} />
              )
            }
          </QueryState>
        )}
      </QueryState>
    </div>
  );
}

function EditIndicatorForm({ indicator, backTo }: { indicator: Indicator; backTo: string }) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const [flagged, setFlagged] = useState(false);
  const form = useForm({
    resolver: zodResolver(indicatorUpdateInput, zodMessages),
    defaultValues: {
      id: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      kind: indicator.kind,
      direction: indicator.direction,
      baselineValue: indicator.baselineValue,
      baselineDate: indicator.baselineDate,
      baselineSource: indicator.baselineSource,
      targetValue: indicator.targetValue,
      targetDate: indicator.targetDate,
    } satisfies EditValues,
  });
  const update = useMutation(
    trpc.indicator.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.indicator.pathFilter());
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        void navigate(backTo);
      },
      onError: (error) => setFlagged(applyServerErrors(error, form.setError, INDICATOR_FIELDS)),
    }),
  );
  return (
    <form
      className="panel admin-form"
      noValidate
      onSubmit={(e) => void form.handleSubmit((values) => update.mutate(values))(e)}
    >
      <RequiredLegend />
      {update.error && (
        <p className="form-error" role="alert">
          {flagged ? t('fixFields') : saveErrorText(update.error)}
        </p>
      )}
      <IndicatorFields form={form} />
      <FormActions saving={update.isPending} cancelTo={backTo} />
    </form>
  );
}
