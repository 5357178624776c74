import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, type UseFormRegisterReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import {
  LOCALES,
  membershipCreateInput,
  membershipInviteInput,
  membershipUpdateInput,
  TERRITORY_ROLES,
  type TerritoryRole,
} from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { QueryState } from '../../components/QueryState';
import { Pagination } from '../../components/Pagination';
import { CsvDownload } from '../../components/CsvDownload';
import { territoryScope, useCan, useCurrentUser } from '../auth/currentUser';
import { Field, NotAllowed, useSaveErrorText, useValidationText, zodMessages } from './formKit';
import type { Membership } from './choices';
import './admin.css';
import { offsetParam, pageSizeParam } from '../../lib/addressParams';

type Territory = RouterOutputs['territory']['byId'];

const territoryPath = (id: number) => `/territories/${id}`;

/** Page and page size in the URL, so the list can be shared and survives a reload. */
function usePageParams() {
  const [params, setParams] = useSearchParams();
  const limit = pageSizeParam(params.get('limit'));
  const offset = offsetParam(params.get('offset'));
  const update = (next: { limit: number; offset: number }) =>
    setParams((current) => {
      const merged = new URLSearchParams(current);
      merged.set('limit', String(next.limit));
      merged.set('offset', String(next.offset));
      return merged;
    });
  return { limit, offset, update };
}

export function MembersPage() {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const can = useCan();
  const territoryId = Number(useParams().territoryId);
  const territory = useQuery(trpc.territory.byId.queryOptions({ id: territoryId }));
  useDocumentTitle(t('members.title'));
  return (
    <div className="page admin-page">
      <header className="page-header">
        <div>
          <h1>{t('members.title')}</h1>
          {territory.data && <p className="muted">{territory.data.name}</p>}
        </div>
        {territory.data && (
          <Link to={territoryPath(territory.data.id)} className="button">
            {t('backToTerritory')}
          </Link>
        )}
      </header>
      <QueryState query={territory}>
        {(data) =>
          can('manage', territoryScope(data)) ? (
            <>
              <MemberList territory={data} />
              <AddMember territory={data} />
              <InviteMember territory={data} />
            </>
          ) : (
            <NotAllowed backTo={territoryPath(data.id)} backLabel={t('backToTerritory')} />
          )
        }
      </QueryState>
    </div>
  );
}

function MemberList({ territory }: { territory: Territory }) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const { limit, offset, update } = usePageParams();
  const members = useQuery({
    ...trpc.membership.list.queryOptions({ territoryId: territory.id, limit, offset }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="panel" aria-labelledby="members-list-title">
      <div className="panel-header">
        <h2 id="members-list-title">{t('members.listTitle')}</h2>
        {members.data && members.data.total > 0 && (
          <span className="no-print">
            <CsvDownload table="members" params={{ territoryId: territory.id }} />
          </span>
        )}
      </div>
      <QueryState query={members} isEmpty={(d) => d.total === 0} empty={t('members.empty')}>
        {(data) => (
          <>
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">{t('members.listTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('members.name')}</th>
                    <th scope="col">{t('members.email')}</th>
                    <th scope="col">{t('members.role')}</th>
                    <th scope="col">{t('members.remove')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((m) => (
                    <MemberRow key={`${m.id}-${m.role}`} member={m} />
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination total={data.total} limit={limit} offset={offset} onChange={update} />
          </>
        )}
      </QueryState>
    </section>
  );
}

/** One member: their role, changeable, and a way to remove them from the territory. */
function MemberRow({ member }: { member: Membership }) {
  const { t } = useTranslation('admin');
  const { t: tv } = useTranslation('vocab');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const me = useCurrentUser();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    resolver: zodResolver(membershipUpdateInput, zodMessages),
    defaultValues: { id: member.id, role: member.role },
  });
  const invalidate = () => queryClient.invalidateQueries(trpc.membership.pathFilter());
  const update = useMutation(
    trpc.membership.update.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await invalidate();
      },
    }),
  );
  const remove = useMutation(trpc.membership.delete.mutationOptions({ onSuccess: invalidate }));
  const error = update.error ?? remove.error;
  const changed = form.watch('role') !== member.role;
  return (
    <tr>
      <th scope="row">
        {member.userName}
        {member.userId === me.id && <span className="muted small"> ({t('members.you')})</span>}
      </th>
      <td>{member.userEmail}</td>
      <td>
        <form
          className="admin-inline-form"
          noValidate
          onSubmit={(e) =>
            void form.handleSubmit((values) => {
              setSaved(false);
              update.mutate(values);
            })(e)
          }
        >
          <label className="visually-hidden" htmlFor={`role-${member.id}`}>
            {t('members.roleOf', { name: member.userName })}
          </label>
          <select id={`role-${member.id}`} {...form.register('role')}>
            {TERRITORY_ROLES.map((role) => (
              <option key={role} value={role}>
                {tv(`territoryRole.${role}`)}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="button button-small"
            disabled={!changed || update.isPending}
          >
            {t('members.saveRole')} <span className="visually-hidden">{member.userName}</span>
          </button>
          <span role="status" className="muted small">
            {saved && !changed ? tc('state.saved') : ''}
          </span>
        </form>
        {error && (
          <p className="field-error" role="alert">
            {saveErrorText(error)}
          </p>
        )}
      </td>
      <td>
        <button
          type="button"
          className="button button-small button-danger"
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(t('members.confirmRemove', { name: member.userName }))) {
              remove.mutate({ id: member.id });
            }
          }}
        >
          {t('members.remove')} <span className="visually-hidden">{member.userName}</span>
        </button>
      </td>
    </tr>
  );
}

