import type { Messages } from '../../types';
import type { home as fr } from '../fr/home';

export const home: Messages<typeof fr> = {
  title: 'Meine Territorien',
  greeting: 'Guten Tag, {{name}}',
  intro_one: 'Sie verfolgen {{count}} Territorium.',
  intro_other: 'Sie verfolgen {{count}} Territorien.',
  nationalProgress: 'Fortschritt landesweit',
  offTrackTotal: 'Indikatoren nicht im Plan',
  columns: {
    territory: 'Territorium',
    region: 'Region',
    progress: 'Fortschritt',
    plans: 'Blätter',
    overdue: 'Überfällig',
    blocked: 'Blockiert',
    offTrack: 'Indikatoren nicht im Plan',
    lastMeeting: 'Letzte Sitzung',
    nextMeeting: 'Nächste Sitzung',
  },
  tableCaption: 'Territorien, Fortschritt und Handlungsbedarf',
  sortBy: 'Sortieren nach',
  sort: { name: 'Name', progress: 'Fortschritt', overdue: 'Überfällige Maßnahmen' },
  chartTerritories: 'Fortschritt je Territorium',
  chartRegions: 'Fortschritt je Region',
  chartAxes: 'Fortschritt je Achse',
  partialRegion: 'Teilweise: Sie sehen nicht alle Territorien dieser Region',
  planCount_one: '{{count}} Blatt',
  planCount_other: '{{count}} Blätter',
  empty:
    'Ihnen ist noch kein Territorium zugeordnet. Bitten Sie die Koordination, Sie hinzuzufügen.',
};
