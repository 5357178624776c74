import { lazy, Suspense, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  ACTION_STATUSES,
  ATTENDANCE_STATUSES,
  territoryProgress,
  type SnapshotAction,
  type SnapshotIndicator,
  type SnapshotPlan,
  type SnapshotStage,
} from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { STATUS_COLORS } from '../../lib/chartColors';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusBadge, TrackBadge } from '../../components/StatusBadge';
import type { AgendaItem, MeetingDetail } from '../meetings/meetingAccess';
import { useMeetingDateText } from '../meetings/meetingFormat';
import { useComparisonText, type MeetingReview } from '../meetings/SinceLastMeeting';
import {
  DataTable,
  DecisionTable,
  ProgressDeltasTable,
  StatusChangesTable,
  changeCount,
  useChangeCounts,
  useMeasureText,
} from '../meetings/changeTables';

const ProgressBarsChart = lazy(() =>
  import('./SlideCharts').then((m) => ({ default: m.ProgressBarsChart })),
);
const CountBarsChart = lazy(() =>
  import('./SlideCharts').then((m) => ({ default: m.CountBarsChart })),
);

export type SlideSpec =
  | { kind: 'opening' }
  | { kind: 'item'; item: AgendaItem; number: number }
  | { kind: 'changes' }
  | { kind: 'decisions' }
  | { kind: 'minutes' };

/** The deck: opening, one slide per agenda item, what changed, the meeting's decisions. */
export function buildSlides(meeting: MeetingDetail): SlideSpec[] {
  return [
    { kind: 'opening' },
    ...meeting.agenda.map((item, i): SlideSpec => ({ kind: 'item', item, number: i + 1 })),
    { kind: 'changes' },
    { kind: 'decisions' },
    // Last: the minutes, drafted during or after the meeting.
    { kind: 'minutes' },
  ];
}

export function useSlideTitle(): (slide: SlideSpec, meeting: MeetingDetail) => string {
  const { t } = useTranslation('review');
  const { t: tm } = useTranslation('meetings');
  return (slide, meeting) => {
    switch (slide.kind) {
      case 'opening':
        return meeting.committee.name;
      case 'item':
        return `${slide.number}. ${slide.item.title}`;
      case 'changes':
        return t('sinceLast.title');
      case 'decisions':
        return t('present.decisions.title');
      case 'minutes':
        return tm('minutes.heading');
    }
  };
}

export interface SlideContext {
  meeting: MeetingDetail;
  review: MeetingReview;
  /** The slide's type size in pixels, for the charts. */
  fontSize: number;
}

/** The slide's body (its title is the page's h1, rendered by the frame). */
export function SlideBody({ slide, context }: { slide: SlideSpec; context: SlideContext }) {
  switch (slide.kind) {
    case 'opening':
      return <OpeningSlide context={context} />;
    case 'item':
      return <ItemSlide item={slide.item} context={context} />;
    case 'changes':
      return <ChangesSlide review={context.review} />;
    case 'decisions':
      return <DecisionsSlide meeting={context.meeting} />;
    case 'minutes':
      return <MinutesSlide meeting={context.meeting} />;
  }
}

