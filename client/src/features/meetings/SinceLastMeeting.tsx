import { useId, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProgressDelta } from '@jalon/shared';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { QueryState } from '../../components/QueryState';
import { StatusBadge, TrackBadge } from '../../components/StatusBadge';
import { useMeetingDateText } from './meetingFormat';
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

/** Signed percentage points ("+12 pts", "−5 pts"): the sign says it, not a colour. */
export function useSignedPoints(): (delta: number) => string {
  const { t } = useTranslation('review');
  const format = useFormat();
  return (delta) => {
    const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
    return t('progress.points', { value: `${sign}${format.number(Math.abs(delta), 1)}` });
  };
}

/** A measured value with its unit ("60 personnes"). */
export function useMeasureText(): (value: number | null, unit: string) => string {
  const format = useFormat();
  return (value, unit) => (value === null ? '—' : `${format.number(value)} ${unit}`.trim());
}

export function changeCount(changes: MeetingChanges): number {
  return (
    changes.statusChanges.length +
    changes.progressDeltas.length +
    changes.newMeasurements.length +
    changes.decisionsOpened.length +
    changes.decisionsClosed.length +
    changes.stagesValidated.length
  );
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
  const counts: [string, number][] = [
    [t('sinceLast.countStatus'), changes.statusChanges.length],
    [t('sinceLast.countProgress'), changes.progressDeltas.length],
    [t('sinceLast.countMeasurements'), changes.newMeasurements.length],
    [t('sinceLast.countOpened'), changes.decisionsOpened.length],
    [t('sinceLast.countClosed'), changes.decisionsClosed.length],
    [t('sinceLast.countStages'), changes.stagesValidated.length],
  ];
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
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('statusChanges.plan')}</th>
              <th scope="col">{t('statusChanges.action')}</th>
              <th scope="col">{t('statusChanges.from')}</th>
              <th scope="col">{t('statusChanges.to')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.actionId}>
                <td className="since-code">{row.planCode}</td>
                <th scope="row">{row.title}</th>
                <td>
                  {row.from ? (
                    <StatusBadge status={row.from} />
                  ) : (
                    <span className="since-new">{t('statusChanges.newAction')}</span>
                  )}
                </td>
                <td>
                  <StatusBadge status={row.to} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChangeBlock>
  );
}

/** The thing a progress delta is about: a plan or action by title, a stage by its kind. */
export function useDeltaSubject(): (delta: ProgressDelta) => string {
  const { t: tv } = useTranslation('vocab');
  return (delta) =>
    delta.level === 'stage' && delta.stageKind
      ? tv(`stageKind.${delta.stageKind}`)
      : (delta.title ?? '');
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
  const format = useFormat();
  const points = useSignedPoints();
  const subject = useDeltaSubject();
  const [expanded, setExpanded] = useState(false);
  const visible = shown === null || expanded ? deltas : deltas.slice(0, shown);
  const hidden = deltas.length - visible.length;
  return (
    <ChangeBlock title={title} empty={deltas.length === 0 ? empty : null}>
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('progress.level')}</th>
              <th scope="col">{t('progress.plan')}</th>
              <th scope="col">{t('progress.item')}</th>
              <th scope="col" className="numeric">
                {t('progress.before')}
              </th>
              <th scope="col" className="numeric">
                {t('progress.after')}
              </th>
              <th scope="col" className="numeric">
                {t('progress.delta')}
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((delta) => (
              <tr key={`${delta.level}-${delta.id}`}>
                <td>{t(`progress.levels.${delta.level}`)}</td>
                <td className="since-code">{delta.planCode}</td>
                <th scope="row">{subject(delta)}</th>
                <td className="numeric">{format.percent(delta.before)}</td>
                <td className="numeric">{format.percent(delta.after)}</td>
                <td className={`numeric since-delta ${delta.delta < 0 ? 'is-down' : 'is-up'}`}>
                  <span aria-hidden="true">{delta.delta < 0 ? '▼ ' : '▲ '}</span>
                  {points(delta.delta)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('measurements.indicator')}</th>
              <th scope="col">{t('measurements.scope')}</th>
              <th scope="col" className="numeric">
                {t('measurements.previous')}
              </th>
              <th scope="col" className="numeric">
                {t('measurements.value')}
              </th>
              <th scope="col">{t('measurements.measuredOn')}</th>
              <th scope="col">{t('measurements.track')}</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
    </ChangeBlock>
  );
}

/** A compact decision table: number, text, kind, plan, owner, due date, follow-up. */
export function DecisionTable({ decisions }: { decisions: readonly ReviewDecisionLike[] }) {
  const { t } = useTranslation('review');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('decisions.number')}
            </th>
            <th scope="col">{t('decisions.text')}</th>
            <th scope="col">{t('decisions.kind')}</th>
            <th scope="col">{t('decisions.plan')}</th>
            <th scope="col">{t('decisions.owner')}</th>
            <th scope="col">{t('decisions.due')}</th>
            <th scope="col">{t('decisions.status')}</th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((d) => (
            <tr key={d.id}>
              <td className="numeric">{d.number}</td>
              <th scope="row" className="since-decision-text">
                {d.text}
              </th>
              <td>{tv(`decisionKind.${d.kind}`)}</td>
              <td className="since-code">{d.planCode ?? '—'}</td>
              <td>{d.ownerName || '—'}</td>
              <td>{format.date(d.dueDate)}</td>
              <td>
                <span className={`badge decision-status-${d.followUpStatus}`}>
                  {tv(`decisionStatus.${d.followUpStatus}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the decision table needs: a snapshot decision or one of `meeting.byId`'s. */
export type ReviewDecisionLike = Pick<
  ReviewDecision,
  'id' | 'number' | 'text' | 'kind' | 'planCode' | 'ownerName' | 'dueDate' | 'followUpStatus'
>;

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
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('stagesValidated.plan')}</th>
              <th scope="col">{t('stagesValidated.stage')}</th>
              <th scope="col">{t('stagesValidated.on')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.stageId}>
                <td className="since-code">{row.planCode}</td>
                <th scope="row">{tv(`stageKind.${row.stageKind}`)}</th>
                <td>{format.date(row.validatedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChangeBlock>
  );
}
