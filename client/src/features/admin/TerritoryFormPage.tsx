import { useId, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { territoryUpdateInput } from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { QueryState } from '../../components/QueryState';
import { territoryScope, useCan } from '../auth/currentUser';
import {
  FormActions,
  FormPage,
  InputField,
  NotAllowed,
  SaveErrorNotice,
  toDateOrNull,
  toNumberOrNull,
  useSaveForm,
  zodMessages,
} from './formKit';
import './admin.css';

type Territory = RouterOutputs['territory']['byId'];
type Values = z.input<typeof territoryUpdateInput>;
type Epci = Territory['epcis'][number];

const IDENTITY_FIELDS = [
  'electedChair',
  'industrialChair',
  'projectLeadName',
  'joinedOn',
  'industrialFirms',
  'industrialJobs',
  'reminderDays',
  'epciIds',
] as const;

const territoryPath = (id: number) => `/territories/${id}`;
const toTextOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/** The territory's identity, kept by its coordinators: binôme, chef de projet, EPCIs, figures. */
export function EditTerritoryPage() {
  const { t } = useTranslation('story');
  const trpc = useTRPC();
  const can = useCan();
  const territoryId = Number(useParams().territoryId);
  const territory = useQuery(trpc.territory.byId.queryOptions({ id: territoryId }));
  return (
    <FormPage
      title={t('identity.form.title')}
      subtitle={territory.data?.name}
      back={{ to: territoryPath(territoryId), label: t('identity.form.back') }}
    >
      <QueryState query={territory}>
        {(data) =>
          can('manage', territoryScope(data)) ? (
            <TerritoryForm territory={data} />
          ) : (
            <NotAllowed backTo={territoryPath(data.id)} backLabel={t('identity.form.back')} />
          )
        }
      </QueryState>
    </FormPage>
  );
}

function TerritoryForm({ territory }: { territory: Territory }) {
  const { t } = useTranslation('story');
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [epcis, setEpcis] = useState<Epci[]>(territory.epcis);
  const { form, save, onSubmit, notice } = useSaveForm({
    resolver: zodResolver(territoryUpdateInput, zodMessages),
    defaultValues: {
      id: territory.id,
      electedChair: territory.electedChair,
      industrialChair: territory.industrialChair,
      projectLeadName: territory.projectLeadName,
      joinedOn: territory.joinedOn,
      industrialFirms: territory.industrialFirms,
      industrialJobs: territory.industrialJobs,
      reminderDays: territory.reminderDays,
      epciIds: territory.epcis.map((e) => e.id),
    } satisfies Values,
    fields: IDENTITY_FIELDS,
    mutation: trpc.territory.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.territory.pathFilter());
        await queryClient.invalidateQueries(trpc.dashboard.pathFilter());
        void navigate(territoryPath(territory.id));
      },
    }),
  });
  const { register, formState, setValue } = form;
  const errors = formState.errors;
  const changeEpcis = (next: Epci[]) => {
    setEpcis(next);
    setValue(
      'epciIds',
      next.map((e) => e.id),
      { shouldDirty: true },
    );
  };
  const text = (name: 'electedChair' | 'industrialChair' | 'projectLeadName') =>
    register(name, { setValueAs: toTextOrNull });

  return (
    <form className="panel admin-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <SaveErrorNotice {...notice} />
      <fieldset className="admin-fieldset">
        <legend>{t('identity.form.people')}</legend>
        <div className="admin-grid">
          <InputField
            label={t('identity.electedChair')}
            hint={t('identity.form.chairHint')}
            error={errors.electedChair?.message}
            input={{ ...text('electedChair'), maxLength: 160 }}
          />
          <InputField
            label={t('identity.industrialChair')}
            hint={t('identity.form.chairHint')}
            error={errors.industrialChair?.message}
            input={{ ...text('industrialChair'), maxLength: 160 }}
          />
          <InputField
            label={t('identity.projectLead')}
            error={errors.projectLeadName?.message}
            input={{ ...text('projectLeadName'), maxLength: 160 }}
          />
        </div>
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t('identity.form.figures')}</legend>
        <div className="admin-grid">
          <InputField
            label={t('identity.joinedOn')}
            error={errors.joinedOn?.message}
            input={{ type: 'date', ...register('joinedOn', { setValueAs: toDateOrNull }) }}
          />
          <InputField
            label={t('identity.industrialFirms')}
            error={errors.industrialFirms?.message}
            input={{
              type: 'number',
              min: 0,
              step: 1,
              ...register('industrialFirms', { setValueAs: toNumberOrNull }),
            }}
          />
          <InputField
            label={t('identity.industrialJobs')}
            error={errors.industrialJobs?.message}
            input={{
              type: 'number',
              min: 0,
              step: 1,
              ...register('industrialJobs', { setValueAs: toNumberOrNull }),
            }}
          />
          <InputField
            label={t('identity.reminderDays')}
            hint={t('identity.reminderDaysHint')}
            error={errors.reminderDays?.message}
            input={{
              type: 'number',
              min: 0,
              max: 30,
              step: 1,
              ...register('reminderDays', { valueAsNumber: true }),
            }}
          />
        </div>
      </fieldset>
      <EpciPicker value={epcis} onChange={changeEpcis} error={errors.epciIds?.message} />
      <FormActions saving={save.isPending} cancelTo={territoryPath(territory.id)} />
    </form>
  );
}

