import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { territoryScope, useCan } from '../auth/currentUser';
import { adminPaths } from '../admin/paths';
import { Loading, QueryState } from '../../components/QueryState';
import { LongPage } from '../../components/LongPage';
import { ProgressSection } from './ProgressSection';
import { AttentionSection } from './AttentionSection';
import { RecentChanges, useChangesSince } from './RecentChanges';
import { MovementPanel } from './MovementPanel';
import { IdentityLine, TerritoryIdentity } from './TerritoryIdentity';
import { meetingPaths } from '../meetings/paths';
import { TerritoryProgressPanel } from '../progress-history/TerritoryProgressPanel';
import './territory.css';

const TerritoryIndicators = lazy(() =>
  import('./TerritoryIndicators').then((m) => ({ default: m.TerritoryIndicators })),
);

export type Overview = RouterOutputs['dashboard']['territoryOverview'];
type Meeting = NonNullable<Overview['nextMeeting']>;

export function TerritoryPage() {
  const { t } = useTranslation('territory');
  const params = useParams();
  const territoryId = Number(params.territoryId);
  if (!Number.isInteger(territoryId) || territoryId <= 0) {
    return (
      <div className="page">
        <h1>{t('title')}</h1>
        <p className="state state-error" role="alert">
          {t('invalidId')}
        </p>
      </div>
    );
  }
  return <TerritoryDashboard territoryId={territoryId} />;
}

function TerritoryDashboard({ territoryId }: { territoryId: number }) {
  const { t } = useTranslation('territory');
  const trpc = useTRPC();
  const changes = useChangesSince(territoryId);
  const overview = useQuery({
    ...trpc.dashboard.territoryOverview.queryOptions({
      territoryId,
      changesSince: changes.since,
    }),
    enabled: changes.ready,
    placeholderData: keepPreviousData,
  });
  const movement = useQuery({
    ...trpc.dashboard.sinceLastMeeting.queryOptions({
      territoryId,
      committeeKind: changes.committeeKind,
      ...(changes.pickedDay ? { since: changes.pickedDay } : {}),
    }),
    enabled: changes.ready,
    placeholderData: keepPreviousData,
  });
  // A previous territory's data must never stand in for this one's.
  const data = overview.data?.territory.id === territoryId ? overview.data : undefined;
  const movementData = data && movement.data ? movement.data : undefined;
  useDocumentTitle(data ? data.territory.name : t('title'));

  return (
    <div className="page territory-page">
      <QueryState
        query={{
          data,
          error: overview.error,
          isPending: !data && !overview.error,
          refetch: overview.refetch,
        }}
      >
        {(ready) => (
          <>
            <DashboardHeader overview={ready} />
            {movementData && (
              <MovementPanel
                data={movementData}
                committeeKind={changes.pickedDay ? undefined : changes.committeeKind}
                onCommitteeKindChange={changes.setSinceLast}
                onSinceChange={changes.setSince}
                currentProgress={ready.progress}
              />
            )}
            <KeyFigures overview={ready} />
            <Meetings next={ready.nextMeeting} last={ready.lastHeldMeeting} />
            {/* Below the first screen: built section by section, charts drawn when scrolled to. */}
            <LongPage>
              <ProgressSection overview={ready} />
              <TerritoryProgressPanel territoryId={ready.territory.id} />
              <AttentionSection overview={ready} />
              <TerritoryIdentity territoryId={ready.territory.id} />
              <RecentChanges
                overview={ready}
                since={changes.since ?? ready.recentChanges.since.slice(0, 10)}
                onSinceChange={changes.setSince}
                lastMeetings={changes.lastMeetings}
                sinceLast={changes.sinceLast}
                onSinceLastChange={changes.setSinceLast}
                updating={overview.isPlaceholderData}
              />
              <Suspense fallback={<Loading />}>
                <TerritoryIndicators territory={ready.territory} />
              </Suspense>
            </LongPage>
          </>
        )}
      </QueryState>
    </div>
  );
}

