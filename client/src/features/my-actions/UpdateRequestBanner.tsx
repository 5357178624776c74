import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { meetingPaths } from '../meetings/paths';
import { useMeetingDateText } from '../meetings/meetingFormat';
import './updateRequestBanner.css';

type OpenRequest = RouterOutputs['updateRequest']['mine'][number];

/** The latest request of each meeting (the server lists a meeting's requests latest first). */
function latestPerMeeting(requests: OpenRequest[]): OpenRequest[] {
  const seen = new Set<number>();
  return requests.filter((r) => !seen.has(r.meetingId) && seen.add(r.meetingId));
}

/**
 * The coordinators' open requests to update actions before a coming meeting, at the top of the
 * lead's page. Nothing shows when there is none (nor while loading or if the call fails: the
 * page's own content matters more than this reminder).
 */
export function UpdateRequestBanner() {
  const { t } = useTranslation('prepare');
  const trpc = useTRPC();
  const mine = useQuery(trpc.updateRequest.mine.queryOptions());
  const requests = latestPerMeeting(mine.data ?? []);
  if (requests.length === 0) return null;
  return (
    <section className="update-request-banner" aria-labelledby="update-request-banner-heading">
      <h2 id="update-request-banner-heading">{t('banner.heading', { count: requests.length })}</h2>
      <ul>
        {requests.map((request) => (
          <RequestNote key={request.id} request={request} />
        ))}
      </ul>
    </section>
  );
}

function RequestNote({ request }: { request: OpenRequest }) {
  const { t } = useTranslation('prepare');
  const format = useFormat();
  const dateText = useMeetingDateText();
  const stale =
    request.staleCount === 0
      ? t('banner.staleNone')
      : t('banner.stale', { count: request.staleCount });
  return (
    <li>
      <p className="update-request-text">
        {t('banner.request', {
          name: request.requestedByName,
          committee: request.committeeName,
          date: dateText.date(request.scheduledAt),
          stale,
        })}
        {request.dueDate && (
          <>
            {' '}
            <strong>{t('banner.due', { date: format.date(request.dueDate) })}</strong>
          </>
        )}
      </p>
      <blockquote className="update-request-message">{request.message}</blockquote>
      <Link to={meetingPaths.meeting(request.meetingId)}>{t('banner.meetingLink')}</Link>
    </li>
  );
}
