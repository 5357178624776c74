import { useId, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProgressDelta } from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { QueryState } from '../../components/QueryState';
import { TrackBadge } from '../../components/StatusBadge';
import { useMeetingDateText } from './meetingFormat';
import {
  DataTable,
  DecisionTable,
  ProgressDeltasTable,
  StatusChangesTable,
  useChangeCounts,
  useMeasureText,
} from './changeTables';
import './SinceLastMeeting.css';

export type MeetingReview = RouterOutputs['meeting']['review'];
export type MeetingChanges = NonNullable<MeetingReview['changes']>;
type ReviewDecision = MeetingChanges['decisionsOpened'][number];

/** How many progress changes per table the meeting page lists before "show the others". */
const ACTIONS_SHOWN = 8;

/** The meeting page's "Depuis la dernière séance" section, from `meeting.review`. */
export function SinceLastMeeting({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation('review');
  const trpc = useTRPC();
  const review = useQuery(trpc.meeting.review.queryOptions({ id: meetingId }));
  const headingId = useId();
  return (
    <section className="panel since-last" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sinceLast.title')}</h2>
      <QueryState query={review}>
        {(data) => <ReviewBody review={data} actionsShown={ACTIONS_SHOWN} />}
      </QueryState>
    </section>
  );
}

/** What is compared, then every list of changes; `actionsShown` null lists every action. */
export function ReviewBody({
  review,
  actionsShown = null,
}: {
  review: MeetingReview;
  actionsShown?: number | null;
}) {
  return (
    <>
      <ReviewComparison review={review} />
      {review.changes && <ChangesLists changes={review.changes} actionsShown={actionsShown} />}
    </>
  );
}

/** "COPIL … du 3 mars 2026 → cette séance (état figé le …)", or why nothing is compared. */
export function ReviewComparison({ review }: { review: MeetingReview }) {
  const { t } = useTranslation('review');
  const text = useComparisonText(review);
  return (
    <p className={review.changes ? 'since-compared' : 'since-compared since-none'}>
      {text ?? t('sinceLast.noPrevious')}
    </p>
  );
}

/** The comparison in one sentence; null for a committee's first meeting. */
export function useComparisonText(review: MeetingReview): string | null {
  const { t } = useTranslation('review');
  const format = useFormat();
  const dateText = useMeetingDateText();
  if (!review.previous) return null;
  const previous = t('sinceLast.previousMeeting', {
    committee: review.meeting.committeeName,
    date: dateText.date(review.previous.scheduledAt),
  });
  if (!review.changes) return t('sinceLast.noSnapshot', { previous });
  return review.frozen
    ? t('sinceLast.comparedFrozen', {
        previous,
        frozenOn: dateText.date(review.meeting.heldAt ?? review.meeting.scheduledAt),
      })
    : t('sinceLast.comparedLive', { previous, asOf: format.date(review.state.asOf) });
}

export function ChangesLists({
  changes,
  actionsShown = null,
}: {
  changes: MeetingChanges;
  actionsShown?: number | null;
}) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const counts = useChangeCounts(changes);
  return (
    <div className="since-lists">
      <dl className="since-counts" aria-label={t('sinceLast.counts')}>
        {counts.map(([label, count]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{format.number(count)}</dd>
          </div>
        ))}
      </dl>
      <StatusChanges changes={changes} />
      <ProgressDeltas
        title={t('progress.plansTitle')}
        empty={t('progress.emptyPlans')}
        deltas={changes.progressDeltas.filter((d) => d.level !== 'action')}
        shown={actionsShown}
      />
      <ProgressDeltas
        title={t('progress.actionsTitle')}
        empty={t('progress.emptyActions')}
        deltas={changes.progressDeltas.filter((d) => d.level === 'action')}
        shown={actionsShown}
      />
      <NewMeasurements changes={changes} />
      <DecisionList
        title={t('decisions.openedTitle')}
        empty={t('decisions.openedEmpty')}
        decisions={changes.decisionsOpened}
      />
      <DecisionList
        title={t('decisions.closedTitle')}
        empty={t('decisions.closedEmpty')}
        decisions={changes.decisionsClosed}
      />
      <StagesValidated changes={changes} />
    </div>
  );
}

