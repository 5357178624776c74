import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ActionLink } from '../actions/ActionLink';
import { fieldErrors, useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { QueryState, useErrorText } from '../../components/QueryState';
import { useValidationText } from '../../lib/validationText';
import type { MeetingAccess, MeetingDetail } from './meetingAccess';
import { useMeetingDateText } from './meetingFormat';
import './leadUpdates.css';

type UpdateStatus = RouterOutputs['updateRequest']['status'];
type LeadStatus = UpdateStatus['leads'][number];
type LeadAction = LeadStatus['stale'][number];

/**
 * Before a planned meeting: the coordinator asks the leads to update their actions, and everyone
 * who reads the meeting sees, per lead, what was updated and what is stale.
 */
export function LeadUpdates({
  meeting,
  access,
}: {
  meeting: MeetingDetail;
  access: MeetingAccess;
}) {
  const { t } = useTranslation('prepare');
  const trpc = useTRPC();
  const status = useQuery({
    ...trpc.updateRequest.status.queryOptions({ meetingId: meeting.id }),
    enabled: meeting.status === 'planned',
  });
  if (meeting.status !== 'planned') return null;
  return (
    <section className="panel lead-updates" aria-labelledby="lead-updates-heading">
      <div className="panel-header">
        <h2 id="lead-updates-heading">{t('updates.heading')}</h2>
      </div>
      <QueryState query={status}>
        {(data) => (
          <>
            <SinceNote status={data} />
            <div className="lead-updates-grid">
              <LeadsTable leads={data.leads} />
              <div className="lead-updates-requests">
                {access.manage && <RequestForm meeting={meeting} />}
                <SentRequests requests={data.requests} />
              </div>
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}

/** Says from when "updated" counts: the previous meeting, else the latest request. */
function SinceNote({ status }: { status: UpdateStatus }) {
  const { t } = useTranslation('prepare');
  const dateText = useMeetingDateText();
  const latestRequest = status.requests[0];
  const text = status.since
    ? t('updates.sinceMeeting', { date: dateText.date(status.since) })
    : latestRequest
      ? t('updates.sinceRequest', { date: dateText.date(latestRequest.requestedAt) })
      : t('updates.sinceNothing');
  return <p className="muted lead-updates-since">{text}</p>;
}

function LeadsTable({ leads }: { leads: LeadStatus[] }) {
  const { t } = useTranslation('prepare');
  const format = useFormat();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (userId: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(userId)) next.delete(userId);
      else next.add(userId);
      return next;
    });
  return (
    <div className="lead-updates-leads">
      <h3>{t('updates.leadsHeading')}</h3>
      {leads.length === 0 ? (
        <p className="state state-empty">{t('updates.noLeads')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table compact lead-updates-table">
            <caption className="visually-hidden">{t('updates.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('updates.columns.lead')}</th>
                <th scope="col" className="numeric">
                  {t('updates.columns.actions')}
                </th>
                <th scope="col" className="numeric">
                  {t('updates.columns.updated')}
                </th>
                <th scope="col" className="numeric">
                  {t('updates.columns.stale')}
                </th>
                <th scope="col">{t('updates.columns.details')}</th>
              </tr>
            </thead>
            {leads.map((lead) => {
              const expanded = open.has(lead.userId);
              const detailsId = `lead-updates-${lead.userId}`;
              return (
                // One body per lead: its row and, when expanded, the row listing its actions.
                <tbody key={lead.userId}>
                  <tr>
                    <th scope="row">{lead.name}</th>
                    <td className="numeric">{format.number(lead.actions)}</td>
                    <td className="numeric">{format.number(lead.updated.length)}</td>
                    <td className="numeric">
                      {lead.stale.length > 0 ? (
                        <strong className="attention">{format.number(lead.stale.length)}</strong>
                      ) : (
                        format.number(0)
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button-small button-quiet"
                        aria-expanded={expanded}
                        aria-controls={detailsId}
                        aria-label={t(expanded ? 'updates.hide' : 'updates.show', {
                          name: lead.name,
                        })}
                        onClick={() => toggle(lead.userId)}
                      >
                        {t(expanded ? 'updates.hideShort' : 'updates.showShort')}
                      </button>
                    </td>
                  </tr>
                  <tr id={detailsId} hidden={!expanded} className="lead-updates-details">
                    <td colSpan={5}>{expanded && <LeadActions lead={lead} />}</td>
                  </tr>
                </tbody>
              );
            })}
          </table>
        </div>
      )}
    </div>
  );
}

function LeadActions({ lead }: { lead: LeadStatus }) {
  const { t } = useTranslation('prepare');
  return (
    <div className="lead-actions">
      <div>
        <h4>{t('updates.staleList')}</h4>
        <ActionList actions={lead.stale} empty={t('updates.noneStale')} />
      </div>
      <div>
        <h4>{t('updates.updatedList')}</h4>
        <ActionList actions={lead.updated} empty={t('updates.noneUpdated')} />
      </div>
    </div>
  );
}

function ActionList({ actions, empty }: { actions: LeadAction[]; empty: string }) {
  const { t } = useTranslation('prepare');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  if (actions.length === 0) return <p className="muted small">{empty}</p>;
  return (
    <ul className="lead-action-list">
      {actions.map((action) => (
        <li key={action.actionId}>
          <ActionLink id={action.actionId} title={action.title} />{' '}
          <span className="muted small">
            ({action.planCode}) · {tv(`actionStatus.${action.status}`)} ·{' '}
            {t('updates.progress', { value: format.percent(action.progress) })} ·{' '}
            {t('updates.lastUpdate', { date: format.date(action.updatedAt) })}
          </span>
        </li>
      ))}
    </ul>
  );
}

function SentRequests({ requests }: { requests: UpdateStatus['requests'] }) {
  const { t } = useTranslation('prepare');
  const format = useFormat();
  return (
    <div className="lead-updates-sent">
      <h3>{t('updates.sentHeading')}</h3>
      {requests.length === 0 ? (
        <p className="muted">{t('updates.noneSent')}</p>
      ) : (
        <ul className="lead-request-list">
          {requests.map((request) => (
            <li key={request.id}>
              <p className="lead-request-meta">
                {t('updates.sentBy', {
                  date: format.dateTime(request.requestedAt),
                  name: request.requestedByName,
                })}
                {request.dueDate && (
                  <> · {t('updates.sentDue', { date: format.date(request.dueDate) })}</>
                )}
              </p>
              <p className="lead-request-message">{request.message}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function RequestForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('prepare');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const validationText = useValidationText();
  const dateText = useMeetingDateText();
  const defaultMessage = t('updates.request.defaultMessage', {
    committee: meeting.committee.name,
    date: dateText.date(meeting.scheduledAt),
  });
  // null until the coordinator edits it: the prefilled text follows the language until then.
  const [message, setMessage] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const [missingMessage, setMissingMessage] = useState(false);
  const [sent, setSent] = useState(false);
  const create = useMutation(
    trpc.updateRequest.create.mutationOptions({
      onSuccess: async () => {
        setSent(true);
        setMessage(null);
        setDueDate('');
        await queryClient.invalidateQueries(trpc.updateRequest.pathFilter());
      },
    }),
  );
  const text = message ?? defaultMessage;
  const serverErrors = create.error ? fieldErrors(create.error) : {};
  // The server's field messages are English: each is said in the user's words.
  const messageError = missingMessage
    ? t('updates.request.messageRequired')
    : validationText(serverErrors.message?.[0]);
  const dueError = validationText(serverErrors.dueDate?.[0]);
  return (
    <form
      className="lead-request-form"
      aria-labelledby="lead-request-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSent(false);
        const blank = text.trim() === '';
        setMissingMessage(blank);
        if (blank) return;
        create.mutate({ meetingId: meeting.id, message: text, dueDate: dueDate || null });
      }}
    >
      <h3 id="lead-request-heading">{t('updates.request.heading')}</h3>
      <p className="muted small">{t('updates.request.intro')}</p>
      <div className="field">
        <label htmlFor="lead-request-message">{t('updates.request.message')}</label>
        <textarea
          id="lead-request-message"
          value={text}
          rows={5}
          maxLength={2000}
          aria-invalid={messageError !== undefined}
          aria-describedby={messageError ? 'lead-request-message-error' : undefined}
          onChange={(e) => setMessage(e.target.value)}
        />
        {messageError && (
          <p id="lead-request-message-error" className="field-error">
            {messageError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="lead-request-due">{t('updates.request.dueDate')}</label>
        <input
          id="lead-request-due"
          type="date"
          value={dueDate}
          max={meeting.scheduledAt.slice(0, 10)}
          aria-invalid={dueError !== undefined}
          aria-describedby={dueError ? 'lead-request-due-error' : undefined}
          onChange={(e) => setDueDate(e.target.value)}
        />
        {dueError && (
          <p id="lead-request-due-error" className="field-error">
            {dueError}
          </p>
        )}
      </div>
      {create.error && !messageError && !dueError && (
        <p className="form-error" role="alert">
          {errorText(create.error)}
        </p>
      )}
      <div className="lead-request-submit">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t('updates.request.sending') : t('updates.request.send')}
        </button>
        <p role="status" className="lead-request-sent">
          {sent && t('updates.request.sent')}
        </p>
      </div>
    </form>
  );
}