function Figure({ label, value, tone }: { label: string; value: ReactNode; tone?: 'alert' }) {
  return (
    <div className={tone === 'alert' ? 'slide-figure is-alert' : 'slide-figure'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function ChartBox({ children }: { children: ReactNode }) {
  return (
    <div className="slide-chart" aria-hidden="true">
      <Suspense fallback={null}>{children}</Suspense>
    </div>
  );
}

// ---- opening ---------------------------------------------------------------------------------

function OpeningSlide({ context }: { context: SlideContext }) {
  const { meeting, review } = context;
  const { t } = useTranslation('review');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const dateText = useMeetingDateText();
  const counts = ATTENDANCE_STATUSES.map((status) => ({
    status,
    count: meeting.attendance.filter((a) => a.status === status).length,
  }));
  return (
    <div className="slide-columns">
      <div>
        <p className="slide-lead">
          {tv(`committeeKind.${meeting.committee.kind}`)} · {review.meeting.territoryName}
        </p>
        <dl className="slide-facts">
          <div>
            <dt>{t('present.opening.when')}</dt>
            <dd>{dateText.full(meeting.scheduledAt)}</dd>
          </div>
          <div>
            <dt>{t('present.opening.place')}</dt>
            <dd>{meeting.place || t('summary.facts.noPlace')}</dd>
          </div>
          <div>
            <dt>{t('present.opening.mode')}</dt>
            <dd>{tv(`meetingMode.${meeting.mode}`)}</dd>
          </div>
        </dl>
        <h2>{t('present.opening.attendance')}</h2>
        {meeting.attendance.length === 0 ? (
          <p className="slide-empty">{t('present.opening.noAttendance')}</p>
        ) : (
          <dl className="slide-figures">
            {counts.map(({ status, count }) => (
              <Figure
                key={status}
                label={tv(`attendanceStatus.${status}`)}
                value={format.number(count)}
              />
            ))}
          </dl>
        )}
      </div>
      <div>
        <h2>
          {meeting.agenda.length === 0
            ? t('present.opening.noAgenda')
            : t('present.opening.agenda', { count: meeting.agenda.length })}
        </h2>
        {meeting.agenda.length > 0 && (
          <ol className={meeting.agenda.length > 8 ? 'slide-agenda is-long' : 'slide-agenda'}>
            {meeting.agenda.map((item) => (
              <li key={item.id}>{item.title}</li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}

// ---- agenda items ----------------------------------------------------------------------------

type Located =
  | { kind: 'action'; plan: SnapshotPlan; stage: SnapshotStage; action: SnapshotAction }
  | { kind: 'stage'; plan: SnapshotPlan; stage: SnapshotStage }
  | { kind: 'plan'; plan: SnapshotPlan }
  | { kind: 'overview' }
  | { kind: 'missing' };

/** What an agenda item is about, found in the presented state (the most precise link wins). */
function locate(state: MeetingReview['state'], item: AgendaItem): Located {
  if (item.actionId !== null) {
    for (const plan of state.plans)
      for (const stage of plan.stages) {
        const action = stage.actions.find((a) => a.id === item.actionId);
        if (action) return { kind: 'action', plan, stage, action };
      }
    return { kind: 'missing' };
  }
  if (item.stageId !== null) {
    for (const plan of state.plans) {
      const stage = plan.stages.find((s) => s.id === item.stageId);
      if (stage) return { kind: 'stage', plan, stage };
    }
    return { kind: 'missing' };
  }
  if (item.planId !== null) {
    const plan = state.plans.find((p) => p.id === item.planId);
    return plan ? { kind: 'plan', plan } : { kind: 'missing' };
  }
  return { kind: 'overview' };
}

function ItemSlide({ item, context }: { item: AgendaItem; context: SlideContext }) {
  const { t } = useTranslation('review');
  const { t: tv } = useTranslation('vocab');
  const located = locate(context.review.state, item);
  let about: string | null = null;
  if (located.kind === 'action') {
    about = t('present.item.aboutAction', {
      plan: `${located.plan.code} · ${tv(`stageKind.${located.stage.kind}`)}`,
    });
  } else if (located.kind === 'stage') {
    about = t('present.item.aboutStage', { plan: `${located.plan.code} ${located.plan.title}` });
  } else if (located.kind === 'plan') {
    about = t('present.item.aboutPlan', { plan: `${located.plan.code} · ${located.plan.title}` });
  }
  return (
    <>
      {about && <p className="slide-lead">{about}</p>}
      {item.notes && <p className="slide-notes">{item.notes}</p>}
      {located.kind === 'action' && <ActionFigures located={located} />}
      {located.kind === 'stage' && <StageFigures stage={located.stage} />}
      {located.kind === 'plan' && <PlanFigures plan={located.plan} fontSize={context.fontSize} />}
      {located.kind === 'overview' && (
        <TerritoryOverview state={context.review.state} fontSize={context.fontSize} />
      )}
      {located.kind === 'missing' && <p className="slide-empty">{t('present.item.missing')}</p>}
    </>
  );
}

/**
 * The action's lead as frozen with the meeting; read live only for snapshots stored before leads
 * were frozen with them. Undefined while loading.
 */
function useActionOwner(action: SnapshotAction, stageId: number): string | null | undefined {
  const trpc = useTRPC();
  const frozen = action.ownerName !== undefined;
  const actions = useQuery({
    ...trpc.action.list.queryOptions({ stageId, includeArchived: true, limit: 200 }),
    enabled: !frozen,
  });
  if (frozen) return action.ownerName;
  if (!actions.data) return undefined;
  return actions.data.items.find((a) => a.id === action.id)?.ownerName ?? null;
}

function ActionFigures({ located }: { located: Extract<Located, { kind: 'action' }> }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const { action } = located;
  const owner = useActionOwner(action, located.stage.id);
  const progress = action.status === 'done' ? 100 : action.progress;
  return (
    <>
      <p className="slide-subject">{action.title}</p>
      <dl className="slide-figures">
        <Figure label={t('present.action.status')} value={<StatusBadge status={action.status} />} />
        <Figure label={t('present.action.progress')} value={format.percent(progress)} />
        <Figure
          label={t('present.action.owner')}
          value={owner === undefined ? '…' : (owner ?? t('present.action.noOwner'))}
        />
        <Figure
          label={t('present.action.due')}
          value={
            action.dueDate ? (
              <>
                {format.date(action.dueDate)}
                {action.overdue && (
                  <span className="slide-alert-text"> · {t('present.action.overdue')}</span>
                )}
              </>
            ) : (
              t('present.action.noDue')
            )
          }
          {...(action.overdue ? { tone: 'alert' as const } : {})}
        />
      </dl>
      <div className="slide-progress">
        <ProgressBar value={progress} label={t('present.action.progress')} />
      </div>
      <h2>{t('present.action.comment')}</h2>
      {action.statusComment ? (
        <blockquote className="slide-comment">{action.statusComment}</blockquote>
      ) : (
        <p className="slide-empty">{t('present.action.noComment')}</p>
      )}
    </>
  );
}

function StageFigures({ stage }: { stage: SnapshotStage }) {
  const { t } = useTranslation('review');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  return (
    <>
      <p className="slide-subject">{tv(`stageKind.${stage.kind}`)}</p>
      <dl className="slide-figures">
        <Figure label={t('present.stage.progress')} value={format.percent(stage.progress)} />
        <Figure label={t('present.stage.actions')} value={format.number(stage.actions.length)} />
        <Figure
          label={t('present.stage.gate')}
          value={
            stage.validatedOn
              ? t('present.stage.validated', { date: format.date(stage.validatedOn) })
              : t('present.stage.notValidated')
          }
        />
      </dl>
      <h2>{t('present.stage.actions')}</h2>
      {stage.actions.length === 0 ? (
        <p className="slide-empty">{t('present.stage.noActions')}</p>
      ) : (
        <ActionTable actions={stage.actions} />
      )}
    </>
  );
}

function ActionTable({ actions }: { actions: SnapshotAction[] }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  return (
    <DataTable
      variant="slide"
      columns={[
        { label: t('present.stage.action') },
        { label: t('present.stage.status') },
        { label: t('present.stage.progressColumn') },
        { label: t('present.stage.due') },
      ]}
    >
      {actions.map((a) => (
        <tr key={a.id}>
          <th scope="row">{a.title}</th>
          <td>
            <StatusBadge status={a.status} />
          </td>
          <td>
            <ProgressBar value={a.status === 'done' ? 100 : a.progress} label={a.title} />
          </td>
          <td className={a.overdue ? 'slide-alert-text' : undefined}>
            {format.date(a.dueDate)}
            {a.overdue && <> · {t('present.action.overdue')}</>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function PlanFigures({ plan, fontSize }: { plan: SnapshotPlan; fontSize: number }) {
  const { t } = useTranslation('review');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const stageRows = plan.stages.map((s) => ({
    label: tv(`stageKind.${s.kind}`),
    value: s.progress,
  }));
  return (
    <>
      <dl className="slide-figures">
        <Figure label={t('present.plan.progress')} value={format.percent(plan.progress)} />
        <Figure
          label={t('present.plan.validatedStages')}
          value={t('present.plan.validatedCount', {
            validated: plan.stages.filter((s) => s.validatedOn !== null).length,
            total: plan.stages.length,
          })}
        />
      </dl>
      <div className="slide-columns">
        <section>
          <h2>{t('present.plan.stages')}</h2>
          <ChartBox>
            <ProgressBarsChart rows={stageRows} fontSize={fontSize} />
          </ChartBox>
        </section>
        <section>
          <h2>{t('present.plan.indicators')}</h2>
          {plan.indicators.length === 0 ? (
            <p className="slide-empty">{t('present.plan.noIndicators')}</p>
          ) : (
            <IndicatorTable indicators={plan.indicators} />
          )}
        </section>
      </div>
    </>
  );
}

function IndicatorTable({ indicators }: { indicators: SnapshotIndicator[] }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const measure = useMeasureText();
  return (
    <DataTable
      variant="slide"
      columns={[
        { label: t('present.plan.indicator') },
        { label: t('present.plan.latest'), numeric: true },
        { label: t('present.plan.target'), numeric: true },
        { label: t('present.plan.track') },
      ]}
    >
      {indicators.map((i) => (
        <tr key={i.id}>
          <th scope="row">{i.name}</th>
          <td className="numeric">
            {i.latestValue === null ? (
              t('present.plan.noMeasure')
            ) : (
              <>
                {measure(i.latestValue, i.unit)}
                <span className="slide-cell-note">{format.date(i.latestMeasuredOn)}</span>
              </>
            )}
          </td>
          <td className="numeric">
            {measure(i.targetValue, i.unit)}
            <span className="slide-cell-note">{format.date(i.targetDate)}</span>
          </td>
          <td>
            <TrackBadge track={i.track} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function TerritoryOverview({
  state,
  fontSize,
}: {
  state: MeetingReview['state'];
  fontSize: number;
}) {
  const { t } = useTranslation('review');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const actions = state.plans.flatMap((p) => p.stages.flatMap((s) => s.actions));
  const indicators = [...state.plans.flatMap((p) => p.indicators), ...state.territoryIndicators];
  const byStatus = ACTION_STATUSES.map((status) => ({
    status,
    count: actions.filter((a) => a.status === status).length,
  })).filter((row) => row.count > 0);
  const overdue = actions.filter((a) => a.overdue).length;
  const blocked = actions.filter((a) => a.status === 'blocked').length;
  const offTrack = indicators.filter((i) => i.track === 'off_track').length;
  return (
    <>
      <p className="slide-subject">{t('present.overview.title')}</p>
      <dl className="slide-figures">
        <Figure
          label={t('present.overview.progress')}
          value={format.percent(territoryProgress(state.plans.map((p) => p.progress)))}
        />
        <Figure
          label={t('present.overview.overdue')}
          value={format.number(overdue)}
          {...(overdue > 0 ? { tone: 'alert' as const } : {})}
        />
        <Figure
          label={t('present.overview.blocked')}
          value={format.number(blocked)}
          {...(blocked > 0 ? { tone: 'alert' as const } : {})}
        />
        <Figure
          label={t('present.overview.offTrack')}
          value={format.number(offTrack)}
          {...(offTrack > 0 ? { tone: 'alert' as const } : {})}
        />
      </dl>
      <div className="slide-columns">
        <section>
          <h2>{t('present.overview.byStatus')}</h2>
          <ChartBox>
            <CountBarsChart
              rows={byStatus.map((row) => ({
                label: tv(`actionStatus.${row.status}`),
                value: row.count,
                color: STATUS_COLORS[row.status],
              }))}
              fontSize={fontSize}
            />
          </ChartBox>
          <table className="visually-hidden">
            <caption>{t('present.overview.byStatus')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('present.overview.status')}</th>
                <th scope="col">{t('present.overview.count')}</th>
              </tr>
            </thead>
            <tbody>
              {byStatus.map((row) => (
                <tr key={row.status}>
                  <th scope="row">{tv(`actionStatus.${row.status}`)}</th>
                  <td>{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h2>{t('present.overview.plans')}</h2>
          <DataTable
            variant="slide"
            columns={[
              { label: t('present.overview.plan') },
              { label: t('present.overview.planProgress') },
            ]}
          >
            {state.plans.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <span className="slide-code">{p.code}</span> {p.title}
                </th>
                <td>
                  <ProgressBar value={p.progress} label={`${p.code} ${p.title}`} />
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      </div>
    </>
  );
}

// ---- since last meeting, decisions -----------------------------------------------------------

const CHANGES_SHOWN = 5;

function More({ total }: { total: number }) {
  const { t } = useTranslation('review');
  if (total <= CHANGES_SHOWN) return null;
  return (
    <p className="slide-more">{t('present.changes.more', { count: total - CHANGES_SHOWN })}</p>
  );
}

function ChangesSlide({ review }: { review: MeetingReview }) {
  const { t } = useTranslation('review');
  const comparison = useComparisonText(review);
  const changes = review.changes;
  if (!changes) {
    return <p className="slide-lead">{comparison ?? t('sinceLast.noPrevious')}</p>;
  }
  return <ChangesFigures changes={changes} comparison={comparison} />;
}

function ChangesFigures({
  changes,
  comparison,
}: {
  changes: NonNullable<MeetingReview['changes']>;
  comparison: string | null;
}) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const measure = useMeasureText();
  const counts = useChangeCounts(changes);
  const deltas = changes.progressDeltas.filter((d) => d.level !== 'action');
  return (
    <>
      <p className="slide-lead">{comparison}</p>
      <dl className="slide-figures slide-figures-small">
        {counts.map(([label, count]) => (
          <Figure key={label} label={label} value={format.number(count)} />
        ))}
      </dl>
      {changeCount(changes) === 0 ? (
        <p className="slide-empty">{t('present.changes.nothing')}</p>
      ) : (
        <div className="slide-columns">
          <section>
            <h2>{t('statusChanges.title')}</h2>
            {changes.statusChanges.length === 0 ? (
              <p className="slide-empty">{t('statusChanges.empty')}</p>
            ) : (
              <StatusChangesTable
                rows={changes.statusChanges.slice(0, CHANGES_SHOWN)}
                variant="slide"
              />
            )}
            <More total={changes.statusChanges.length} />
          </section>
          <section>
            <h2>{t('progress.plansTitle')}</h2>
            {deltas.length === 0 ? (
              <p className="slide-empty">{t('progress.emptyPlans')}</p>
            ) : (
              <ProgressDeltasTable deltas={deltas.slice(0, CHANGES_SHOWN)} variant="slide" />
            )}
            <More total={deltas.length} />
            {changes.newMeasurements.length > 0 && (
              <>
                <h2>{t('measurements.title')}</h2>
                <ul className="slide-list">
                  {changes.newMeasurements.slice(0, 3).map((m) => (
                    <li key={m.indicatorId}>
                      {t('present.changes.measurement', {
                        name: m.name,
                        from: measure(m.previousValue, m.unit),
                        to: measure(m.value, m.unit),
                        date: format.date(m.measuredOn),
                      })}{' '}
                      <TrackBadge track={m.track} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
      )}
    </>
  );
}

function DecisionsSlide({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('review');
  if (meeting.decisions.length === 0) {
    return <p className="slide-empty">{t('present.decisions.empty')}</p>;
  }
  return (
    <div className="slide-decisions">
      <DecisionTable decisions={meeting.decisions} />
    </div>
  );
}

function MinutesSlide({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation('meetings');
  if (meeting.minutes === '') return <p className="slide-empty">{t('minutes.empty')}</p>;
  return <div className="slide-minutes">{meeting.minutes}</div>;
}
