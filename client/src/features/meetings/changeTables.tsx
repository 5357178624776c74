import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionLink } from '../actions/ActionLink';
import type { ProgressDelta } from '@jalon/shared';
import type { RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { StatusBadge } from '../../components/StatusBadge';

/**
 * The "since last meeting" tables, shared by the meeting page, the printable summary and the
 * meeting-mode slides. `page` is the compact table of the meeting page, scrolling sideways on
 * narrow screens; `print` the same without the scroll box (the summary's own tables); `slide` the
 * projector's larger table, where the change tables put the plan code inside the row header.
 */
export type TableVariant = 'page' | 'print' | 'slide';

type MeetingChanges = NonNullable<RouterOutputs['meeting']['review']['changes']>;
type ReviewDecision = MeetingChanges['decisionsOpened'][number];

export interface Column {
  label: string;
  numeric?: boolean;
}

/** A table with its column headers, styled for where it is shown. */
export function DataTable({
  variant,
  columns,
  children,
}: {
  variant: TableVariant;
  columns: Column[];
  children: ReactNode;
}) {
  const table = (
    <table className={variant === 'slide' ? 'data-table slide-table' : 'data-table compact'}>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col" className={column.numeric ? 'numeric' : undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return variant === 'page' ? <div className="table-scroll">{table}</div> : table;
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

/** The thing a progress delta is about: a plan or action by title, a stage by its kind. */
export function useDeltaSubject(): (delta: ProgressDelta) => string {
  const { t: tv } = useTranslation('vocab');
  return (delta) =>
    delta.level === 'stage' && delta.stageKind
      ? tv(`stageKind.${delta.stageKind}`)
      : (delta.title ?? '');
}

/** How many changes of each kind, labelled, in the order every view shows them. */
export function useChangeCounts(changes: MeetingChanges): [string, number][] {
  const { t } = useTranslation('review');
  return [
    [t('sinceLast.countStatus'), changes.statusChanges.length],
    [t('sinceLast.countProgress'), changes.progressDeltas.length],
    [t('sinceLast.countMeasurements'), changes.newMeasurements.length],
    [t('sinceLast.countOpened'), changes.decisionsOpened.length],
    [t('sinceLast.countClosed'), changes.decisionsClosed.length],
    [t('sinceLast.countStages'), changes.stagesValidated.length],
  ];
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

/** Actions whose status changed: from → to (a new action has no "from"). */
export function StatusChangesTable({
  rows,
  variant,
}: {
  rows: MeetingChanges['statusChanges'];
  variant: 'page' | 'slide';
}) {
  const { t } = useTranslation('review');
  const onPage = variant === 'page';
  const columns: Column[] = [
    ...(onPage ? [{ label: t('statusChanges.plan') }] : []),
    { label: t('statusChanges.action') },
    { label: t('statusChanges.from') },
    { label: t('statusChanges.to') },
  ];
  return (
    <DataTable variant={variant} columns={columns}>
      {rows.map((row) => (
        <tr key={row.actionId}>
          {onPage ? (
            <>
              <td className="since-code">{row.planCode}</td>
              <th scope="row">
                <ActionLink id={row.actionId} title={row.title} />
              </th>
            </>
          ) : (
            <th scope="row">
              <span className="slide-code">{row.planCode}</span> {row.title}
            </th>
          )}
          <td>
            {row.from ? (
              <StatusBadge status={row.from} />
            ) : onPage ? (
              <span className="since-new">{t('statusChanges.newAction')}</span>
            ) : (
              t('statusChanges.newAction')
            )}
          </td>
          <td>
            <StatusBadge status={row.to} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Progress before → after with the signed change; the page also shows level and plan columns. */
export function ProgressDeltasTable({
  deltas,
  variant,
}: {
  deltas: ProgressDelta[];
  variant: 'page' | 'slide';
}) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const points = useSignedPoints();
  const subject = useDeltaSubject();
  const onPage = variant === 'page';
  const columns: Column[] = [
    ...(onPage ? [{ label: t('progress.level') }, { label: t('progress.plan') }] : []),
    { label: t('progress.item') },
    { label: t('progress.before'), numeric: true },
    { label: t('progress.after'), numeric: true },
    { label: t('progress.delta'), numeric: true },
  ];
  return (
    <DataTable variant={variant} columns={columns}>
      {deltas.map((delta) => (
        <tr key={`${delta.level}-${delta.id}`}>
          {onPage ? (
            <>
              <td>{t(`progress.levels.${delta.level}`)}</td>
              <td className="since-code">{delta.planCode}</td>
              <th scope="row">{subject(delta)}</th>
            </>
          ) : (
            <th scope="row">
              <span className="slide-code">{delta.planCode}</span> {subject(delta)}
            </th>
          )}
          <td className="numeric">{format.percent(delta.before)}</td>
          <td className="numeric">{format.percent(delta.after)}</td>
          {onPage ? (
            <td className={`numeric since-delta ${delta.delta < 0 ? 'is-down' : 'is-up'}`}>
              <span aria-hidden="true">{delta.delta < 0 ? '▼ ' : '▲ '}</span>
              {points(delta.delta)}
            </td>
          ) : (
            <td className="numeric slide-delta">{points(delta.delta)}</td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

/** What the decision table needs: a snapshot decision or one of `meeting.byId`'s. */
export type ReviewDecisionLike = Pick<
  ReviewDecision,
  'id' | 'number' | 'text' | 'kind' | 'planCode' | 'ownerName' | 'dueDate' | 'followUpStatus'
>;

/** A compact decision table: number, text, kind, plan, owner, due date, follow-up. */
export function DecisionTable({ decisions }: { decisions: readonly ReviewDecisionLike[] }) {
  const { t } = useTranslation('review');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const columns: Column[] = [
    { label: t('decisions.number'), numeric: true },
    { label: t('decisions.text') },
    { label: t('decisions.kind') },
    { label: t('decisions.plan') },
    { label: t('decisions.owner') },
    { label: t('decisions.due') },
    { label: t('decisions.status') },
  ];
  return (
    <DataTable variant="page" columns={columns}>
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
    </DataTable>
  );
}