function ChangeBlock({
  title,
  empty,
  children,
}: {
  title: string;
  empty: string | null;
  children?: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="since-block" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {empty !== null ? <p className="since-empty">{empty}</p> : children}
    </section>
  );
}

function StatusChanges({ changes }: { changes: MeetingChanges }) {
  const { t } = useTranslation('review');
  const rows = changes.statusChanges;
  return (
    <ChangeBlock
      title={t('statusChanges.title')}
      empty={rows.length === 0 ? t('statusChanges.empty') : null}
    >
      <StatusChangesTable rows={rows} variant="page" />
    </ChangeBlock>
  );
}

function ProgressDeltas({
  title,
  empty,
  deltas,
  shown,
}: {
  title: string;
  empty: string;
  deltas: ProgressDelta[];
  shown: number | null;
}) {
  const { t } = useTranslation('review');
  const [expanded, setExpanded] = useState(false);
  const visible = shown === null || expanded ? deltas : deltas.slice(0, shown);
  const hidden = deltas.length - visible.length;
  return (
    <ChangeBlock title={title} empty={deltas.length === 0 ? empty : null}>
      <ProgressDeltasTable deltas={visible} variant="page" />
      {shown !== null && deltas.length > shown && (
        <button
          type="button"
          className="button button-small button-quiet since-more no-print"
          aria-expanded={expanded}
          onClick={() => setExpanded((v) => !v)}
        >
          {expanded ? t('progress.showLess') : t('progress.showAll', { count: hidden })}
        </button>
      )}
    </ChangeBlock>
  );
}

function NewMeasurements({ changes }: { changes: MeetingChanges }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const measure = useMeasureText();
  const rows = changes.newMeasurements;
  return (
    <ChangeBlock
      title={t('measurements.title')}
      empty={rows.length === 0 ? t('measurements.empty') : null}
    >
      <DataTable
        variant="page"
        columns={[
          { label: t('measurements.indicator') },
          { label: t('measurements.scope') },
          { label: t('measurements.previous'), numeric: true },
          { label: t('measurements.value'), numeric: true },
          { label: t('measurements.measuredOn') },
          { label: t('measurements.track') },
        ]}
      >
        {rows.map((row) => (
          <tr key={row.indicatorId}>
            <th scope="row">{row.name}</th>
            <td className="since-code">{row.planCode ?? t('measurements.territoryScope')}</td>
            <td className="numeric">
              {row.previousValue === null
                ? t('measurements.none')
                : t('measurements.valueOn', {
                    value: measure(row.previousValue, row.unit),
                    date: format.date(row.previousMeasuredOn),
                  })}
            </td>
            <td className="numeric since-strong">{measure(row.value, row.unit)}</td>
            <td>{format.date(row.measuredOn)}</td>
            <td>
              <TrackBadge track={row.track} />
            </td>
          </tr>
        ))}
      </DataTable>
    </ChangeBlock>
  );
}

function DecisionList({
  title,
  empty,
  decisions,
}: {
  title: string;
  empty: string;
  decisions: ReviewDecision[];
}) {
  return (
    <ChangeBlock title={title} empty={decisions.length === 0 ? empty : null}>
      <DecisionTable decisions={decisions} />
    </ChangeBlock>
  );
}

function StagesValidated({ changes }: { changes: MeetingChanges }) {
  const { t } = useTranslation('review');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const rows = changes.stagesValidated;
  return (
    <ChangeBlock
      title={t('stagesValidated.title')}
      empty={rows.length === 0 ? t('stagesValidated.empty') : null}
    >
      <DataTable
        variant="page"
        columns={[
          { label: t('stagesValidated.plan') },
          { label: t('stagesValidated.stage') },
          { label: t('stagesValidated.on') },
        ]}
      >
        {rows.map((row) => (
          <tr key={row.stageId}>
            <td className="since-code">{row.planCode}</td>
            <th scope="row">{tv(`stageKind.${row.stageKind}`)}</th>
            <td>{format.date(row.validatedOn)}</td>
          </tr>
        ))}
      </DataTable>
    </ChangeBlock>
  );
}
