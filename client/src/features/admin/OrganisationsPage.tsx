import { useState, type FormEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  managedTerritoryIds,
  ORGANISATION_KINDS,
  organisationCreateInput,
  type OrganisationKind,
} from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { QueryState, useErrorText } from '../../components/QueryState';
import { Pagination } from '../../components/Pagination';
import { useCurrentUser } from '../auth/currentUser';
import { NotAllowed } from './formKit';
import './admin.css';

type Organisation = RouterOutputs['organisation']['list']['items'][number];

/** Admins and coordinators (as the server allows): organisations, searched; add or rename one. */
export function OrganisationsPage() {
  const { t } = useTranslation('directory');
  const user = useCurrentUser();
  useDocumentTitle(t('organisations.title'));
  const mayEdit = user.globalRole === 'admin' || managedTerritoryIds(user).length > 0;
  if (!mayEdit) return <NotAllowed backTo="/" backLabel={t('organisations.title')} />;
  return <Organisations />;
}

function Organisations() {
  const { t } = useTranslation('directory');
  const { t: tv } = useTranslation('vocab');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState({ limit: 25, offset: 0 });
  const [editing, setEditing] = useState<Organisation | null>(null);
  const list = useQuery({
    ...trpc.organisation.list.queryOptions({
      ...page,
      ...(search.trim() ? { search: search.trim() } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries(trpc.organisation.list.pathFilter());

  return (
    <div className="page admin-page">
      <header className="page-header">
        <h1>{t('organisations.title')}</h1>
      </header>
      <OrganisationForm
        key={editing?.id ?? 'new'}
        editing={editing}
        onSaved={() => {
          setEditing(null);
          void refresh();
        }}
        onCancel={() => setEditing(null)}
      />
      <div className="field">
        <label htmlFor="organisation-search">{t('organisations.search')}</label>
        <input
          id="organisation-search"
          type="search"
          maxLength={120}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage((p) => ({ ...p, offset: 0 }));
          }}
        />
      </div>
      <QueryState
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={t('organisations.empty')}
      >
        {(data) => (
          <>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('organisations.name')}</th>
                  <th scope="col">{t('organisations.kind')}</th>
                  <th scope="col">{t('organisations.siren')}</th>
                  <th scope="col">{t('actionsColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((row) => (
                  <tr key={row.id}>
                    <td>{row.name}</td>
                    <td>{tv(`organisationKind.${row.kind}`)}</td>
                    <td>{row.siren ?? '—'}</td>
                    <td>
                      <button
                        type="button"
                        className="button button-quiet"
                        aria-label={t('organisations.editNamed', { name: row.name })}
                        onClick={() => setEditing(row)}
                      >
                        {t('organisations.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination
              total={data.total}
              limit={page.limit}
              offset={page.offset}
              onChange={setPage}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}

function OrganisationForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing: Organisation | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('directory');
  const { t: tv } = useTranslation('vocab');
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<OrganisationKind>(editing?.kind ?? 'company');
  const [siren, setSiren] = useState(editing?.siren ?? '');
  const [invalid, setInvalid] = useState(false);
  const create = useMutation(trpc.organisation.create.mutationOptions({ onSuccess: onSaved }));
  const update = useMutation(trpc.organisation.update.mutationOptions({ onSuccess: onSaved }));
  const error = create.error ?? update.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = organisationCreateInput.safeParse({
      name,
      kind,
      siren: siren.trim() === '' ? null : siren.trim(),
    });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    if (editing) {
      update.mutate({
        id: editing.id,
        name: parsed.data.name,
        siren: parsed.data.siren,
        ...(parsed.data.kind !== editing.kind ? { kind: parsed.data.kind } : {}),
      });
    } else {
      create.mutate(parsed.data);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="panel" aria-labelledby="organisation-form-title">
      <h2 id="organisation-form-title">
        {editing ? t('organisations.editTitle', { name: editing.name }) : t('organisations.create')}
      </h2>
      {(invalid || error) && (
        <p className="form-error" role="alert">
          {error ? errorText(error) : t('organisations.invalid')}
        </p>
      )}
      <div className="field">
        <label htmlFor="organisation-name">{t('organisations.name')}</label>
        <input
          id="organisation-name"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="organisation-kind">{t('organisations.kind')}</label>
        <select
          id="organisation-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as OrganisationKind)}
        >
          {ORGANISATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {tv(`organisationKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="organisation-siren">{t('organisations.siren')}</label>
        <input
          id="organisation-siren"
          inputMode="numeric"
          value={siren}
          maxLength={9}
          onChange={(e) => setSiren(e.target.value)}
        />
      </div>
      <button
        type="submit"
        className="button button-primary"
        disabled={create.isPending || update.isPending}
      >
        {t('organisations.save')}
      </button>
      {editing && (
        <button type="button" className="button" onClick={onCancel}>
          {t('organisations.cancel')}
        </button>
      )}
    </form>
  );
}