/**
 * Adds an existing user. A coordinator finds the members of the territories they coordinate by
 * name, and anyone else by typing their full email address (the server's rule for `user.list`).
 */
function AddMember({ territory }: { territory: Territory }) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const validationText = useValidationText();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const found = useQuery({
    ...trpc.user.list.queryOptions({ search, limit: 20 }),
    enabled: search !== '',
  });
  const current = useQuery(
    trpc.membership.list.queryOptions({ territoryId: territory.id, limit: 200 }),
  );
  const memberIds = new Set(current.data?.items.map((m) => m.userId) ?? []);
  const form = useForm({
    resolver: zodResolver(membershipCreateInput, zodMessages),
    defaultValues: { territoryId: territory.id, role: 'committee_member' as TerritoryRole },
  });
  const create = useMutation(
    trpc.membership.create.mutationOptions({
      onSuccess: async (_created, input) => {
        setAdded(found.data?.items.find((u) => u.id === input.userId)?.name ?? '');
        await queryClient.invalidateQueries(trpc.membership.pathFilter());
        form.reset({ territoryId: territory.id, role: input.role });
      },
    }),
  );
  const userError = validationText(form.formState.errors.userId?.message);

  return (
    <section className="panel" aria-labelledby="members-add-title">
      <h2 id="members-add-title">{t('members.addTitle')}</h2>
      <p className="muted small">{t('members.addHint')}</p>
      <form
        role="search"
        className="admin-search"
        onSubmit={(e) => {
          e.preventDefault();
          setAdded(null);
          setSearch(typed.trim());
        }}
      >
        <Field label={t('members.search')}>
          {(p) => (
            <input
              {...p}
              type="search"
              value={typed}
              maxLength={120}
              autoComplete="off"
              onChange={(e) => setTyped(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button">
          {t('members.searchButton')}
        </button>
      </form>
      {added !== null && (
        <p role="status" className="admin-success">
          {t('members.added', { name: added })}
        </p>
      )}
      {search !== '' && (
        <QueryState
          query={found}
          isEmpty={(d) => d.items.length === 0}
          empty={t('members.noneFound')}
        >
          {(data) => (
            <form
              noValidate
              onSubmit={(e) =>
                void form.handleSubmit((values) => {
                  setAdded(null);
                  create.mutate(values);
                })(e)
              }
            >
              {create.error && (
                <p className="form-error" role="alert">
                  {saveErrorText(create.error)}
                </p>
              )}
              <fieldset
                className="admin-fieldset"
                {...(userError ? { 'aria-describedby': 'add-user-error' } : {})}
              >
                <legend>
                  {t('members.person')}
                  <span aria-hidden="true"> *</span>
                </legend>
                <ul className="admin-checks">
                  {data.items.map((u) => (
                    <li key={u.id}>
                      <label>
                        <Controller
                          control={form.control}
                          name="userId"
                          render={({ field }) => (
                            <input
                              type="radio"
                              name={field.name}
                              value={u.id}
                              checked={field.value === u.id}
                              disabled={memberIds.has(u.id)}
                              onChange={() => field.onChange(u.id)}
                              onBlur={field.onBlur}
                            />
                          )}
                        />{' '}
                        {u.name} <span className="muted small">({u.email})</span>
                        {memberIds.has(u.id) && (
                          <span className="muted small"> · {t('members.alreadyMember')}</span>
                        )}
                      </label>
                    </li>
                  ))}
                </ul>
                {userError && (
                  <p id="add-user-error" className="field-error">
                    {userError}
                  </p>
                )}
              </fieldset>
              <div className="admin-grid">
                <RoleField {...form.register('role')} />
              </div>
              <button type="submit" className="button button-primary" disabled={create.isPending}>
                {t('members.addButton')}
              </button>
            </form>
          )}
        </QueryState>
      )}
    </section>
  );
}

/** The territory role given to a person added or invited. */
function RoleField(props: UseFormRegisterReturn<'role'>) {
  const { t } = useTranslation('admin');
  const { t: tv } = useTranslation('vocab');
  return (
    <Field label={t('members.role')} required>
      {(p) => (
        <select {...p} {...props}>
          {TERRITORY_ROLES.map((role) => (
            <option key={role} value={role}>
              {tv(`territoryRole.${role}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Someone without a Jalon account: the coordinator invites them, Jalon mails the link. */
function InviteMember({ territory }: { territory: Territory }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saveErrorText = useSaveErrorText();
  const validationText = useValidationText();
  const [done, setDone] = useState<{ name: string; invited: boolean } | null>(null);
  const blank = {
    territoryId: territory.id,
    email: '',
    name: '',
    locale: 'fr' as const,
    role: 'committee_member' as TerritoryRole,
  };
  const form = useForm({
    resolver: zodResolver(membershipInviteInput, zodMessages),
    defaultValues: blank,
  });
  const invite = useMutation(
    trpc.membership.invite.mutationOptions({
      onSuccess: async (result, input) => {
        setDone({ name: input.name, invited: result.invited });
        await queryClient.invalidateQueries(trpc.membership.pathFilter());
        form.reset(blank);
      },
    }),
  );
  const errors = form.formState.errors;

  return (
    <section className="panel" aria-labelledby="members-invite-title">
      <h2 id="members-invite-title">{t('members.inviteTitle')}</h2>
      <p className="muted small">{t('members.inviteHint')}</p>
      {done && (
        <p role="status" className="admin-success">
          {t(done.invited ? 'members.invited' : 'members.added', { name: done.name })}
        </p>
      )}
      <form
        noValidate
        onSubmit={(e) =>
          void form.handleSubmit((values) => {
            setDone(null);
            invite.mutate(values);
          })(e)
        }
      >
        {invite.error && (
          <p className="form-error" role="alert">
            {saveErrorText(invite.error)}
          </p>
        )}
        <div className="admin-grid">
          <Field label={t('members.name')} required error={validationText(errors.name?.message)}>
            {(p) => <input {...p} maxLength={120} autoComplete="off" {...form.register('name')} />}
          </Field>
          <Field label={t('members.email')} required error={validationText(errors.email?.message)}>
            {(p) => (
              <input
                {...p}
                type="email"
                maxLength={254}
                autoComplete="off"
                {...form.register('email')}
              />
            )}
          </Field>
          <Field label={t('members.language')} required>
            {(p) => (
              <select {...p} {...form.register('locale')}>
                {LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {tc(`language.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <RoleField {...form.register('role')} />
        </div>
        <button type="submit" className="button button-primary" disabled={invite.isPending}>
          {t('members.inviteButton')}
        </button>
      </form>
    </section>
  );
}
