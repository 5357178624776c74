import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ActionLink } from './ActionLink';
import {
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { RouterOutputs } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { StatusBadge } from '../../components/StatusBadge';
import { ProgressBar } from '../../components/ProgressBar';
import { useCan } from '../auth/currentUser';
import { adminPaths } from '../admin/paths';
import type { ActionSort } from './actionsState';

export type ActionRow = RouterOutputs['action']['list']['items'][number];

export type ActionColumnId =
  | 'planCode'
  | 'title'
  | 'stage'
  | 'owner'
  | 'status'
  | 'progress'
  | 'dueDate'
  | 'updatedAt'
  | 'statusComment'
  | 'edit';

interface ActionColumnMeta {
  /** The server's sort key, for columns the list can be sorted by. */
  sortKey?: ActionSort;
  numeric?: boolean;
}

export const actionTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<ActionColumnMeta>(),
});

const helper = createColumnHelper<typeof actionTableFeatures, ActionRow>();

function ColumnLabel({ id }: { id: ActionColumnId }) {
  const { t } = useTranslation('actions');
  return <>{t(`columns.${id}`)}</>;
}

function StageCell({ row }: { row: ActionRow }) {
  const { t } = useTranslation('vocab');
  return <>{t(`stageKind.${row.stageKind}`)}</>;
}

function OwnerCell({ row }: { row: ActionRow }) {
  const { t } = useTranslation('actions');
  return row.ownerName ?? <span className="muted">{t('noOwner')}</span>;
}

function ProgressCell({ row }: { row: ActionRow }) {
  const { t } = useTranslation('actions');
  return <ProgressBar value={row.progress} label={t('progressOf', { title: row.title })} />;
}

function DueDateCell({ row }: { row: ActionRow }) {
  const { t } = useTranslation('actions');
  const format = useFormat();
  if (!row.overdue) return <span className="actions-date">{format.date(row.dueDate)}</span>;
  return (
    <span className="attention actions-overdue">
      <span className="actions-date">{format.date(row.dueDate)}</span>{' '}
      <span className="badge">{t('overdue')}</span>
    </span>
  );
}

function UpdatedCell({ row }: { row: ActionRow }) {
  const format = useFormat();
  return <span className="actions-date">{format.date(row.updatedAt)}</span>;
}

/** Coordinators of one of the plan's territories (and admins) get the edit screen. */
function EditCell({ row }: { row: ActionRow }) {
  const { t } = useTranslation('actions');
  const can = useCan();
  const scope = { territoryIds: row.territoryIds, regionIds: [], planId: row.planId };
  if (!can('manage', scope)) return null;
  return (
    <Link
      className="button button-small"
      to={adminPaths.editAction(row.id)}
      aria-label={t('editAction', { title: row.title })}
    >
      {t('columns.edit')}
    </Link>
  );
}

export const actionColumns = helper.columns([
  helper.accessor('planCode', {
    id: 'planCode',
    header: () => <ColumnLabel id="planCode" />,
    cell: ({ row }) => <Link to={`/plans/${row.original.planId}`}>{row.original.planCode}</Link>,
    meta: { sortKey: 'plan' },
  }),
  helper.accessor('title', {
    id: 'title',
    header: () => <ColumnLabel id="title" />,
    cell: ({ row }) => <ActionLink id={row.original.id} title={row.original.title} />,
    meta: { sortKey: 'title' },
    enableHiding: false,
  }),
  helper.accessor('stageKind', {
    id: 'stage',
    header: () => <ColumnLabel id="stage" />,
    cell: ({ row }) => <StageCell row={row.original} />,
  }),
  helper.accessor('ownerName', {
    id: 'owner',
    header: () => <ColumnLabel id="owner" />,
    cell: ({ row }) => <OwnerCell row={row.original} />,
  }),
  helper.accessor('status', {
    id: 'status',
    header: () => <ColumnLabel id="status" />,
    cell: ({ row }) => <StatusBadge status={row.original.status} />,
    meta: { sortKey: 'status' },
  }),
  helper.accessor('progress', {
    id: 'progress',
    header: () => <ColumnLabel id="progress" />,
    cell: ({ row }) => <ProgressCell row={row.original} />,
    meta: { sortKey: 'progress' },
  }),
  helper.accessor('dueDate', {
    id: 'dueDate',
    header: () => <ColumnLabel id="dueDate" />,
    cell: ({ row }) => <DueDateCell row={row.original} />,
    meta: { sortKey: 'dueDate' },
  }),
  helper.accessor('updatedAt', {
    id: 'updatedAt',
    header: () => <ColumnLabel id="updatedAt" />,
    cell: ({ row }) => <UpdatedCell row={row.original} />,
    meta: { sortKey: 'updatedAt' },
  }),
  helper.accessor('statusComment', {
    id: 'statusComment',
    header: () => <ColumnLabel id="statusComment" />,
    cell: ({ row }) => <span className="actions-comment">{row.original.statusComment}</span>,
  }),
  helper.display({
    id: 'edit',
    header: () => (
      <span className="visually-hidden">
        <ColumnLabel id="edit" />
      </span>
    ),
    cell: ({ row }) => <EditCell row={row.original} />,
    enableHiding: false,
  }),
]);

/** The columns a person may show or hide, in display order. */
export const HIDEABLE_COLUMNS: readonly ActionColumnId[] = [
  'planCode',
  'stage',
  'owner',
  'status',
  'progress',
  'dueDate',
  'updatedAt',
  'statusComment',
];
