import type { Messages } from '../../types';
import type { comments as fr } from '../fr/comments';

export const comments: Messages<typeof fr> = {
  heading: 'Comments',
  empty: 'No comments yet.',
  label: 'Your comment',
  submit: 'Post',
  submitting: 'Posting…',
  posted: 'Comment posted.',
  by: '{{name}}, {{date}}',
  toggle: 'Comments ({{count}})',
  threadOf: 'Comments on “{{name}}”',
};
