import type { Messages } from '../../types';
import type { directory as fr } from '../fr/directory';

export const directory: Messages<typeof fr> = {
  /** The column of each row's buttons, read by screen readers. */
  actionsColumn: 'Aktionen',
  home: {
    title: 'Verwaltung',
    intro: 'Die Referenzdaten und Konten von Jalon.',
    users: 'Benutzer',
    usersText:
      'Jemanden einladen, ein Konto deaktivieren, einen Link für ein neues Passwort geben.',
    territories: 'Gebiete',
    territoriesText:
      'Ein Gebiet anlegen, dann Region, Gemeindeverbände, Tandem und Projektleitung wählen.',
    organisations: 'Organisationen',
    organisationsText:
      'Einen Träger, Partner oder Geldgeber hinzufügen oder korrigieren (Name, Art, SIREN).',
    outbox: 'E-Mails',
    outboxText:
      'Die E-Mails von Jalon: Einladungen, Aktualisierungsanfragen, Erinnerungen, Zugänge.',
  },
  outbox: {
    title: 'E-Mails',
    intro:
      'Jede von Jalon vorbereitete E-Mail, die neueste zuerst. Ohne konfigurierten Mailserver bleiben sie hier.',
    status: 'Status',
    all: 'Alle',
    statuses: {
      queued: 'Wartet auf Versand',
      sent: 'Gesendet',
      kept: 'Hier aufbewahrt (kein Mailserver)',
      failed: 'Nach mehreren Versuchen aufgegeben',
    },
    attempts_one: '{{count}} Versuch',
    attempts_other: '{{count}} Versuche',
    created: 'Vorbereitet am',
    to: 'Empfänger',
    subject: 'Betreff',
    read: 'Lesen',
    close: 'Schließen',
    retry: 'Erneut senden',
    withInvitation: 'Kalendereinladung beigefügt (.ics).',
    empty: 'Keine E-Mails.',
  },
  territories: {
    title: 'Gebiete',
    search: 'Gebiet suchen',
    code: 'Kürzel',
    name: 'Name',
    region: 'Region',
    chooseRegion: 'Region wählen',
    phase: 'Phase',
    create: 'Gebiet anlegen',
    createSubmit: 'Anlegen und einrichten',
    setUp: 'Einrichten',
    setUpNamed: '{{name}} einrichten',
    invalid: 'Geben Sie Name, Kürzel, Region und Phase ein.',
    empty: 'Keine Gebiete.',
  },
  organisations: {
    title: 'Organisationen',
    search: 'Organisation suchen',
    name: 'Name',
    kind: 'Art',
    siren: 'SIREN (9 Ziffern)',
    create: 'Organisation hinzufügen',
    edit: 'Bearbeiten',
    editNamed: '{{name}} bearbeiten',
    editTitle: '{{name}} bearbeiten',
    save: 'Speichern',
    cancel: 'Abbrechen',
    invalid: 'Geben Sie einen Namen ein; eine SIREN hat 9 Ziffern.',
    empty: 'Keine Organisationen.',
  },
};
