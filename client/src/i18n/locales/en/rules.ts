import type { Messages } from '../../types';
import type { rules as fr } from '../fr/rules';

export const rules: Messages<typeof fr> = {
  meeting_not_started:
    'The meeting has not started yet: it can be marked held, or validate a stage, only from its scheduled time.',
  held_meeting_moved:
    'A held meeting took place at its scheduled time: that date is in its snapshot and its validations, and can no longer change.',
  stage_order:
    'Stages are validated in order: validate the earlier stages of the action sheet first.',
  validation_meeting_not_held:
    'Only a meeting that took place validates a stage; a cancelled meeting validates nothing.',
  measurement_in_future: 'A measurement cannot be dated after today.',
  justification_required:
    'Moving to “Blocked” or “Late” needs a new justification: write a comment explaining this change.',
  comment_required: 'This status needs a comment.',
  progress_range: 'Progress must be a whole number between 0 and 100.',
  current_password_wrong: 'The current password is wrong.',
};
