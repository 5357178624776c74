import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorCode, useTRPC } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ErrorMessage, Loading } from '../../components/QueryState';
import { useMeetingAccess, type MeetingDetail } from './meetingAccess';
import { useMeetingDateText } from './meetingFormat';
import { MeetingHeader } from './MeetingHeader';
import { AttendanceSection } from './AttendanceSection';
import { AgendaSection } from './agenda/AgendaSection';
import { PrepareAgenda } from './agenda/PrepareAgenda';
import { LeadUpdates } from './LeadUpdates';
import { DecisionsSection } from './DecisionsSection';
import { MinutesSection } from './MinutesSection';
import { SinceLastMeeting } from './SinceLastMeeting';
import { useAddressedMeeting } from './addressedMeeting';
import './meetings.css';

export function MeetingPage() {
  const { t } = useTranslation('meetings');
  const { valid, meeting } = useAddressedMeeting();
  const dateText = useMeetingDateText();
  useDocumentTitle(
    meeting.data
      ? t('documentTitle', {
          committee: meeting.data.committee.name,
          date: dateText.date(meeting.data.scheduledAt),
        })
      : t('title'),
  );

  if (!valid) return <MeetingUnavailable error={null} />;
  if (meeting.isPending) return <Loading />;
  if (meeting.error) {
    return <MeetingUnavailable error={meeting.error} onRetry={() => void meeting.refetch()} />;
  }
  return <MeetingView meeting={meeting.data} />;
}

/** A meeting that does not exist, that the user may not read, or a failed load. */
function MeetingUnavailable({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation('meetings');
  const code = error === null ? 'NOT_FOUND' : errorCode(error);
  return (
    <div className="page">
      <h1>{t('unavailable.title')}</h1>
      {code === 'NOT_FOUND' || code === 'FORBIDDEN' ? (
        <div className="state state-error" role="alert">
          <p>{t(`unavailable.${code}`)}</p>
        </div>
      ) : (
        <ErrorMessage error={error} {...(onRetry ? { onRetry } : {})} />
      )}
      <p>
        <Link to="/">{t('unavailable.backHome')}</Link>
      </p>
    </div>
  );
}

function MeetingView({ meeting }: { meeting: MeetingDetail }) {
  const trpc = useTRPC();
  // The territory's name and region; the page works without them (the scope is the territory).
  const territory = useQuery(trpc.territory.byId.queryOptions({ id: meeting.territoryId }));
  const access = useMeetingAccess(meeting, territory.data?.regionId ?? null);

  return (
    <div className="page meeting-page">
      <MeetingHeader
        meeting={meeting}
        territoryName={territory.data?.name ?? null}
        access={access}
      />

      <LeadUpdates meeting={meeting} access={access} />

      <SinceLastMeeting meetingId={meeting.id} />

      <AgendaSection
        meeting={meeting}
        access={access}
        // Proposals prepare a meeting; once it is held, the agenda is what was discussed.
        tools={meeting.status === 'planned' ? <PrepareAgenda meeting={meeting} /> : undefined}
      />
      <AttendanceSection meeting={meeting} access={access} />
      <DecisionsSection meeting={meeting} access={access} />
      <MinutesSection meeting={meeting} access={access} />
    </div>
  );
}
