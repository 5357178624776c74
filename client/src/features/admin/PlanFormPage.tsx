import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { planCreateInput, planUpdateInput } from '@jalon/shared';
import { errorCode, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { QueryState } from '../../components/QueryState';
import { planScope, territoryScope, useCan } from '../auth/currentUser';
import {
  applyServerErrors,
  ConflictNotice,
  FormActions,
  NotAllowed,
  RequiredLegend,
  useSaveErrorText,
  zodMessages,
} from './formKit';
import { eligibleLeads, useMemberChoices, useOrganisationChoices } from './choices';
import { PLAN_FIELDS, PlanFields, type PlanValues } from './PlanFields';
import { StageDatesForm } from './StageDatesForm';
import { FundingLines } from './FundingLines';
import './admin.css';

type Territory = RouterOutputs['territory']['byId'];
type Plan = RouterOutputs['plan']['byId'];
type PlanUpdate = z.output<typeof planUpdateInput>;

const territoryPath = (id: number) => `/territories/${id}`;
const planPath = (id: number) => `/plans/${id}`;

/** The choices both plan forms pick from, loaded together with their states. */
function usePlanChoices(territoryIds: readonly number[]) {
  const organisations = useOrganisationChoices();
  const members = useMemberChoices(territoryIds);
  return {
    isPending: organisations.isPending || members.isPending,
    error: organisations.error ?? members.error,
    data:
      organisations.data && !members.isPending
        ? { organisations: organisations.data.items, leads: eligibleLeads(members.members) }
        : undefined,
    refetch: () => {
      void organisations.refetch();
      members.refetch();
    },
  };
}

export function NewPlanPage() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const can = useCan();
  const territoryId = Number(useParams().territoryId);
  const territory = useQuery(trpc.territory.byId.queryOptions({ id: territoryId }));
  useDocumentTitle(t('plan.newTitle'));
  return (
    <div className="page admin-page">
      <header className="page-header">
        <div>
          <h1>{t('plan.newTitle')}</h1>
          {territory.data && <p className="muted">{territory.data.name}</p>}
        </div>
      </header>
      <QueryState query={territory}>
        {(data) =>
          can('manage', territoryScope(data)) ? (
            <NewPlanForm territory={data} />
          ) : (
            <NotAllowed backTo={territoryPath(data.id)} backLabel={t('backToTerritory')} />
          )
        }
      </QueryState>
    </div>
  );
}

function NewPlanForm({ territory }: { territory: Territory }) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const [flagged, setFlagged] = useState(false);
  const choices = usePlanChoices([territory.id]);
  const form = useForm({
    resolver: zodResolver(planCreateInput, zodMessages),
    defaultValues: {
      code: '',
      title: '',
      summary: '',
      priority: 'medium',
      leadOrganisationId: null,
      startDate: null,
      endDate: null,
      budgetCents: null,
      territoryIds: [territory.id],
      partners: [],
      leadUserIds: [],
    },
  });
  const create = useMutation(
    trpc.plan.create.mutationOptions({
      onSuccess: async (plan) => {
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        await queryClient.invalidateQueries(trpc.dashboard.pathFilter());
        void navigate(planPath(plan.id));
      },
      onError: (error) => setFlagged(applyServerErrors(error, form.setError, PLAN_FIELDS)),
    }),
  );
  return (
    <QueryState query={choices}>
      {({ organisations, leads }) => (
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
          <PlanFields form={form} organisations={organisations} leads={leads} />
          <FormActions saving={create.isPending} cancelTo={territoryPath(territory.id)} />
        </form>
      )}
    </QueryState>
  );
}

