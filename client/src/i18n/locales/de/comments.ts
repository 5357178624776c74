import type { Messages } from '../../types';
import type { comments as fr } from '../fr/comments';

export const comments: Messages<typeof fr> = {
  heading: 'Kommentare',
  empty: 'Noch keine Kommentare.',
  label: 'Ihr Kommentar',
  submit: 'Veröffentlichen',
  submitting: 'Wird veröffentlicht…',
  posted: 'Kommentar veröffentlicht.',
  by: '{{name}}, am {{date}}',
  toggle: 'Kommentare ({{count}})',
  threadOf: 'Kommentare zu „{{name}}“',
};
