import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { meetingPaths } from '../meetings/paths';
import { CommitteeName, MeetingStatusBadge } from './badges';

type MeetingItem = RouterOutputs['meeting']['list']['items'][number];

/** A page of meetings: each row opens its meeting. Renders only. */
export function MeetingTable({
  caption,
  meetings,
  names,
  showCommittee = true,
}: {
  caption: string;
  /** Off inside a committee's own panel, where every row is that committee's. */
  showCommittee?: boolean;
  meetings: readonly MeetingItem[];
  /** Territory names by id; the territory column shows only when the rows span several. */
  names?: Map<number, string>;
}) {
  const { t } = useTranslation('committees');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const showTerritory = !!names && new Set(meetings.map((m) => m.territoryId)).size > 1;
  return (
    <div className="table-scroll">
      <table className="data-table meetings-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.columns.date')}</th>
            {showCommittee && <th scope="col">{t('meetings.columns.committee')}</th>}
            {showTerritory && <th scope="col">{t('meetings.columns.territory')}</th>}
            <th scope="col">{t('meetings.columns.place')}</th>
            <th scope="col">{t('meetings.columns.mode')}</th>
            <th scope="col">{t('meetings.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((meeting) => (
            <tr key={meeting.id}>
              <th scope="row" className="nowrap">
                <Link to={meetingPaths.meeting(meeting.id)}>
                  {format.dateTime(meeting.scheduledAt)}
                </Link>
              </th>
              {showCommittee && (
                <td>
                  <CommitteeName name={meeting.committeeName} kind={meeting.committeeKind} />
                </td>
              )}
              {showTerritory && <td>{names.get(meeting.territoryId) ?? t('unknown')}</td>}
              <td>{meeting.place || <span className="muted">{t('meetings.noPlace')}</span>}</td>
              <td>{tv(`meetingMode.${meeting.mode}`)}</td>
              <td>
                <MeetingStatusBadge status={meeting.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
