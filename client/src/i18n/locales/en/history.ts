import type { Messages } from '../../types';
import type { history as fr } from '../fr/history';

export const history: Messages<typeof fr> = {
  system: 'The system',
  sentence: {
    create: '{{who}} created {{item}}',
    update: '{{who}} changed {{item}}',
    delete: '{{who}} deleted {{item}}',
    archive: '{{who}} archived {{item}}',
    status: '{{who}} changed the status of {{item}}',
    statusChange: '{{who}} moved {{item}} from {{from}} to {{to}}',
    reordered: '{{who}} reordered the agenda: {{item}}',
    attendance: '{{who}} recorded attendance: {{item}}',
    comment: '{{who}} commented on {{item}}',
  },
  fieldChange: '{{field}}: {{from}} → {{to}}',
  fieldSet: '{{field}}: {{to}}',
  justification: 'Justification: “{{text}}”',
  comment: 'Comment: “{{text}}”',
  values: {
    none: '(empty)',
    deleted: '(deleted)',
    yes: 'yes',
    no: 'no',
    attendance_one: '{{count}} attendance recorded',
    attendance_other: '{{count}} attendances recorded',
    attendanceDetail: '{{summary}} ({{detail}})',
    meeting: '{{committee}} of {{date}}',
  },
  showMore: 'Show more',
  shown: '{{shown}} shown of {{total}}',
};
