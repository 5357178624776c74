import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createColumnHelper, metaHelper, tableFeatures } from '@tanstack/react-table';
import type { RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { meetingPaths } from '../meetings/paths';
import { CommitteeName, FollowUpBadge } from './badges';

export type DecisionRow = RouterOutputs['decision']['list']['items'][number];

export type DecisionColumnId =
  | 'committee'
  | 'meetingDate'
  | 'number'
  | 'text'
  | 'kind'
  | 'plan'
  | 'owner'
  | 'dueDate'
  | 'followUp';

interface DecisionColumnMeta {
  /** The cell names the row for assistive tech (`<th scope="row">`). */
  rowHeader?: boolean;
  numeric?: boolean;
}

export const decisionTableFeatures = tableFeatures({
  columnMeta: metaHelper<DecisionColumnMeta>(),
});

const helper = createColumnHelper<typeof decisionTableFeatures, DecisionRow>();

function ColumnLabel({ id }: { id: DecisionColumnId }) {
  const { t } = useTranslation('committees');
  return <>{t(`decisions.columns.${id}`)}</>;
}

function MeetingDateCell({ row }: { row: DecisionRow }) {
  const format = useFormat();
  return (
    <Link className="nowrap" to={meetingPaths.meeting(row.meetingId)}>
      {format.date(row.meetingScheduledAt)}
    </Link>
  );
}

function KindCell({ row }: { row: DecisionRow }) {
  const { t } = useTranslation('vocab');
  return <>{t(`decisionKind.${row.kind}`)}</>;
}

function OwnerCell({ row }: { row: DecisionRow }) {
  const { t } = useTranslation();
  return row.ownerName ? <>{row.ownerName}</> : <span className="muted">{t('none')}</span>;
}

function DueDateCell({ row }: { row: DecisionRow }) {
  const format = useFormat();
  return <span className="nowrap">{format.date(row.dueDate)}</span>;
}

function PlanCell({ row }: { row: DecisionRow }) {
  const { t } = useTranslation();
  if (row.planId === null || row.planCode === null)
    return <span className="muted">{t('none')}</span>;
  return <Link to={`/plans/${row.planId}`}>{row.planCode}</Link>;
}

export const decisionColumns = helper.columns([
  helper.accessor('committeeName', {
    id: 'committee',
    header: () => <ColumnLabel id="committee" />,
    cell: ({ row }) => (
      <CommitteeName name={row.original.committeeName} kind={row.original.committeeKind} />
    ),
  }),
  helper.accessor('meetingScheduledAt', {
    id: 'meetingDate',
    header: () => <ColumnLabel id="meetingDate" />,
    cell: ({ row }) => <MeetingDateCell row={row.original} />,
  }),
  helper.accessor('number', {
    id: 'number',
    header: () => <ColumnLabel id="number" />,
    meta: { numeric: true },
  }),
  helper.accessor('text', {
    id: 'text',
    header: () => <ColumnLabel id="text" />,
    cell: ({ row }) => <span className="decision-text">{row.original.text}</span>,
    meta: { rowHeader: true },
  }),
  helper.accessor('kind', {
    id: 'kind',
    header: () => <ColumnLabel id="kind" />,
    cell: ({ row }) => <KindCell row={row.original} />,
  }),
  helper.accessor('planCode', {
    id: 'plan',
    header: () => <ColumnLabel id="plan" />,
    cell: ({ row }) => <PlanCell row={row.original} />,
  }),
  helper.accessor('ownerName', {
    id: 'owner',
    header: () => <ColumnLabel id="owner" />,
    cell: ({ row }) => <OwnerCell row={row.original} />,
  }),
  helper.accessor('dueDate', {
    id: 'dueDate',
    header: () => <ColumnLabel id="dueDate" />,
    cell: ({ row }) => <DueDateCell row={row.original} />,
  }),
  helper.accessor('followUpStatus', {
    id: 'followUp',
    header: () => <ColumnLabel id="followUp" />,
    cell: ({ row }) => <FollowUpBadge status={row.original.followUpStatus} />,
  }),
]);
