import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useWatch, type UseFormReturn, type FieldValues } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  ACTION_STATUSES,
  actionCreateInput,
  actionUpdateInput,
  requiresComment,
} from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { QueryState } from '../../components/QueryState';
import { planScope, useCan } from '../auth/currentUser';
import {
  FormActions,
  FormPage,
  InputField,
  NotAllowed,
  RequiredLegend,
  SaveErrorNotice,
  SelectField,
  TextAreaField,
  toDateOrNull,
  toNumber,
  toNumberOrNull,
  useSaveForm,
  useVersionedEditForm,
  zodMessages,
} from './formKit';
import { useMemberChoices, type Membership } from './choices';
import './admin.css';

type Plan = RouterOutputs['plan']['byId'];
type Action = RouterOutputs['action']['byId'];
type CreateValues = z.input<typeof actionCreateInput>;
type EditValues = Omit<z.input<typeof actionUpdateInput>, 'id' | 'version'>;

const ACTION_FIELDS = [
  'stageId',
  'title',
  'description',
  'ownerUserId',
  'status',
  'progress',
  'statusComment',
  'startDate',
  'dueDate',
] as const;

const planPath = (id: number) => `/plans/${id}`;
const planLine = (plan: Plan | undefined) => plan && `${plan.code} · ${plan.title}`;

/** The fields an action has whether it is new or edited. */
function ActionFields<T extends FieldValues, TOut>({
  form,
  plan,
  owners,
}: {
  form: UseFormReturn<T, unknown, TOut>;
  plan: Plan;
  owners: readonly Membership[];
}) {
  const { t } = useTranslation('admin');
  const { t: tv } = useTranslation('vocab');
  // Both forms hold these names; react-hook-form types paths per form.
  const { register, formState } = form as unknown as UseFormReturn<EditValues>;
  const errors = formState.errors;
  return (
    <>
      <InputField
        label={t('action.title')}
        required
        error={errors.title?.message}
        input={{ ...register('title'), maxLength: 300 }}
      />
      <TextAreaField
        label={t('action.description')}
        error={errors.description?.message}
        textarea={{ ...register('description'), rows: 3, maxLength: 4000 }}
      />
      <div className="admin-grid">
        <SelectField
          label={t('action.stage')}
          required
          error={errors.stageId?.message}
          select={register('stageId', { setValueAs: toNumber })}
          choices={plan.stages.map((s) => ({
            value: s.id,
            label: `${s.position}. ${tv(`stageKind.${s.kind}`)}`,
          }))}
        />
        <SelectField
          label={t('action.owner')}
          error={errors.ownerUserId?.message}
          select={register('ownerUserId', { setValueAs: toNumberOrNull })}
          placeholder={t('noneChosen')}
          choices={owners.map((m) => ({ value: m.userId, label: m.userName }))}
        />
      </div>
      <div className="admin-grid">
        <InputField
          label={t('action.startDate')}
          error={errors.startDate?.message}
          input={{ type: 'date', ...register('startDate', { setValueAs: toDateOrNull }) }}
        />
        <InputField
          label={t('action.dueDate')}
          error={errors.dueDate?.message}
          input={{ type: 'date', ...register('dueDate', { setValueAs: toDateOrNull }) }}
        />
      </div>
    </>
  );
}

/** Status, progress and the comment a Bloqué or En retard status needs: set when creating. */
function StatusFields<TOut>({ form }: { form: UseFormReturn<CreateValues, unknown, TOut> }) {
  const { t } = useTranslation('admin');
  const { t: tv } = useTranslation('vocab');
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const status = useWatch({ control, name: 'status' }) ?? 'not_started';
  return (
    <div className="admin-grid">
      <SelectField
        label={t('action.status')}
        required
        error={errors.status?.message}
        select={register('status')}
        choices={ACTION_STATUSES.map((s) => ({ value: s, label: tv(`actionStatus.${s}`) }))}
      />
      <InputField
        label={t('action.progress')}
        required
        error={errors.progress?.message}
        hint={t('action.progressHint')}
        input={{
          type: 'number',
          min: 0,
          max: 100,
          step: 1,
          ...register('progress', { setValueAs: toNumber }),
        }}
      />
      <TextAreaField
        label={t('action.statusComment')}
        required={requiresComment(status)}
        error={errors.statusComment?.message}
        className="admin-wide"
        {...(requiresComment(status) ? { hint: t('action.commentHint') } : {})}
        textarea={{ ...register('statusComment'), rows: 2, maxLength: 2000 }}
      />
    </div>
  );
}

