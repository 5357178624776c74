import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SnapshotIndicator } from '@jalon/shared';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ErrorMessage, Loading } from '../../components/QueryState';
import { TrackBadge } from '../../components/StatusBadge';
import { meetingPaths } from '../meetings/paths';
import type { MeetingDetail } from '../meetings/meetingAccess';
import { useMeetingDateText } from '../meetings/meetingFormat';
import { MeetingStatusBadge } from '../meetings/MeetingHeader';
import { ReviewBody, type MeetingReview } from '../meetings/SinceLastMeeting';
import { DataTable, DecisionTable, useMeasureText } from '../meetings/changeTables';
import { useAddressedMeeting, useMeetingReview } from '../meetings/addressedMeeting';
import '../meetings/meetings.css';
import './summary.css';

/** The meeting's one-page summary, for the browser's print to PDF (A4). */
export function MeetingSummaryPage() {
  const { t } = useTranslation('review');
  const { meetingId, valid, meeting } = useAddressedMeeting();
  const review = useMeetingReview(meetingId, valid);
  const dateText = useMeetingDateText();
  useDocumentTitle(
    meeting.data
      ? t('summary.documentTitle', {
          committee: meeting.data.committee.name,
          date: dateText.date(meeting.data.scheduledAt),
        })
      : t('summary.kicker'),
  );

  if (!valid) {
    return (
      <div className="page">
        <h1>{t('summary.kicker')}</h1>
        <p className="state state-error" role="alert">
          {t('present.notFound')}
        </p>
      </div>
    );
  }
  const error = meeting.error ?? review.error;
  if (error) {
    return (
      <div className="page">
        <h1>{t('summary.kicker')}</h1>
        <ErrorMessage
          error={error}
          onRetry={() => {
            void meeting.refetch();
            void review.refetch();
          }}
        />
      </div>
    );
  }
  if (!meeting.data || !review.data) return <Loading />;
  return <Summary meeting={meeting.data} review={review.data} />;
}