function DashboardHeader({ overview }: { overview: Overview }) {
  const { t } = useTranslation('territory');
  const { t: tm } = useTranslation('committees');
  const format = useFormat();
  const can = useCan();
  const { territory } = overview;
  const coordinates = can('manage', territoryScope(territory));
  return (
    <>
      <p className="territory-print-header">
        {territory.name} · {t('regionLabel', { region: territory.regionName })} ·{' '}
        {t('printedOn', { date: format.date(new Date().toISOString()) })}
      </p>
      <header className="page-header">
        <div>
          <h1>{territory.name}</h1>
          <p className="muted territory-region">
            {t('regionLabel', { region: territory.regionName })}
          </p>
        </div>
        <div className="toolbar">
          <Link className="button" to={meetingPaths.committees(territory.id)}>
            {tm('committees.dashboardLink')}
          </Link>
          {coordinates && (
            <nav aria-label={t('coordination.label')} className="toolbar">
              <Link className="button" to={adminPaths.newPlan(territory.id)}>
                {t('coordination.newPlan')}
              </Link>
              <Link className="button" to={adminPaths.importFile(territory.id)}>
                {t('coordination.importFile')}
              </Link>
              <Link className="button" to={adminPaths.members(territory.id)}>
                {t('coordination.members')}
              </Link>
            </nav>
          )}
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            {t('print')}
          </button>
        </div>
      </header>
      <IdentityLine territoryId={territory.id} />
    </>
  );
}

function KeyFigures({ overview }: { overview: Overview }) {
  const { t } = useTranslation('territory');
  const format = useFormat();
  const offTrack = overview.indicators.byTrack.off_track;
  return (
    <dl className="figures territory-figures" aria-label={t('figures.label')}>
      <div className="figure">
        <dt>{t('figures.plans')}</dt>
        <dd>{format.number(overview.plans.length)}</dd>
      </div>
      <div className="figure">
        <dt>{t('figures.overdue')}</dt>
        <dd className={overview.overdue.total > 0 ? 'attention' : undefined}>
          {format.number(overview.overdue.total)}
        </dd>
      </div>
      <div className="figure">
        <dt>{t('figures.blocked')}</dt>
        <dd className={overview.blocked.total > 0 ? 'attention' : undefined}>
          {format.number(overview.blocked.total)}
        </dd>
      </div>
      <div className="figure">
        <dt>{t('figures.offTrack')}</dt>
        <dd className={offTrack > 0 ? 'attention' : undefined}>
          {format.number(offTrack)}{' '}
          <span className="figure-of">
            {t('figures.offTrackOf', { total: format.number(overview.indicators.total) })}
          </span>
        </dd>
      </div>
    </dl>
  );
}

function Meetings({ next, last }: { next: Meeting | null; last: Meeting | null }) {
  const { t } = useTranslation('territory');
  return (
    <section className="panel territory-meetings" aria-labelledby="territory-meetings">
      <h2 id="territory-meetings" className="visually-hidden">
        {t('meetings.title')}
      </h2>
      <div className="meeting-cards">
        <MeetingCard title={t('meetings.next')} meeting={next} empty={t('meetings.none')} />
        <MeetingCard title={t('meetings.last')} meeting={last} empty={t('meetings.noneHeld')} />
      </div>
    </section>
  );
}

function MeetingCard({
  title,
  meeting,
  empty,
}: {
  title: string;
  meeting: Meeting | null;
  empty: string;
}) {
  const { t } = useTranslation('territory');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const kind = meeting ? tv(`committeeKind.${meeting.committeeKind}`) : '';
  return (
    <div className="meeting-card">
      <h3>{title}</h3>
      {meeting ? (
        <dl className="meeting-facts">
          <dt>{t('meetings.date')}</dt>
          <dd className="meeting-date">{format.dateTime(meeting.heldAt ?? meeting.scheduledAt)}</dd>
          <dt>{t('meetings.committee')}</dt>
          <dd>
            {meeting.committeeName}
            {!meeting.committeeName.toLowerCase().includes(kind.toLowerCase()) && (
              <span className="muted"> · {kind}</span>
            )}
          </dd>
          <dt>{t('meetings.place')}</dt>
          <dd>{meeting.place}</dd>
          <dt>{t('meetings.mode')}</dt>
          <dd>{tv(`meetingMode.${meeting.mode}`)}</dd>
        </dl>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </div>
  );
}
