import type { Messages } from '../../types';
import type { history as fr } from '../fr/history';

export const history: Messages<typeof fr> = {
  system: 'Das System',
  sentence: {
    create: '{{who}} hat {{item}} angelegt',
    update: '{{who}} hat {{item}} geändert',
    delete: '{{who}} hat {{item}} gelöscht',
    archive: '{{who}} hat {{item}} archiviert',
    status: '{{who}} hat den Status von {{item}} geändert',
    statusChange: '{{who}} hat {{item}} von {{from}} auf {{to}} gesetzt',
    reordered: '{{who}} hat die Tagesordnung neu geordnet: {{item}}',
    attendance: '{{who}} hat die Anwesenheit erfasst: {{item}}',
    comment: '{{who}} hat {{item}} kommentiert',
  },
  fieldChange: '{{field}}: {{from}} → {{to}}',
  fieldSet: '{{field}}: {{to}}',
  justification: 'Begründung: „{{text}}“',
  comment: 'Kommentar: „{{text}}“',
  values: {
    none: '(leer)',
    deleted: '(gelöscht)',
    yes: 'ja',
    no: 'nein',
    attendance_one: '{{count}} Anwesenheit erfasst',
    attendance_other: '{{count}} Anwesenheiten erfasst',
    attendanceDetail: '{{summary}} ({{detail}})',
    meeting: '{{committee}} vom {{date}}',
  },
  showMore: 'Mehr anzeigen',
  shown: '{{shown}} von {{total}} angezeigt',
};
