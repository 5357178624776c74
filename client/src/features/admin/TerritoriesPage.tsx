import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { territoryCreateInput } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { QueryState, useErrorText } from '../../components/QueryState';
import { Pagination } from '../../components/Pagination';
import { useCurrentUser } from '../auth/currentUser';
import { adminPaths } from './paths';
import { NotAllowed } from './formKit';
import './admin.css';

/** Admins: every territory, searched; create one, then set it up on its edit page. */
export function TerritoriesPage() {
  const { t } = useTranslation('directory');
  const user = useCurrentUser();
  useDocumentTitle(t('territories.title'));
  if (user.globalRole !== 'admin') {
    return <NotAllowed backTo="/" backLabel={t('territories.title')} />;
  }
  return <Territories />;
}

function Territories() {
  const { t } = useTranslation('directory');
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState({ limit: 25, offset: 0 });
  const list = useQuery({
    ...trpc.territory.list.queryOptions({
      ...page,
      ...(search.trim() ? { search: search.trim() } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="page admin-page">
      <header className="page-header">
        <h1>{t('territories.title')}</h1>
      </header>
      <CreateTerritoryForm />
      <div className="field">
        <label htmlFor="territory-search">{t('territories.search')}</label>
        <input
          id="territory-search"
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
        empty={t('territories.empty')}
      >
        {(data) => (
          <>
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('territories.code')}</th>
                    <th scope="col">{t('territories.name')}</th>
                    <th scope="col">{t('territories.region')}</th>
                    <th scope="col">{t('actionsColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((row) => (
                    <tr key={row.id}>
                      <td>{row.code}</td>
                      <td>{row.name}</td>
                      <td>{row.regionName}</td>
                      <td>
                        <Link
                          to={adminPaths.editTerritory(row.id)}
                          aria-label={t('territories.setUpNamed', { name: row.name })}
                        >
                          {t('territories.setUp')}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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

function CreateTerritoryForm() {
  const { t } = useTranslation('directory');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const regions = useQuery(trpc.region.list.queryOptions());
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [regionId, setRegionId] = useState('');
  const [phase, setPhase] = useState('2023-2027');
  const [invalid, setInvalid] = useState(false);
  const create = useMutation(
    trpc.territory.create.mutationOptions({
      onSuccess: async (territory) => {
        await queryClient.invalidateQueries(trpc.territory.list.pathFilter());
        await navigate(adminPaths.editTerritory(territory.id));
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = territoryCreateInput.safeParse({
      regionId: Number(regionId),
      code,
      name,
      phase,
      joinedOn: null,
      industrialFirms: null,
      industrialJobs: null,
      electedChair: null,
      industrialChair: null,
      projectLeadName: null,
      epciIds: [],
    });
    setInvalid(!parsed.success);
    if (parsed.success) create.mutate(parsed.data);
  };

  return (
    <form onSubmit={submit} noValidate className="panel" aria-labelledby="territory-create-title">
      <h2 id="territory-create-title">{t('territories.create')}</h2>
      {(invalid || create.error) && (
        <p className="form-error" role="alert">
          {create.error ? errorText(create.error) : t('territories.invalid')}
        </p>
      )}
      <div className="field">
        <label htmlFor="territory-name">{t('territories.name')}</label>
        <input
          id="territory-name"
          value={name}
          maxLength={160}
          onChange={(e) => setName(e.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="territory-code">{t('territories.code')}</label>
        <input
          id="territory-code"
          value={code}
          maxLength={40}
          onChange={(e) => setCode(e.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="territory-region">{t('territories.region')}</label>
        <select
          id="territory-region"
          value={regionId}
          onChange={(e) => setRegionId(e.target.value)}
          required
        >
          <option value="">{t('territories.chooseRegion')}</option>
          {(regions.data?.items ?? []).map((region) => (
            <option key={region.id} value={region.id}>
              {region.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="territory-phase">{t('territories.phase')}</label>
        <input
          id="territory-phase"
          value={phase}
          maxLength={40}
          onChange={(e) => setPhase(e.target.value)}
          required
        />
      </div>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {t('territories.createSubmit')}
      </button>
    </form>
  );
}