export function EditPlanPage() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const can = useCan();
  const planId = Number(useParams().planId);
  const plan = useQuery(trpc.plan.byId.queryOptions({ id: planId }));
  useDocumentTitle(
    plan.data ? t('plan.editTitle', { code: plan.data.code }) : t('plan.editTitleShort'),
  );
  return (
    <div className="page admin-page">
      <header className="page-header">
        <div>
          <h1>
            {plan.data ? t('plan.editTitle', { code: plan.data.code }) : t('plan.editTitleShort')}
          </h1>
          {plan.data && <p className="muted">{plan.data.title}</p>}
        </div>
        {plan.data && (
          <Link to={planPath(plan.data.id)} className="button">
            {t('backToPlan')}
          </Link>
        )}
      </header>
      <QueryState query={plan}>
        {(data) =>
          !can('manage', planScope(data)) ? (
            <NotAllowed backTo={planPath(data.id)} backLabel={t('backToPlan')} />
          ) : data.archivedAt !== null ? (
            <p className="form-error" role="alert">
              {t('validation.archived')}
            </p>
          ) : (
            <>
              <EditPlanForm key={data.id} plan={data} />
              <StageDatesForm key={`stages-${data.id}`} plan={data} />
              <FundingLines plan={data} />
            </>
          )
        }
      </QueryState>
    </div>
  );
}

const planValues = (plan: Plan): PlanValues => ({
  code: plan.code,
  title: plan.title,
  summary: plan.summary,
  axis: plan.axis,
  priority: plan.priority,
  leadOrganisationId: plan.leadOrganisationId,
  startDate: plan.startDate,
  endDate: plan.endDate,
  budgetCents: plan.budgetCents,
  territoryIds: plan.territories.map((t) => t.id),
  partners: plan.partners.map((p) => ({ organisationId: p.organisationId, role: p.role })),
  leadUserIds: plan.leads.map((l) => l.userId),
});

/**
 * Edits the plan as loaded when the form opened: the version it sends is that one, so a change
 * saved by someone else meanwhile comes back as a conflict instead of being overwritten.
 */
function EditPlanForm({ plan }: { plan: Plan }) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const choices = usePlanChoices(plan.territories.map((t) => t.id));
  const base = useRef({ id: plan.id, version: plan.version });
  const [conflict, setConflict] = useState(false);
  const [flagged, setFlagged] = useState(false);
  const updateResolver = zodResolver(planUpdateInput, zodMessages);
  const resolver: Resolver<PlanValues, unknown, PlanUpdate> = (values, context, options) =>
    updateResolver(
      { ...values, ...base.current },
      context,
      // The same fields, plus the two this form keeps aside.
      options as unknown as Parameters<typeof updateResolver>[2],
    );
  const form = useForm<PlanValues, unknown, PlanUpdate>({
    resolver,
    defaultValues: planValues(plan),
  });
  const update = useMutation(
    trpc.plan.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        await queryClient.invalidateQueries(trpc.dashboard.pathFilter());
        void navigate(planPath(plan.id));
      },
      onError: (error) => {
        const placed = applyServerErrors(error, form.setError, PLAN_FIELDS);
        setFlagged(placed);
        setConflict(!placed && errorCode(error) === 'CONFLICT');
      },
    }),
  );
  const reload = async () => {
    const fresh = await queryClient.fetchQuery({
      ...trpc.plan.byId.queryOptions({ id: plan.id }),
      staleTime: 0,
    });
    base.current = { id: fresh.id, version: fresh.version };
    form.reset(planValues(fresh));
    setConflict(false);
    update.reset();
  };
  return (
    <QueryState query={choices}>
      {({ organisations, leads }) => (
        <form
          className="panel admin-form"
          noValidate
          aria-labelledby="plan-form-title"
          onSubmit={(e) => void form.handleSubmit((values) => update.mutate(values))(e)}
        >
          <h2 id="plan-form-title">{t('plan.identity')}</h2>
          <RequiredLegend />
          <p className="muted small">
            {t('plan.territoriesValue', {
              names: plan.territories.map((x) => x.name).join(', '),
            })}
          </p>
          {conflict ? (
            <ConflictNotice onReload={() => void reload()} />
          ) : (
            update.error && (
              <p className="form-error" role="alert">
                {flagged ? t('fixFields') : saveErrorText(update.error)}
              </p>
            )
          )}
          <PlanFields form={form} organisations={organisations} leads={leads} />
          <FormActions saving={update.isPending} cancelTo={planPath(plan.id)} />
        </form>
      )}
    </QueryState>
  );
}
