import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  MEETING_MODES,
  nextMeetingStatuses,
  type MeetingMode,
  type MeetingStatus,
  type MeetingStep,
} from '@jalon/shared';
import { errorCode, fieldErrors, useTRPC } from '../../lib/trpc';
import { useErrorText } from '../../components/QueryState';
import { meetingPaths } from './paths';
import type { MeetingAccess, MeetingDetail } from './meetingAccess';
import { fromLocalInput, toLocalInput, useMeetingDateText } from './meetingFormat';
import { ConfirmDialog } from './ConfirmDialog';
import { EditFormFooter } from './EditFormFooter';
import { TerritoryAtMeetingLink } from '../progress-history/TerritoryAtMeetingLink';

/** The meeting's status as a label; the word carries the meaning, the colour only helps. */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation('vocab');
  return <span className={`badge meeting-status-${status}`}>{t(`meetingStatus.${status}`)}</span>;
}

export function MeetingHeader({
  meeting,
  territoryName,
  access,
}: {
  meeting: MeetingDetail;
  territoryName: string | null;
  access: MeetingAccess;
}) {
  const { t, i18n } = useTranslation('meetings');
  const { t: tv } = useTranslation('vocab');
  const dateText = useMeetingDateText();
  const [editing, setEditing] = useState(false);

  return (
    <header className="meeting-header panel">
      <div className="meeting-header-top">
        <div>
          <p className="meeting-kicker">
            {tv(`committeeKind.${meeting.committee.kind}`)}
            {territoryName && <> · {territoryName}</>}
          </p>
          <h1>
            {t('heading', {
              committee: meeting.committee.name,
              date: dateText.date(meeting.scheduledAt),
            })}
          </h1>
          <p className="meeting-when">
            <MeetingStatusBadge status={meeting.status} />
          </p>
        </div>
        <nav className="toolbar meeting-links no-print" aria-label={t('links.label')}>
          <Link className="button button-small" to={meetingPaths.present(meeting.id)}>
            {t('links.present')}
          </Link>
          <Link className="button button-small" to={meetingPaths.summary(meeting.id)}>
            {t('links.summary')}
          </Link>
          <a
            className="button button-small"
            href={`/api/meetings/${meeting.id}/summary.csv?lang=${i18n.language}`}
            download
          >
            {t('links.csv')}
          </a>
          <Link className="button button-small" to={meetingPaths.committees(meeting.territoryId)}>
            {t('links.committees')}
          </Link>
          <TerritoryAtMeetingLink meeting={meeting} />
        </nav>
      </div>

      {editing ? (
        <MeetingDetailsForm meeting={meeting} onDone={() => setEditing(false)} />
      ) : (
        <dl className="meeting-facts">
          <div>
            <dt>{t('facts.date')}</dt>
            <dd>{dateText.full(meeting.scheduledAt)}</dd>
          </div>
          <div>
            <dt>{t('facts.place')}</dt>
            <dd>{meeting.place || t('facts.noPlace')}</dd>
          </div>
          <div>
            <dt>{t('facts.mode')}</dt>
            <dd>{tv(`meetingMode.${meeting.mode}`)}</dd>
          </div>
          {meeting.heldAt && (
            <div>
              <dt>{t('facts.heldAt')}</dt>
              <dd>{dateText.full(meeting.heldAt)}</dd>
            </div>
          )}
        </dl>
      )}

      <StatusNote status={meeting.status} />

      {access.edit && !editing && (
        <div className="toolbar meeting-lifecycle no-print">
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {t('details.edit')}
          </button>
          <LifecycleButtons meeting={meeting} />
        </div>
      )}
    </header>
  );
}

