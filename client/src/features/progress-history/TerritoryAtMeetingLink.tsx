import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HELD_MEETING_STATUSES, type MeetingStatus } from '@jalon/shared';
import { territoryAtPath } from './paths';

/** On a held meeting's page: the territory as it stood on the meeting's day, beside today. */
export function TerritoryAtMeetingLink({
  meeting,
}: {
  meeting: {
    territoryId: number;
    status: MeetingStatus;
    heldAt: string | null;
    scheduledAt: string;
  };
}) {
  const { t } = useTranslation('progressHistory');
  if (!(HELD_MEETING_STATUSES as readonly MeetingStatus[]).includes(meeting.status)) return null;
  const day = (meeting.heldAt ?? meeting.scheduledAt).slice(0, 10);
  return (
    <Link className="button button-small" to={territoryAtPath(meeting.territoryId, day)}>
      {t('panel.atMeeting')}
    </Link>
  );
}
