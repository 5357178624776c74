import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { planCreateInput, planUpdateInput } from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { QueryState } from '../../components/QueryState';
import { planScope, territoryScope, useCan } from '../auth/currentUser';
import {
  FormActions,
  FormPage,
  NotAllowed,
  RequiredLegend,
  SaveErrorNotice,
  useSaveForm,
  useVersionedEditForm,
  zodMessages,
} from './formKit';
import { eligibleLeads, useMemberChoices, useOrganisationChoices } from './choices';
import { PLAN_FIELDS, PlanFields, type PlanValues } from './PlanFields';
import { StageDatesForm } from './StageDatesForm';
import { FundingLines } from './FundingLines';
import './admin.css';

type Territory = RouterOutputs['territory']['byId'];
type Plan = RouterOutputs['plan']['byId'];

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
  return (
    <FormPage title={t('plan.newTitle')} subtitle={territory.data?.name}>
      <QueryState query={territory}>
        {(data) =>
          can('manage', territoryScope(data)) ? (
            <NewPlanForm territory={data} />
          ) : (
            <NotAllowed backTo={territoryPath(data.id)} backLabel={t('backToTerritory')} />
          )
        }
      </QueryState>
    </FormPage>
  );
}

function NewPlanForm({ territory }: { territory: Territory }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const choices = usePlanChoices([territory.id]);
  const { form, save, onSubmit, notice } = useSaveForm({
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
    fields: PLAN_FIELDS,
    mutation: trpc.plan.create.mutationOptions({
      onSuccess: async (plan) => {
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        await queryClient.invalidateQueries(trpc.dashboard.pathFilter());
        void navigate(planPath(plan.id));
      },
    }),
  });
  return (
    <QueryState query={choices}>
      {({ organisations, leads }) => (
        <form className="panel admin-form" noValidate onSubmit={(e) => void onSubmit(e)}>
          <RequiredLegend />
          <SaveErrorNotice {...notice} />
          <PlanFields form={form} organisations={organisations} leads={leads} />
          <FormActions saving={save.isPending} cancelTo={territoryPath(territory.id)} />
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
  return (
    <FormPage
      title={plan.data ? t('plan.editTitle', { code: plan.data.code }) : t('plan.editTitleShort')}
      subtitle={plan.data?.title}
      back={plan.data && { to: planPath(plan.data.id), label: t('backToPlan') }}
    >
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
    </FormPage>
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
  const choices = usePlanChoices(plan.territories.map((t) => t.id));
  const { form, save, onSubmit, notice } = useVersionedEditForm({
    schema: planUpdateInput,
    record: plan,
    toValues: planValues,
    fields: PLAN_FIELDS,
    fetchFresh: () =>
      queryClient.fetchQuery({ ...trpc.plan.byId.queryOptions({ id: plan.id }), staleTime: 0 }),
    mutation: trpc.plan.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.plan.pathFilter());
        await queryClient.invalidateQueries(trpc.dashboard.pathFilter());
        void navigate(planPath(plan.id));
      },
    }),
  });
  return (
    <QueryState query={choices}>
      {({ organisations, leads }) => (
        <form
          className="panel admin-form"
          noValidate
          aria-labelledby="plan-form-title"
          onSubmit={(e) => void onSubmit(e)}
        >
          <h2 id="plan-form-title">{t('plan.identity')}</h2>
          <RequiredLegend />
          <p className="muted small">
            {t('plan.territoriesValue', {
              names: plan.territories.map((x) => x.name).join(', '),
            })}
          </p>
          <SaveErrorNotice {...notice} />
          <PlanFields form={form} organisations={organisations} leads={leads} />
          <FormActions saving={save.isPending} cancelTo={planPath(plan.id)} />
        </form>
      )}
    </QueryState>
  );
}
