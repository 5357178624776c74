import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MINUTES_MAX } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { useErrorText } from '../../components/QueryState';
import type { MeetingAccess, MeetingDetail } from './meetingAccess';

/**
 * The minutes (compte rendu): drafted by the coordinator, read by everyone, frozen once approved
 * (when they are mailed to the members). Line breaks are kept; nothing else is interpreted.
 */
export function MinutesSection({
  meeting,
  access,
}: {
  meeting: MeetingDetail;
  access: MeetingAccess;
}) {
  const { t } = useTranslation('meetings');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const fieldId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const save = useMutation(
    trpc.meeting.setMinutes.mutationOptions({
      onSuccess: async (saved) => {
        // The saved text and the meeting's new version at once: no flash of the old text, and
        // the next change (approving) starts from this version.
        const key = trpc.meeting.byId.queryKey({ id: meeting.id });
        queryClient.setQueryData(key, (old) => old && { ...old, ...saved });
        setDraft(null);
        await queryClient.invalidateQueries({ queryKey: key });
      },
    }),
  );
  const editable = access.manage && access.edit;

  return (
    <section className="panel meeting-minutes" aria-labelledby="meeting-minutes-heading">
      <div className="panel-header">
        <h2 id="meeting-minutes-heading">{t('minutes.heading')}</h2>
        {meeting.status === 'minutes_approved' && (
          <span className="muted small">{t('minutes.frozen')}</span>
        )}
      </div>
      {draft === null ? (
        <>
          {meeting.minutes === '' ? (
            <p className="state state-empty">{t('minutes.empty')}</p>
          ) : (
            <div className="minutes-text">{meeting.minutes}</div>
          )}
          {editable && (
            <button
              type="button"
              className="button no-print"
              onClick={() => setDraft(meeting.minutes)}
            >
              {meeting.minutes === '' ? t('minutes.write') : t('minutes.edit')}
            </button>
          )}
        </>
      ) : (
        <form
          className="no-print"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ id: meeting.id, version: meeting.version, minutes: draft });
          }}
        >
          <div className="field">
            <label htmlFor={fieldId}>{t('minutes.label')}</label>
            <p className="muted small" id={`${fieldId}-help`}>
              {t('minutes.help')}
            </p>
            <textarea
              id={fieldId}
              rows={12}
              maxLength={MINUTES_MAX}
              value={draft}
              aria-describedby={`${fieldId}-help`}
              onChange={(e) => setDraft(e.target.value)}
            />
          </div>
          {save.error && (
            <p className="form-error" role="alert">
              {errorText(save.error)}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              {t('minutes.save')}
            </button>
            <button type="button" className="button" onClick={() => setDraft(null)}>
              {t('minutes.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