function StatusNote({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation('meetings');
  if (status === 'minutes_approved')
    return <p className="meeting-note">{t('statusNote.approved')}</p>;
  if (status === 'cancelled') return <p className="meeting-note">{t('statusNote.cancelled')}</p>;
  if (status === 'held') return <p className="meeting-note">{t('statusNote.held')}</p>;
  return null;
}

type Step = MeetingStep;

/** The lifecycle steps open from the current status, each behind a confirmation. */
function LifecycleButtons({ meeting }: { meeting: MeetingDetail }) {
  const steps = nextMeetingStatuses(meeting.status);
  return (
    <>
      {steps.map((step) => (
        <LifecycleStep key={step} meeting={meeting} step={step} />
      ))}
    </>
  );
}

function LifecycleStep({ meeting, step }: { meeting: MeetingDetail; step: Step }) {
  const { t } = useTranslation('meetings');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const setStatus = useMutation(
    trpc.meeting.setStatus.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries(trpc.meeting.pathFilter());
        await queryClient.invalidateQueries(trpc.decision.pathFilter());
      },
      onError: async (error) => {
        // A stale version: reload the meeting so the next attempt starts from what is saved.
        if (errorCode(error) === 'CONFLICT') {
          await queryClient.invalidateQueries(trpc.meeting.byId.queryFilter({ id: meeting.id }));
        }
      },
    }),
  );
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setStatus.reset();
      }}
      trigger={
        <button
          type="button"
          className={step === 'cancelled' ? 'button button-quiet' : 'button button-primary'}
        >
          {t(`lifecycle.${step}.button`)}
        </button>
      }
      title={t(`lifecycle.${step}.title`)}
      description={<p>{t(`lifecycle.${step}.body`)}</p>}
      confirmLabel={t(`lifecycle.${step}.confirm`)}
      danger={step === 'cancelled'}
      busy={setStatus.isPending}
      error={setStatus.error ? errorText(setStatus.error) : null}
      onConfirm={() => setStatus.mutate({ id: meeting.id, version: meeting.version, status: step })}
    />
  );
}

/** Date, place and mode, while the meeting is planned or held. */
function MeetingDetailsForm({ meeting, onDone }: { meeting: MeetingDetail; onDone: () => void }) {
  const { t } = useTranslation('meetings');
  const { t: tv } = useTranslation('vocab');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [when, setWhen] = useState(() => toLocalInput(meeting.scheduledAt));
  const [place, setPlace] = useState(meeting.place);
  const [mode, setMode] = useState<MeetingMode>(meeting.mode);
  const [dateError, setDateError] = useState(false);
  const update = useMutation(
    trpc.meeting.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.meeting.pathFilter());
        onDone();
      },
      onError: async (error) => {
        // Someone saved first: fetch their version; what was typed stays for a second save.
        if (errorCode(error) === 'CONFLICT') {
          await queryClient.invalidateQueries(trpc.meeting.byId.queryFilter({ id: meeting.id }));
        }
      },
    }),
  );
  const serverFields = update.error ? fieldErrors(update.error) : {};

  return (
    <form
      className="meeting-details-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const scheduledAt = fromLocalInput(when);
        setDateError(scheduledAt === null);
        if (scheduledAt === null) return;
        update.mutate({ id: meeting.id, version: meeting.version, scheduledAt, place, mode });
      }}
    >
      <div className="meeting-details-fields">
        <div className="field">
          <label htmlFor="meeting-when">{t('facts.date')}</label>
          <input
            id="meeting-when"
            type="datetime-local"
            value={when}
            required
            aria-invalid={dateError || !!serverFields.scheduledAt}
            aria-describedby={dateError ? 'meeting-when-error' : undefined}
            onChange={(e) => setWhen(e.target.value)}
          />
          {dateError && (
            <p id="meeting-when-error" className="field-error">
              {t('details.dateRequired')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="meeting-place">{t('facts.place')}</label>
          <input
            id="meeting-place"
            value={place}
            maxLength={200}
            onChange={(e) => setPlace(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="meeting-mode">{t('facts.mode')}</label>
          <select
            id="meeting-mode"
            value={mode}
            onChange={(e) => setMode(e.target.value as MeetingMode)}
          >
            {MEETING_MODES.map((m) => (
              <option key={m} value={m}>
                {tv(`meetingMode.${m}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <EditFormFooter
        error={
          update.error &&
          (errorCode(update.error) === 'CONFLICT' ? t('details.conflict') : errorText(update.error))
        }
        pending={update.isPending}
        onCancel={onDone}
      />
    </form>
  );
}
