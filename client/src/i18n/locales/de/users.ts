import type { Messages } from '../../types';
import type { users as fr } from '../fr/users';

export const users: Messages<typeof fr> = {
  title: 'Benutzer',
  intro:
    'Die Konten von Jalon: Laden Sie jemanden ein, deaktivieren Sie ein Konto, geben Sie einen Link zur Wahl eines neuen Passworts. Rollen in einem Gebiet werden auf dessen Mitgliederseite vergeben.',
  adminsOnly: 'Nur Administratoren verwalten Konten.',
  new: {
    title: 'Jemanden einladen',
    intro:
      'Jalon legt das Konto ohne Passwort an und gibt Ihnen einen Einladungslink zum Weitergeben: Die Person wählt dort ihr Passwort.',
    submit: 'Konto anlegen und Link erhalten',
  },
  fields: {
    email: 'E-Mail-Adresse',
    name: 'Name',
    locale: 'Sprache',
    role: 'Nationale Rolle',
  },
  roles: {
    none: 'Keine',
    admin: 'Administrator',
    national_observer: 'Nationaler Beobachter',
  },
  list: {
    roleNamed: 'Nationale Rolle von {{name}}',
    title: 'Konten',
    search: 'Nach Name oder E-Mail-Adresse suchen',
    state: 'Status',
    active: 'Aktiv',
    disabled: 'Deaktiviert',
    actions: 'Aktionen',
    reset: 'Link für neues Passwort',
    resetNamed: 'Link für neues Passwort für {{name}}',
    disable: 'Deaktivieren',
    disableNamed: 'Konto von {{name}} deaktivieren',
    enable: 'Reaktivieren',
    enableNamed: 'Konto von {{name}} reaktivieren',
    empty: 'Kein Konto entspricht der Suche.',
  },
  link: {
    invitationFor: 'Einladungslink für {{name}}',
    resetFor: 'Link für neues Passwort für {{name}}',
    explain:
      'Geben Sie diesen Link über einen sicheren Weg an die Person weiter. Er gilt einmal, bis {{until}}; ein neuer Link ersetzt den vorherigen.',
    label: 'Weiterzugebender Link',
    copy: 'Link kopieren',
    close: 'Schließen',
  },
};
