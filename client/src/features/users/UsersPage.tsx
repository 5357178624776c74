import { useId, useState, type FormEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GLOBAL_ROLES, LOCALES, type GlobalRole, type Locale } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { QueryState, useErrorText } from '../../components/QueryState';
import { Pagination } from '../../components/Pagination';
import { useCurrentUser } from '../auth/currentUser';
import './users.css';

interface IssuedLink {
  name: string;
  purpose: 'invitation' | 'reset';
  url: string;
  expiresAt: string;
}

/**
 * `/admin/users`, for administrators: every account, searchable; invite a user, deactivate or
 * reactivate one, and give a one-time link to set a forgotten password. While Jalon sends no
 * mail, the link is shown here for the administrator to pass on. Territory roles are given on
 * each territory's members page.
 */
export function UsersPage() {
  const { t } = useTranslation('users');
  useDocumentTitle(t('title'));
  const me = useCurrentUser();
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  if (me.globalRole !== 'admin') {
    return (
      <div className="page">
        <h1>{t('title')}</h1>
        <p role="alert">{t('adminsOnly')}</p>
      </div>
    );
  }
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </header>
      {issued && <IssuedLinkPanel link={issued} onClose={() => setIssued(null)} />}
      <NewUserForm onInvited={setIssued} />
      <UserList onIssued={setIssued} />
    </div>
  );
}

function IssuedLinkPanel({ link, onClose }: { link: IssuedLink; onClose: () => void }) {
  const { t } = useTranslation('users');
  const format = useFormat();
  const fieldId = useId();
  return (
    <section className="panel issued-link" role="status" aria-labelledby={`${fieldId}-title`}>
      <h2 id={`${fieldId}-title`}>
        {t(link.purpose === 'invitation' ? 'link.invitationFor' : 'link.resetFor', {
          name: link.name,
        })}
      </h2>
      <p>{t('link.explain', { until: format.dateTime(link.expiresAt) })}</p>
      <label htmlFor={fieldId}>{t('link.label')}</label>
      <input
        id={fieldId}
        type="text"
        readOnly
        value={link.url}
        onFocus={(e) => e.target.select()}
      />
      <p>
        <button
          type="button"
          className="button button-small"
          onClick={() => void navigator.clipboard?.writeText(link.url)}
        >
          {t('link.copy')}
        </button>{' '}
        <button type="button" className="button button-small button-quiet" onClick={onClose}>
          {t('link.close')}
        </button>
      </p>
    </section>
  );
}