/** Loads what both action pages need: the plan (for scope and stages) and its members. */
function usePlanAndOwners(planId: number | undefined) {
  const trpc = useTRPC();
  const plan = useQuery({
    ...trpc.plan.byId.queryOptions({ id: planId ?? 0 }),
    enabled: planId !== undefined,
  });
  const owners = useMemberChoices(plan.data?.territories.map((t) => t.id) ?? []);
  return { plan, owners };
}

export function NewActionPage() {
  const { t } = useTranslation('admin');
  const can = useCan();
  const planId = Number(useParams().planId);
  const { plan, owners } = usePlanAndOwners(planId);
  return (
    <FormPage title={t('action.newTitle')} subtitle={planLine(plan.data)}>
      <QueryState query={plan}>
        {(data) =>
          !can('manage', planScope(data)) ? (
            <NotAllowed backTo={planPath(data.id)} backLabel={t('backToPlan')} />
          ) : (
            <QueryState query={{ ...owners, data: owners.isPending ? undefined : owners.members }}>
              {(members) => <NewActionForm plan={data} owners={members} />}
            </QueryState>
          )
        }
      </QueryState>
    </FormPage>
  );
}

function NewActionForm({ plan, owners }: { plan: Plan; owners: readonly Membership[] }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const stageParam = Number(params.get('stage'));
  const stageId = plan.stages.find((s) => s.id === stageParam)?.id ?? plan.stages[0]?.id ?? 0;
  const { form, save, onSubmit, notice } = useSaveForm({
    resolver: zodResolver(actionCreateInput, zodMessages),
    defaultValues: {
      stageId,
      title: '',
      description: '',
      ownerUserId: null,
      status: 'not_started',
      progress: 0,
      statusComment: '',
      startDate: null,
      dueDate: null,
    },
    fields: ACTION_FIELDS,
    mutation: trpc.action.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.action.pathFilter());
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        void navigate(planPath(plan.id));
      },
    }),
  });
  return (
    <form className="panel admin-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <RequiredLegend />
      <SaveErrorNotice {...notice} />
      <ActionFields form={form} plan={plan} owners={owners} />
      <StatusFields form={form} />
      <FormActions saving={save.isPending} cancelTo={planPath(plan.id)} />
    </form>
  );
}

export function EditActionPage() {
  const { t } = useTranslation('admin');
  const { t: tv } = useTranslation('vocab');
  const trpc = useTRPC();
  const can = useCan();
  const actionId = Number(useParams().actionId);
  const action = useQuery(trpc.action.byId.queryOptions({ id: actionId }));
  const { plan, owners } = usePlanAndOwners(action.data?.planId);
  return (
    <FormPage
      title={t('action.editTitle')}
      subtitle={planLine(plan.data)}
      back={plan.data && { to: planPath(plan.data.id), label: t('backToPlan') }}
    >
      <QueryState query={action}>
        {(actionData) => (
          <QueryState query={plan}>
            {(planData) =>
              // Editing an action is plan work: its plan's lead may, like its coordinators.
              !can('update_plan_work', planScope(planData)) ? (
                <NotAllowed backTo={planPath(planData.id)} backLabel={t('backToPlan')} />
              ) : (
                <QueryState
                  query={{ ...owners, data: owners.isPending ? undefined : owners.members }}
                >
                  {(members) => (
                    <>
                      <p className="muted small">
                        {t('action.currentStatus', {
                          status: tv(`actionStatus.${actionData.status}`),
                          progress: actionData.progress,
                        })}
                      </p>
                      <EditActionForm action={actionData} plan={planData} owners={members} />
                    </>
                  )}
                </QueryState>
              )
            }
          </QueryState>
        )}
      </QueryState>
    </FormPage>
  );
}

const editValues = (a: Action): EditValues => ({
  title: a.title,
  description: a.description,
  ownerUserId: a.ownerUserId,
  stageId: a.stageId,
  startDate: a.startDate,
  dueDate: a.dueDate,
});

function EditActionForm({
  action,
  plan,
  owners,
}: {
  action: Action;
  plan: Plan;
  owners: readonly Membership[];
}) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { form, save, onSubmit, notice } = useVersionedEditForm({
    schema: actionUpdateInput,
    record: action,
    toValues: editValues,
    fields: ACTION_FIELDS,
    fetchFresh: () =>
      queryClient.fetchQuery({ ...trpc.action.byId.queryOptions({ id: action.id }), staleTime: 0 }),
    mutation: trpc.action.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.action.pathFilter());
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        void navigate(planPath(plan.id));
      },
    }),
  });
  return (
    <form className="panel admin-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <RequiredLegend />
      <SaveErrorNotice {...notice} />
      <ActionFields form={form} plan={plan} owners={owners} />
      <FormActions saving={save.isPending} cancelTo={planPath(plan.id)} />
    </form>
  );
}
