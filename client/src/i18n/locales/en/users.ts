import type { Messages } from '../../types';
import type { users as fr } from '../fr/users';

export const users: Messages<typeof fr> = {
  title: 'Users',
  intro:
    'Jalon’s accounts: invite someone, deactivate an account, give a link to choose a new password. Roles in a territory are given on the territory’s Members page.',
  adminsOnly: 'Only administrators manage accounts.',
  new: {
    title: 'Invite someone',
    intro:
      'Jalon creates the account without a password and gives you an invitation link to pass on: the person chooses their password there.',
    submit: 'Create the account and get the link',
  },
  fields: {
    email: 'Email address',
    name: 'Name',
    locale: 'Language',
    role: 'National role',
  },
  roles: {
    none: 'None',
    admin: 'Administrator',
    national_observer: 'National observer',
  },
  list: {
    roleNamed: 'National role of {{name}}',
    title: 'Accounts',
    search: 'Search by name or email address',
    state: 'State',
    active: 'Active',
    disabled: 'Deactivated',
    actions: 'Actions',
    reset: 'New password link',
    resetNamed: 'New password link for {{name}}',
    disable: 'Deactivate',
    disableNamed: 'Deactivate the account of {{name}}',
    enable: 'Reactivate',
    enableNamed: 'Reactivate the account of {{name}}',
    empty: 'No account matches.',
  },
  link: {
    invitationFor: 'Invitation link for {{name}}',
    resetFor: 'New password link for {{name}}',
    explain:
      'Pass this link on to the person through a safe channel. It works once, until {{until}}; a new link replaces the previous one.',
    label: 'Link to pass on',
    copy: 'Copy the link',
    close: 'Close',
  },
};