/** An EPCI's name with its SIREN, which tells apart two EPCIs of similar names. */
function EpciName({ epci }: { epci: { name: string; siren: string | null } }) {
  return (
    <span>
      {epci.name}
      {epci.siren && <span className="muted"> · SIREN {epci.siren}</span>}
    </span>
  );
}

/** The member EPCIs: the current ones, each removable, and a search among all EPCIs to add one. */
function EpciPicker({
  value,
  onChange,
  error,
}: {
  value: readonly Epci[];
  onChange: (next: Epci[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation('story');
  const trpc = useTRPC();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const term = search.trim();
  const found = useQuery({
    ...trpc.organisation.list.queryOptions({ kind: 'epci', search: term, limit: 20 }),
    enabled: term.length >= 2,
  });
  const chosen = new Set(value.map((e) => e.id));
  const candidates = (found.data?.items ?? []).filter((o) => !chosen.has(o.id));
  return (
    <fieldset className="admin-fieldset">
      <legend>{t('identity.epcis', { count: value.length })}</legend>
      {value.length === 0 ? (
        <p className="muted">{t('identity.noEpci')}</p>
      ) : (
        <ul className="epci-list">
          {value.map((epci) => (
            <li key={epci.id}>
              <EpciName epci={epci} />
              <button
                type="button"
                className="button button-small"
                aria-label={t('identity.form.removeNamed', { name: epci.name })}
                onClick={() => onChange(value.filter((e) => e.id !== epci.id))}
              >
                {t('identity.form.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field-error">{error}</p>}
      <div className="field">
        <label htmlFor={searchId}>{t('identity.form.addEpci')}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          maxLength={120}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {term.length >= 2 && !found.isPending && candidates.length === 0 && (
        <p className="muted">{t('identity.form.noMatch')}</p>
      )}
      {candidates.length > 0 && (
        <ul className="epci-list" aria-label={t('identity.form.matches')}>
          {candidates.map((organisation) => (
            <li key={organisation.id}>
              <EpciName epci={organisation} />
              <button
                type="button"
                className="button button-small"
                aria-label={t('identity.form.addNamed', { name: organisation.name })}
                onClick={() => {
                  onChange([
                    ...value,
                    { id: organisation.id, name: organisation.name, siren: organisation.siren },
                  ]);
                  setSearch('');
                }}
              >
                {t('identity.form.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
