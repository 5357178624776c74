import type { Messages } from '../../types';
import type { directory as fr } from '../fr/directory';

export const directory: Messages<typeof fr> = {
  /** The column of each row's buttons, read by screen readers. */
  actionsColumn: 'Actions',
  home: {
    title: 'Administration',
    intro: 'Jalon’s reference data and accounts.',
    users: 'Users',
    usersText: 'Invite someone, deactivate an account, give a new password link.',
    territories: 'Territories',
    territoriesText: 'Create a territory, then choose its region, EPCIs, binôme and project lead.',
    organisations: 'Organisations',
    organisationsText:
      'Add or correct a lead organisation, a partner or a funder (name, type, SIREN).',
  },
  territories: {
    title: 'Territories',
    search: 'Search territories',
    code: 'Code',
    name: 'Name',
    region: 'Region',
    chooseRegion: 'Choose a region',
    phase: 'Phase',
    create: 'Create a territory',
    createSubmit: 'Create and set up',
    setUp: 'Set up',
    setUpNamed: 'Set up {{name}}',
    invalid: 'Enter a name, a code, a region and a phase.',
    empty: 'No territories.',
  },
  organisations: {
    title: 'Organisations',
    search: 'Search organisations',
    name: 'Name',
    kind: 'Type',
    siren: 'SIREN (9 digits)',
    create: 'Add an organisation',
    edit: 'Edit',
    editNamed: 'Edit {{name}}',
    editTitle: 'Edit {{name}}',
    save: 'Save',
    cancel: 'Cancel',
    invalid: 'Enter a name; a SIREN has 9 digits.',
    empty: 'No organisations.',
  },
};
