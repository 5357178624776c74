import type { Messages } from '../../types';
import type { action as fr } from '../fr/action';

export const action: Messages<typeof fr> = {
  title: 'Action',
  planLink: '{{code}} · {{title}}',
  links: {
    edit: 'Edit the action',
    myActions: 'Update my actions',
  },
  facts: {
    heading: 'At a glance',
    plan: 'Action sheet',
    stage: 'Stage',
    owner: 'Action lead',
    status: 'Status',
    progress: 'Progress',
    startDate: 'Start',
    dueDate: 'Due date',
    completedOn: 'Completed on',
    overdue: 'Overdue',
    statusComment: 'Status justification',
    description: 'Description',
    none: 'Not provided',
    archived: 'Action archived on {{date}}',
  },
  indicators: {
    heading: 'Indicators of the action sheet',
    empty: 'No indicator defined for this action sheet.',
    caption: 'Indicators of the action sheet and their latest measurement',
    name: 'Indicator',
    latest: 'Latest measurement',
    author: 'Recorded by',
    track: 'Trajectory',
    valueOn: '{{value}} {{unit}} on {{date}}',
    none: 'No measurement',
    seeAll: 'See the action sheet’s indicators',
  },
  history: {
    heading: 'History',
    empty: 'No change recorded.',
  },
  error: {
    title: 'Action unavailable',
    NOT_FOUND: 'This action does not exist.',
    FORBIDDEN: 'You do not have access to this action.',
    backHome: 'Back to the home page',
  },
};
