import type { Messages } from '../../types';
import type { account as fr } from '../fr/account';

export const account: Messages<typeof fr> = {
  title: 'My account',
  signedInAs: 'Signed in as {{name}} ({{email}}).',
  mail: {
    heading: 'Mail',
    intro:
      'Convocations to the committees you sit on and their minutes are always sent to you. Choose the other mails:',
    mailUpdateRequests: 'Requests to update my actions before a committee',
    mailReminders: 'Reminders, a few days before the due date, when I have not updated',
    saved: 'Preferences saved.',
  },
  password: {
    heading: 'Change your password',
    intro:
      'At least {{min}} characters. Your other sessions, in other browsers or on other devices, will be closed.',
    current: 'Current password',
    next: 'New password',
    again: 'New password, once more',
    submit: 'Change the password',
    done_zero: 'Password changed.',
    done_one: 'Password changed. Your other session was closed.',
    done_other: 'Password changed. Your {{count}} other sessions were closed.',
  },
  link: {
    title: 'Choose your password',
    checking: 'Checking the link…',
    invitation:
      'Welcome {{name}}: choose the password of your Jalon account (at least {{min}} characters). This link works once, until {{until}}.',
    reset:
      '{{name}}, choose your new password (at least {{min}} characters). This link works once, until {{until}}.',
    submit: 'Save the password',
    done: 'Your password is saved. Sign in with your email address.',
    signIn: 'Sign in',
    gone: 'This link was used already, has expired or does not exist. Ask the administrator for a new one.',
  },
  mistakes: {
    missing: 'Enter your current password and the new one.',
    tooShort: 'The new password must have at least {{min}} characters.',
    mismatch: 'The two entries of the new password differ.',
    same: 'The new password must differ from the current one.',
  },
};
