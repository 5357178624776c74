import type { Messages } from '../../types';
import type { actions as fr } from '../fr/actions';

export const actions: Messages<typeof fr> = {
  title: 'Maßnahmen',
  intro: 'Alle Maßnahmen der Blätter, die Sie verfolgen: filtern, sortieren, Link teilen.',
  tableCaption: 'Maßnahmen der Maßnahmenblätter',
  columns: {
    planCode: 'Blatt',
    title: 'Maßnahme',
    stage: 'Phase',
    owner: 'Verantwortlich',
    status: 'Status',
    progress: 'Fortschritt',
    dueDate: 'Frist',
    updatedAt: 'Letzte Aktualisierung',
    statusComment: 'Kommentar',
    edit: 'Bearbeiten',
  },
  filters: {
    label: 'Filter',
    search: 'Maßnahme oder Blatt suchen',
    statuses: 'Status',
    stage: 'Phase',
    owner: 'Verantwortlich',
    territory: 'Territorium',
    overdue: 'Nur überschrittene Fristen',
    any: 'Alle',
    anyStage: 'Alle',
    mine: 'Meine Maßnahmen',
    reset: 'Filter zurücksetzen',
  },
  overdue: 'überfällig',
  noOwner: 'Niemand',
  progressOf: 'Fortschritt von „{{title}}“',
  editAction: '„{{title}}“ bearbeiten',
  sortBy: 'Nach {{column}} sortieren',
  empty: 'Keine Maßnahme entspricht diesen Filtern.',
};
