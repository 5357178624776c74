import type { Messages } from '../../types';
import type { actions as fr } from '../fr/actions';

export const actions: Messages<typeof fr> = {
  title: 'Actions',
  intro: 'Every action of the sheets you follow: filter, sort, share the link.',
  tableCaption: 'Actions of the action sheets',
  columns: {
    planCode: 'Sheet',
    title: 'Action',
    stage: 'Stage',
    owner: 'Action lead',
    status: 'Status',
    progress: 'Progress',
    dueDate: 'Due date',
    updatedAt: 'Last update',
    statusComment: 'Comment',
    edit: 'Edit',
  },
  filters: {
    label: 'Filters',
    search: 'Search an action or a sheet',
    statuses: 'Statuses',
    stage: 'Stage',
    owner: 'Action lead',
    territory: 'Territory',
    overdue: 'Only past due dates',
    any: 'All',
    anyStage: 'All',
    mine: 'My actions',
    reset: 'Clear filters',
  },
  overdue: 'overdue',
  noOwner: 'No lead',
  progressOf: 'Progress of “{{title}}”',
  editAction: 'Edit “{{title}}”',
  sortBy: 'Sort by {{column}}',
  empty: 'No action matches these filters.',
};
