import type { Messages } from '../../types';
import type { myActions as fr } from '../fr/myActions';

export const myActions: Messages<typeof fr> = {
  title: 'My actions',
  intro:
    'Update the progress of your actions: Tab moves from field to field, Enter saves the row, Escape undoes it.',
  summary_one: '{{count}} action is assigned to you',
  summary_other: '{{count}} actions are assigned to you',
  overdueSummary_one: 'of which {{count}} is past its due date',
  overdueSummary_other: 'of which {{count}} are past their due date',
  emptyWhen: {
    open: 'All your actions are done or dropped: nothing to update.',
    overdue: 'None of your actions is past its due date.',
    all: 'No action is assigned to you yet. The actions you lead will appear here.',
  },
  actionsHeading: 'Actions to update',
  show: {
    label: 'Show',
    open: 'To update (neither done nor dropped)',
    all: 'All my actions',
    overdue: 'Past due date only',
  },
  columns: {
    action: 'Action',
    status: 'Status',
    progress: 'Progress (%)',
    comment: 'Comment',
    save: 'Save',
  },
  tableCaption: 'My actions, with editable status, progress and comment',
  due: 'Due: {{date}}',
  noDue: 'No due date',
  overdue: 'Past due date',
  readOnly: 'Read only: you cannot edit this action sheet.',
  fieldLabel: {
    status: 'Status of “{{title}}”',
    progress: 'Progress in % of “{{title}}”',
    comment: 'Comment on “{{title}}”',
  },
  doneForcesFull: 'Done: 100 %',
  commentRequiredHint: 'A justification is required for the status “{{status}}”.',
  problems: {
    comment_required:
      'Add a justification in the comment before saving: the status “{{status}}” requires one.',
    justification_required:
      'Moving to “{{status}}” needs a new justification: explain this change in the comment.',
    progress_range: 'Progress must be a whole number between 0 and 100.',
  },
  save: 'Save',
  saveLabel: 'Save “{{title}}”',
  revert: 'Undo',
  revertLabel: 'Undo the changes to “{{title}}”',
  saving: 'Saving…',
  saved: 'Saved',
  unsaved: 'Changed, not saved',
  conflict: {
    title: 'Someone changed this action in the meantime',
    description:
      '“{{title}}” was saved by someone else while you were editing it. Nothing has been overwritten: choose which version to keep.',
    field: 'Field',
    theirs: 'Their value',
    mine: 'Your value',
    noDifference: 'Their status, progress and comment are the same as yours.',
    keepMine: 'Keep my changes',
    takeTheirs: 'Take theirs',
    fields: { status: 'Status', progress: 'Progress', comment: 'Comment' },
  },
  indicators: {
    heading: 'Indicator measurements for my action sheets',
    intro: 'Enter the latest known value of each indicator of the action sheets you lead.',
    planHeading: '{{code}} · {{title}}',
    empty: 'This action sheet has no indicator yet.',
    latest: 'Latest value',
    target: 'Target',
    track: 'Trajectory',
    none: 'No measurement',
    valueOn: '{{value}} {{unit}} on {{date}}',
  },
};
