import type { Messages } from '../../types';
import type { action as fr } from '../fr/action';

export const action: Messages<typeof fr> = {
  title: 'Maßnahme',
  planLink: '{{code}} · {{title}}',
  links: {
    edit: 'Maßnahme bearbeiten',
    myActions: 'Meine Maßnahmen aktualisieren',
  },
  facts: {
    heading: 'Auf einen Blick',
    plan: 'Maßnahmenblatt',
    stage: 'Phase',
    owner: 'Verantwortliche(r)',
    status: 'Status',
    progress: 'Fortschritt',
    startDate: 'Beginn',
    dueDate: 'Frist',
    completedOn: 'Abgeschlossen am',
    overdue: 'Frist überschritten',
    statusComment: 'Begründung des Status',
    description: 'Beschreibung',
    none: 'Nicht angegeben',
    archived: 'Maßnahme archiviert am {{date}}',
  },
  indicators: {
    heading: 'Indikatoren des Maßnahmenblatts',
    empty: 'Für dieses Maßnahmenblatt ist kein Indikator definiert.',
    caption: 'Indikatoren des Maßnahmenblatts und ihr letzter Messwert',
    name: 'Indikator',
    latest: 'Letzter Messwert',
    author: 'Erfasst von',
    track: 'Verlauf',
    valueOn: '{{value}} {{unit}} am {{date}}',
    none: 'Kein Messwert',
    seeAll: 'Indikatoren des Maßnahmenblatts ansehen',
  },
  history: {
    heading: 'Verlauf',
    empty: 'Keine Änderung erfasst.',
  },
  error: {
    title: 'Maßnahme nicht verfügbar',
    NOT_FOUND: 'Diese Maßnahme existiert nicht.',
    FORBIDDEN: 'Sie haben keinen Zugriff auf diese Maßnahme.',
    backHome: 'Zurück zur Startseite',
  },
};