function Block({
  title,
  children,
  className,
}: {
  title: string;
  children: ReactNode;
  className?: string;
}) {
  const headingId = useId();
  return (
    <section className={`panel summary-block ${className ?? ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

function Summary({ meeting, review }: { meeting: MeetingDetail; review: MeetingReview }) {
  const { t, i18n } = useTranslation('review');
  const { t: tv } = useTranslation('vocab');
  const { t: tm } = useTranslation('meetings');
  const format = useFormat();
  const dateText = useMeetingDateText();
  const today = new Date().toISOString();

  return (
    <div className="page summary-page">
      <header className="page-header summary-header">
        <div>
          <p className="summary-kicker">
            {t('summary.kicker')} · {tv(`committeeKind.${meeting.committee.kind}`)} ·{' '}
            {review.meeting.territoryName}
          </p>
          <h1>
            {t('summary.heading', {
              committee: meeting.committee.name,
              date: dateText.date(meeting.scheduledAt),
            })}
          </h1>
        </div>
        <nav className="toolbar summary-tools no-print" aria-label={t('summary.toolsLabel')}>
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            {t('summary.print')}
          </button>
          <a
            className="button"
            href={`/api/meetings/${meeting.id}/summary.csv?lang=${i18n.language}`}
            download
          >
            {t('summary.csv')}
          </a>
          <Link className="button button-quiet" to={meetingPaths.meeting(meeting.id)}>
            {t('summary.back')}
          </Link>
        </nav>
      </header>

      <dl className="summary-facts">
        <div>
          <dt>{t('summary.facts.territory')}</dt>
          <dd>{review.meeting.territoryName}</dd>
        </div>
        <div>
          <dt>{t('summary.facts.date')}</dt>
          <dd>{dateText.full(meeting.scheduledAt)}</dd>
        </div>
        <div>
          <dt>{t('summary.facts.place')}</dt>
          <dd>{meeting.place || t('summary.facts.noPlace')}</dd>
        </div>
        <div>
          <dt>{t('summary.facts.mode')}</dt>
          <dd>{tv(`meetingMode.${meeting.mode}`)}</dd>
        </div>
        <div>
          <dt>{t('summary.facts.status')}</dt>
          <dd>
            <MeetingStatusBadge status={meeting.status} />
          </dd>
        </div>
        {meeting.heldAt && (
          <div>
            <dt>{t('summary.facts.heldAt')}</dt>
            <dd>{dateText.full(meeting.heldAt)}</dd>
          </div>
        )}
      </dl>

      <Block title={t('summary.attendance.title')}>
        <AttendanceTable meeting={meeting} />
      </Block>
      <Block title={t('summary.agenda.title')}>
        <AgendaTable meeting={meeting} />
      </Block>
      <Block title={t('summary.decisions.title')}>
        {meeting.decisions.length === 0 ? (
          <p className="summary-empty">{t('summary.decisions.empty')}</p>
        ) : (
          <DecisionTable decisions={meeting.decisions} />
        )}
      </Block>
      <Block title={tm('minutes.heading')}>
        {meeting.minutes === '' ? (
          <p className="summary-empty">{tm('minutes.empty')}</p>
        ) : (
          <div className="minutes-text">{meeting.minutes}</div>
        )}
      </Block>
      <Block title={t('sinceLast.title')} className="summary-changes">
        <ReviewBody review={review} />
      </Block>
      <Block title={t('summary.indicators.title')}>
        <IndicatorsTable review={review} />
      </Block>
      <p className="summary-edited">{t('summary.editedOn', { date: format.dateTime(today) })}</p>
    </div>
  );
}

function AttendanceTable({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('review');
  const { t: tv } = useTranslation('vocab');
  if (meeting.attendance.length === 0) {
    return <p className="summary-empty">{t('summary.attendance.empty')}</p>;
  }
  return (
    <DataTable
      variant="print"
      columns={[
        { label: t('summary.attendance.name') },
        { label: t('summary.attendance.organisation') },
        { label: t('summary.attendance.status') },
        { label: t('summary.attendance.representedBy') },
      ]}
    >
      {meeting.attendance.map((a) => (
        <tr key={a.id}>
          <th scope="row">{a.personName}</th>
          <td>{a.organisationName ?? '—'}</td>
          <td>
            <span className={`badge attendance-${a.status}`}>
              {tv(`attendanceStatus.${a.status}`)}
            </span>
          </td>
          <td>{a.representedBy ?? ''}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function AgendaTable({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('review');
  if (meeting.agenda.length === 0) {
    return <p className="summary-empty">{t('summary.agenda.empty')}</p>;
  }
  return (
    <DataTable
      variant="print"
      columns={[
        { label: t('summary.agenda.item'), numeric: true },
        { label: t('summary.agenda.itemTitle') },
        { label: t('summary.agenda.linked') },
        { label: t('summary.agenda.notes') },
      ]}
    >
      {meeting.agenda.map((item, i) => (
        <tr key={item.id}>
          <td className="numeric">{i + 1}</td>
          <th scope="row">{item.title}</th>
          <td>{[item.planCode, item.actionTitle].filter(Boolean).join(' · ') || '—'}</td>
          <td className="summary-notes">{item.notes}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function IndicatorsTable({ review }: { review: MeetingReview }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const measure = useMeasureText();
  const rows: { scope: string; indicator: SnapshotIndicator }[] = [
    ...review.state.plans.flatMap((p) =>
      p.indicators.map((i) => ({ scope: p.code, indicator: i })),
    ),
    ...review.state.territoryIndicators.map((i) => ({
      scope: t('measurements.territoryScope'),
      indicator: i,
    })),
  ];
  if (rows.length === 0) return <p className="summary-empty">{t('summary.indicators.empty')}</p>;
  const valueOn = (value: number | null, unit: string, date: string | null) =>
    value === null
      ? '—'
      : t('measurements.valueOn', { value: measure(value, unit), date: format.date(date) });
  return (
    <DataTable
      variant="print"
      columns={[
        { label: t('summary.indicators.scope') },
        { label: t('summary.indicators.indicator') },
        { label: t('summary.indicators.baseline'), numeric: true },
        { label: t('summary.indicators.latest'), numeric: true },
        { label: t('summary.indicators.target'), numeric: true },
        { label: t('summary.indicators.track') },
      ]}
    >
      {rows.map(({ scope, indicator: i }) => (
        <tr key={i.id}>
          <td className="since-code">{scope}</td>
          <th scope="row">{i.name}</th>
          <td className="numeric">{valueOn(i.baselineValue, i.unit, i.baselineDate)}</td>
          <td className="numeric">{valueOn(i.latestValue, i.unit, i.latestMeasuredOn)}</td>
          <td className="numeric">{valueOn(i.targetValue, i.unit, i.targetDate)}</td>
          <td>
            <TrackBadge track={i.track} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