function NewUserForm({ onInvited }: { onInvited: (link: IssuedLink) => void }) {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const ids = { email: useId(), name: useId(), locale: useId(), role: useId(), error: useId() };
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [locale, setLocale] = useState<Locale>('fr');
  const [role, setRole] = useState<GlobalRole | ''>('');
  const issue = useMutation(trpc.user.issuePasswordLink.mutationOptions());
  const create = useMutation(
    trpc.user.create.mutationOptions({
      onSuccess: async (user) => {
        void queryClient.invalidateQueries(trpc.user.list.pathFilter());
        const link = await issue.mutateAsync({ id: user.id, purpose: 'invitation' });
        onInvited({ name: user.name, purpose: 'invitation', url: absolute(link.path), ...link });
        setEmail('');
        setName('');
        setRole('');
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      email: email.trim(),
      name: name.trim(),
      locale,
      globalRole: role === '' ? null : role,
    });
  };
  const failure = create.error ?? issue.error;
  return (
    <section className="panel" aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t('new.title')}</h2>
      <p className="muted">{t('new.intro')}</p>
      <form className="user-form" onSubmit={submit}>
        {failure && (
          <p className="form-error" role="alert" id={ids.error}>
            {errorText(failure)}
          </p>
        )}
        <div className="field">
          <label htmlFor={ids.email}>{t('fields.email')}</label>
          <input
            id={ids.email}
            type="email"
            required
            maxLength={254}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.name}>{t('fields.name')}</label>
          <input
            id={ids.name}
            required
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.locale}>{t('fields.locale')}</label>
          <select
            id={ids.locale}
            value={locale}
            onChange={(e) => setLocale(e.target.value as Locale)}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {tc(`language.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.role}>{t('fields.role')}</label>
          <select
            id={ids.role}
            value={role}
            onChange={(e) => setRole(e.target.value as GlobalRole | '')}
          >
            <option value="">{t('roles.none')}</option>
            {GLOBAL_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending || issue.isPending}
        >
          {t('new.submit')}
        </button>
      </form>
    </section>
  );
}

const absolute = (path: string) => new URL(path, window.location.origin).toString();

function UserList({ onIssued }: { onIssued: (link: IssuedLink) => void }) {
  const { t } = useTranslation('users');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const me = useCurrentUser();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState({ limit: 25, offset: 0 });
  const users = useQuery({
    ...trpc.user.list.queryOptions({ search: search.trim() || undefined, ...page }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries(trpc.user.list.pathFilter());
  const update = useMutation(trpc.user.update.mutationOptions({ onSuccess: refresh }));
  const issue = useMutation(trpc.user.issuePasswordLink.mutationOptions());
  const failure = update.error ?? issue.error;
  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">{t('list.title')}</h2>
      <div className="field">
        <label htmlFor={searchId}>{t('list.search')}</label>
        <input
          id={searchId}
          type="search"
          maxLength={120}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage((p) => ({ ...p, offset: 0 }));
          }}
        />
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {errorText(failure)}
        </p>
      )}
      <QueryState query={users} isEmpty={(d) => d.total === 0} empty={t('list.empty')}>
        {(data) => (
          <>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="users-title">
              <table className="users-table">
                <thead>
                  <tr>
                    <th scope="col">{t('fields.name')}</th>
                    <th scope="col">{t('fields.email')}</th>
                    <th scope="col">{t('fields.role')}</th>
                    <th scope="col">{t('list.state')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('list.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((user) => {
                    const disabled = user.disabledAt !== null;
                    return (
                      <tr key={user.id}>
                        <td>{user.name}</td>
                        <td>{user.email}</td>
                        <td>
                          {user.id === me.id ? (
                            t(`roles.${user.globalRole ?? 'none'}`)
                          ) : (
                            <select
                              aria-label={t('list.roleNamed', { name: user.name })}
                              value={user.globalRole ?? ''}
                              disabled={update.isPending}
                              onChange={(event) =>
                                update.mutate({
                                  id: user.id,
                                  globalRole:
                                    event.target.value === ''
                                      ? null
                                      : (event.target.value as GlobalRole),
                                })
                              }
                            >
                              <option value="">{t('roles.none')}</option>
                              {GLOBAL_ROLES.map((r) => (
                                <option key={r} value={r}>
                                  {t(`roles.${r}`)}
                                </option>
                              ))}
                            </select>
                          )}
                        </td>
                        <td>{t(disabled ? 'list.disabled' : 'list.active')}</td>
                        <td className="user-actions">
                          {!disabled && (
                            <button
                              type="button"
                              className="button button-small"
                              aria-label={t('list.resetNamed', { name: user.name })}
                              disabled={issue.isPending}
                              onClick={() =>
                                issue.mutate(
                                  { id: user.id, purpose: 'reset' },
                                  {
                                    onSuccess: (link) =>
                                      onIssued({
                                        name: user.name,
                                        purpose: 'reset',
                                        url: absolute(link.path),
                                        expiresAt: link.expiresAt,
                                      }),
                                  },
                                )
                              }
                            >
                              {t('list.reset')}
                            </button>
                          )}
                          {user.id !== me.id && (
                            <button
                              type="button"
                              className="button button-small button-quiet"
                              aria-label={t(disabled ? 'list.enableNamed' : 'list.disableNamed', {
                                name: user.name,
                              })}
                              disabled={update.isPending}
                              onClick={() => update.mutate({ id: user.id, disabled: !disabled })}
                            >
                              {t(disabled ? 'list.enable' : 'list.disable')}
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
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
    </section>
  );
}
