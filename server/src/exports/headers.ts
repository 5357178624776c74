import type { Locale } from '@jalon/shared';

/**
 * Column names of the CSV downloads, per language. Statuses and stages come from
 * `VOCABULARY_LABELS`, so a value reads the same on screen and in the spreadsheet.
 */
export const EXPORT_HEADERS = {
  fr: {
    actions: {
      planCode: 'Fiche action',
      planTitle: 'Intitulé de la fiche',
      stage: 'Étape',
      title: 'Action',
      owner: 'Pilote',
      status: 'Statut',
      progress: 'Avancement (%)',
      startDate: 'Début',
      dueDate: 'Échéance',
      overdue: 'En retard sur l’échéance',
      completedOn: 'Réalisée le',
      updatedAt: 'Dernière mise à jour',
      statusComment: 'Commentaire de statut',
      // The same in every language: an import of the file matches its rows by these two.
      id: 'id',
      version: 'version',
    },
    portfolio: {
      code: 'Code territoire',
      name: 'Territoire',
      region: 'Région',
      progress: 'Avancement (%)',
      plans: 'Fiches action',
      overdue: 'Actions échues',
      blocked: 'Actions bloquées',
      offTrack: 'Indicateurs hors trajectoire',
      lastMeeting: 'Dernière séance',
      nextMeeting: 'Prochaine séance',
    },
    yes: 'Oui',
    no: 'Non',
  },
  en: {
    actions: {
      planCode: 'Action sheet',
      planTitle: 'Sheet title',
      stage: 'Stage',
      title: 'Action',
      owner: 'Action lead',
      status: 'Status',
      progress: 'Progress (%)',
      startDate: 'Start',
      dueDate: 'Due date',
      overdue: 'Overdue',
      completedOn: 'Completed on',
      updatedAt: 'Last update',
      statusComment: 'Status comment',
      // The same in every language: an import of the file matches its rows by these two.
      id: 'id',
      version: 'version',
    },
    portfolio: {
      code: 'Territory code',
      name: 'Territory',
      region: 'Region',
      progress: 'Progress (%)',
      plans: 'Action sheets',
      overdue: 'Overdue actions',
      blocked: 'Blocked actions',
      offTrack: 'Indicators off track',
      lastMeeting: 'Last meeting',
      nextMeeting: 'Next meeting',
    },
    yes: 'Yes',
    no: 'No',
  },
  de: {
    actions: {
      planCode: 'Maßnahmenblatt',
      planTitle: 'Titel des Maßnahmenblatts',
      stage: 'Phase',
      title: 'Maßnahme',
      owner: 'Verantwortliche(r)',
      status: 'Status',
      progress: 'Fortschritt (%)',
      startDate: 'Beginn',
      dueDate: 'Frist',
      overdue: 'Überfällig',
      completedOn: 'Erledigt am',
      updatedAt: 'Letzte Aktualisierung',
      statusComment: 'Kommentar zum Status',
      // The same in every language: an import of the file matches its rows by these two.
      id: 'id',
      version: 'version',
    },
    portfolio: {
      code: 'Territoriumscode',
      name: 'Industrieterritorium',
      region: 'Region',
      progress: 'Fortschritt (%)',
      plans: 'Maßnahmenblätter',
      overdue: 'Überfällige Maßnahmen',
      blocked: 'Blockierte Maßnahmen',
      offTrack: 'Indikatoren außer Plan',
      lastMeeting: 'Letzte Sitzung',
      nextMeeting: 'Nächste Sitzung',
    },
    yes: 'Ja',
    no: 'Nein',
  },
} as const satisfies Record<Locale, unknown>;

export type ExportHeaders = (typeof EXPORT_HEADERS)[Locale];
