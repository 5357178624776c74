import { useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  useForm,
  useWatch,
  type Resolver,
  type UseFormReturn,
  type FieldValues,
} from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  ACTION_STATUSES,
  actionCreateInput,
  actionUpdateInput,
  requiresComment,
} from '@jalon/shared';
import { errorCode, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { QueryState } from '../../components/QueryState';
import { planScope, useCan } from '../auth/currentUser';
import {
  applyServerErrors,
  ConflictNotice,
  Field,
  FormActions,
  NotAllowed,
  RequiredLegend,
  toDateOrNull,
  toNumber,
  toNumberOrNull,
  useSaveErrorText,
  zodMessages,
} from './formKit';
import { useMemberChoices, type Membership } from './choices';
import './admin.css';

type Plan = RouterOutputs['plan']['byId'];
type Action = RouterOutputs['action']['byId'];
type CreateValues = z.input<typeof actionCreateInput>;
type EditValues = Omit<z.input<typeof actionUpdateInput>, 'id' | 'version'>;
type UpdateOutput = z.output<typeof actionUpdateInput>;

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
      <Field label={t('action.title')} required error={errors.title?.message}>
        {(p) => <input {...p} {...register('title')} maxLength={300} />}
      </Field>
      <Field label={t('action.description')} error={errors.description?.message}>
        {(p) => <textarea {...p} {...register('description')} rows={3} maxLength={4000} />}
      </Field>
      <div className="admin-grid">
        <Field label={t('action.stage')} required error={errors.stageId?.message}>
          {(p) => (
            <select {...p} {...register('stageId', { setValueAs: toNumber })}>
              {plan.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.position}. {tv(`stageKind.${s.kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('action.owner')} error={errors.ownerUserId?.message}>
          {(p) => (
            <select {...p} {...register('ownerUserId', { setValueAs: toNumberOrNull })}>
              <option value="">{t('noneChosen')}</option>
              {owners.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.userName}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="admin-grid">
        <Field label={t('action.startDate')} error={errors.startDate?.message}>
          {(p) => (
            <input {...p} type="date" {...register('startDate', { setValueAs: toDateOrNull })} />
          )}
        </Field>
        <Field label={t('action.dueDate')} error={errors.dueDate?.message}>
          {(p) => (
            <input {...p} type="date" {...register('dueDate', { setValueAs: toDateOrNull })} />
          )}
        </Field>
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
      <Field label={t('action.status')} required error={errors.status?.message}>
        {(p) => (
          <select {...p} {...register('status')}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tv(`actionStatus.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('action.progress')}
        required
        error={errors.progress?.message}
        hint={t('action.progressHint')}
      >
        {(p) => (
          <input
            {...p}
            type="number"
            min={0}
            max={100}
            step={1}
            {...register('progress', { setValueAs: toNumber })}
          />
        )}
      </Field>
      <Field
        label={t('action.statusComment')}
        required={requiresComment(status)}
        error={errors.statusComment?.message}
        className="admin-wide"
        {...(requiresComment(status) ? { hint: t('action.commentHint') } : {})}
      >
        {(p) => <textarea {...p} {...register('statusComment')} rows={2} maxLength={2000} />}
      </Field>
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
  useDocumentTitle(t('action.newTitle'));
  return (
    <div className="page admin-page">
      <header className="page-header">
        <div>
          <h1>{t('action.newTitle')}</h1>
          {plan.data && (
            <p className="muted">
              {plan.data.code} · {plan.data.title}
            </p>
          )}
        </div>
      </header>
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
    </div>
  );
}

function NewActionForm({ plan, owners }: { plan: Plan; owners: readonly Membership[] }) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const [params] = useSearchParams();
  const [flagged, setFlagged] = useState(false);
  const stageParam = Number(params.get('stage'));
  const stageId = plan.stages.find((s) => s.id === stageParam)?.id ?? plan.stages[0]?.id ?? 0;
  const form = useForm({
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
  });
  const create = useMutation(
    trpc.action.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.action.pathFilter());
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        void navigate(planPath(plan.id));
      },
      onError: (error) => setFlagged(applyServerErrors(error, form.setError, ACTION_FIELDS)),
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
      <ActionFields form={form} plan={plan} owners={owners} />
      <StatusFields form={form} />
      <FormActions saving={create.isPending} cancelTo={planPath(plan.id)} />
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
  useDocumentTitle(t('action.editTitle'));
  return (
    <div className="page admin-page">
      <header className="page-header">
        <div>
          <h1>{t('action.editTitle')}</h1>
          {plan.data && (
            <p className="muted">
              {plan.data.code} · {plan.data.title}
            </p>
          )}
        </div>
        {plan.data && (
          <Link to={planPath(plan.data.id)} className="button">
            {t('backToPlan')}
          </Link>
        )}
      </header>
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
    </div>
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
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const base = useRef({ id: action.id, version: action.version });
  const [conflict, setConflict] = useState(false);
  const [flagged, setFlagged] = useState(false);
  const updateResolver = zodResolver(actionUpdateInput, zodMessages);
  const resolver: Resolver<EditValues, unknown, UpdateOutput> = (values, context, options) =>
    updateResolver(
      { ...values, ...base.current },
      context,
      // The same fields, plus the two this form keeps aside.
      options as unknown as Parameters<typeof updateResolver>[2],
    );
  const form = useForm<EditValues, unknown, UpdateOutput>({
    resolver,
    defaultValues: editValues(action),
  });
  const update = useMutation(
    trpc.action.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.action.pathFilter());
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        void navigate(planPath(plan.id));
      },
      onError: (error) => {
        const placed = applyServerErrors(error, form.setError, ACTION_FIELDS);
        setFlagged(placed);
        setConflict(!placed && errorCode(error) === 'CONFLICT');
      },
    }),
  );
  const reload = async () => {
    const fresh = await queryClient.fetchQuery({
      ...trpc.action.byId.queryOptions({ id: action.id }),
      staleTime: 0,
    });
    base.current = { id: fresh.id, version: fresh.version };
    form.reset(editValues(fresh));
    setConflict(false);
    update.reset();
  };
  return (
    <form
      className="panel admin-form"
      noValidate
      onSubmit={(e) => void form.handleSubmit((values) => update.mutate(values))(e)}
    >
      <RequiredLegend />
      {conflict ? (
        <ConflictNotice onReload={() => void reload()} />
      ) : (
        update.error && (
          <p className="form-error" role="alert">
            {flagged ? t('fixFields') : saveErrorText(update.error)}
          </p>
        )
      )}
      <ActionFields form={form} plan={plan} owners={owners} />
      <FormActions saving={update.isPending} cancelTo={planPath(plan.id)} />
    </form>
  );
}
