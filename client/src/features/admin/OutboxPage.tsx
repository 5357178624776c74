import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MAIL_STATUSES } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { QueryState, useErrorText } from '../../components/QueryState';
import { Pagination } from '../../components/Pagination';
import { useCurrentUser } from '../auth/currentUser';
import { NotAllowed } from './formKit';
import { adminPaths } from './paths';
import './admin.css';

type MailStatus = (typeof MAIL_STATUSES)[number];

/** One mail as its recipient reads it (the text part), with its calendar invitation if any. */
function MailBody({ id }: { id: number }) {
  const { t } = useTranslation('directory');
  const trpc = useTRPC();
  const mail = useQuery(trpc.mail.byId.queryOptions({ id }));
  return (
    <QueryState query={mail}>
      {(m) => (
        <div className="outbox-body">
          <pre>{m.textBody}</pre>
          {m.ics && <p className="muted">{t('outbox.withInvitation')}</p>}
        </div>
      )}
    </QueryState>
  );
}

/** `/admin/mail`: every mail Jalon queued, and what became of it (administrators). */
export function OutboxPage() {
  const { t } = useTranslation('directory');
  useDocumentTitle(t('outbox.title'));
  const user = useCurrentUser();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const errorText = useErrorText();
  const [status, setStatus] = useState<MailStatus | ''>('');
  const [page, setPage] = useState({ limit: 25, offset: 0 });
  const [open, setOpen] = useState<number | null>(null);
  const input = { ...page, ...(status === '' ? {} : { status }) };
  const mails = useQuery({
    ...trpc.mail.list.queryOptions(input),
    enabled: user.globalRole === 'admin',
  });
  const retry = useMutation(
    trpc.mail.retry.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.mail.list.queryKey() }),
    }),
  );
  if (user.globalRole !== 'admin') {
    return <NotAllowed backTo={adminPaths.home()} backLabel={t('home.title')} />;
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('outbox.title')}</h1>
          <p className="muted">{t('outbox.intro')}</p>
        </div>
      </header>
      <div className="panel">
        <label className="outbox-filter">
          {t('outbox.status')}{' '}
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as MailStatus | '');
              setPage((p) => ({ ...p, offset: 0 }));
            }}
          >
            <option value="">{t('outbox.all')}</option>
            {MAIL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`outbox.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {retry.error && (
          <p className="form-error" role="alert">
            {errorText(retry.error)}
          </p>
        )}
        <QueryState query={mails} isEmpty={(d) => d.total === 0} empty={t('outbox.empty')}>
          {(data) => (
            <>
              <div className="table-scroll">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('outbox.created')}</th>
                      <th scope="col">{t('outbox.to')}</th>
                      <th scope="col">{t('outbox.subject')}</th>
                      <th scope="col">{t('outbox.status')}</th>
                      <th scope="col">{t('actionsColumn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((mail) => (
                      <tr key={mail.id}>
                        <td>{format.dateTime(mail.createdAt)}</td>
                        <td>{mail.toAddress}</td>
                        <td>
                          {mail.subject}
                          {open === mail.id && <MailBody id={mail.id} />}
                        </td>
                        <td>
                          {t(`outbox.statuses.${mail.status}`)}
                          {mail.lastError && (
                            <span className="muted">
                              {' '}
                              · {t('outbox.attempts', { count: mail.attempts })}
                            </span>
                          )}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="button button-small"
                            aria-expanded={open === mail.id}
                            onClick={() => setOpen(open === mail.id ? null : mail.id)}
                          >
                            {open === mail.id ? t('outbox.close') : t('outbox.read')}
                          </button>
                          {mail.status === 'failed' && (
                            <button
                              type="button"
                              className="button button-small"
                              disabled={retry.isPending}
                              onClick={() => retry.mutate({ id: mail.id })}
                            >
                              {t('outbox.retry')}
                            </button>
                          )}
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
    </div>
  );
}
