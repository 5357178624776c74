import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type UseFormReturn, type FieldValues } from 'react-hook-form';
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
import { QueryState } from '../../components/QueryState';
import { planScope, territoryScope, useCan } from '../auth/currentUser';
import {
  FormActions,
  FormPage,
  InputField,
  NotAllowed,
  RequiredLegend,
  SaveErrorNotice,
  SelectField,
  toNumber,
  useSaveForm,
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
        <InputField
          label={t('indicator.name')}
          required
          error={errors.name?.message}
          className="admin-wide"
          input={{ ...register('name'), maxLength: 200 }}
        />
        <InputField
          label={t('indicator.unit')}
          required
          error={errors.unit?.message}
          hint={t('indicator.unitHint')}
          input={{ ...register('unit'), maxLength: 40 }}
        />
      </div>
      <div className="admin-grid">
        <SelectField
          label={t('indicator.kind')}
          required
          error={errors.kind?.message}
          select={register('kind')}
          choices={INDICATOR_KINDS.map((k) => ({ value: k, label: tv(`indicatorKind.${k}`) }))}
        />
        <SelectField
          label={t('indicator.direction')}
          required
          error={errors.direction?.message}
          select={register('direction')}
          choices={INDICATOR_DIRECTIONS.map((d) => ({
            value: d,
            label: tv(`indicatorDirection.${d}`),
          }))}
        />
      </div>
      <fieldset className="admin-fieldset">
        <legend>{t('indicator.baseline')}</legend>
        <div className="admin-grid">
          <InputField
            label={t('indicator.baselineValue')}
            required
            error={errors.baselineValue?.message}
            input={{
              type: 'number',
              step: 'any',
              ...register('baselineValue', { setValueAs: toNumber }),
            }}
          />
          <InputField
            label={t('indicator.baselineDate')}
            required
            error={errors.baselineDate?.message}
            input={{ type: 'date', ...register('baselineDate') }}
          />
          <InputField
            label={t('indicator.baselineSource')}
            error={errors.baselineSource?.message}
            input={{ ...register('baselineSource'), maxLength: 300 }}
          />
        </div>
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t('indicator.target')}</legend>
        <div className="admin-grid">
          <InputField
            label={t('indicator.targetValue')}
            required
            error={errors.targetValue?.message}
            input={{
              type: 'number',
              step: 'any',
              ...register('targetValue', { setValueAs: toNumber }),
            }}
          />
          <InputField
            label={t('indicator.targetDate')}
            required
            error={errors.targetDate?.message}
            input={{ type: 'date', ...register('targetDate') }}
          />
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
  return (
    <FormPage
      title={t('indicator.newTitle')}
      subtitle={plan.data && `${plan.data.code} · ${plan.data.title}`}
    >
      <QueryState query={plan}>
        {(data) =>
          can('manage', planScope(data)) ? (
            <NewIndicatorForm owner={{ planId: data.id, territoryId: null }} />
          ) : (
            <NotAllowed backTo={planPath(data.id)} backLabel={t('backToPlan')} />
          )
        }
      </QueryState>
    </FormPage>
  );
}

/** Creates an indicator for the territory's coordinators: of the territory itself or of a plan. */
export function NewTerritoryIndicatorPage() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const can = useCan();
  const territoryId = Number(useParams().territoryId);
  const territory = useQuery(trpc.territory.byId.queryOptions({ id: territoryId }));
  const plans = useQuery(trpc.plan.list.queryOptions({ territoryId, limit: 200 }));
  return (
    <FormPage title={t('indicator.newTitle')} subtitle={territory.data?.name}>
      <QueryState query={territory}>
        {(data) =>
          can('manage', territoryScope(data)) ? (
            <QueryState query={plans}>
              {(list) => (
                <NewIndicatorForm
                  owner={{ planId: null, territoryId: data.id }}
                  plans={list.items}
                />
              )}
            </QueryState>
          ) : (
            <NotAllowed backTo={territoryPath(data.id)} backLabel={t('back')} />
          )
        }
      </QueryState>
    </FormPage>
  );
}

interface IndicatorOwner {
  planId: number | null;
  territoryId: number | null;
}

const TERRITORY_ITSELF = 'territory';

function NewIndicatorForm({
  owner,
  plans,
}: {
  owner: IndicatorOwner;
  /** When given, the form asks whether the indicator is the territory's or one of these plans'. */
  plans?: readonly { id: number; code: string; title: string }[];
}) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const territoryId = owner.territoryId;
  const { form, save, onSubmit, notice } = useSaveForm({
    resolver: zodResolver(indicatorCreateInput, zodMessages),
    defaultValues: {
      ...owner,
      name: '',
      unit: '',
      kind: 'output',
      direction: 'increase',
      baselineSource: '',
    } satisfies Partial<CreateValues>,
    fields: INDICATOR_FIELDS,
    mutation: trpc.indicator.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries(trpc.indicator.pathFilter());
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        void navigate(
          created.planId !== null
            ? planPath(created.planId)
            : territoryPath(created.territoryId ?? 0),
        );
      },
    }),
  });
  const backTo = owner.planId !== null ? planPath(owner.planId) : territoryPath(territoryId ?? 0);
  const chooseOwner = (value: string) => {
    const planId = value === TERRITORY_ITSELF ? null : Number(value);
    form.setValue('planId', planId);
    form.setValue('territoryId', planId === null ? territoryId : null);
  };
  return (
    <form className="panel admin-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <RequiredLegend />
      <SaveErrorNotice {...notice} />
      {plans && (
        <div className="admin-grid">
          <SelectField
            label={t('indicator.owner')}
            required
            className="admin-wide"
            error={form.formState.errors.planId?.message}
            select={{
              defaultValue: TERRITORY_ITSELF,
              onChange: (e) => chooseOwner(e.target.value),
            }}
            choices={[
              { value: TERRITORY_ITSELF, label: t('indicator.ownerTerritory') },
              ...plans.map((p) => ({ value: String(p.id), label: `${p.code} · ${p.title}` })),
            ]}
          />
        </div>
      )}
      <IndicatorFields form={form} />
      <FormActions saving={save.isPending} cancelTo={backTo} />
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
  return (
    <FormPage
      title={t('indicator.editTitle')}
      subtitle={indicator.data?.name}
      back={owner.data && { to: owner.data.backTo, label: t('back') }}
    >
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
    </FormPage>
  );
}

function EditIndicatorForm({ indicator, backTo }: { indicator: Indicator; backTo: string }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, save, onSubmit, notice } = useSaveForm({
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
    fields: INDICATOR_FIELDS,
    mutation: trpc.indicator.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.indicator.pathFilter());
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        void navigate(backTo);
      },
    }),
  });
  return (
    <form className="panel admin-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <RequiredLegend />
      <SaveErrorNotice {...notice} />
      <IndicatorFields form={form} />
      <FormActions saving={save.isPending} cancelTo={backTo} />
    </form>
  );
}
