import type { Messages } from '../../types';
import type { home as fr } from '../fr/home';

export const home: Messages<typeof fr> = {
  title: 'My territories',
  greeting: 'Hello {{name}}',
  intro_one: 'You follow {{count}} territory.',
  intro_other: 'You follow {{count}} territories.',
  nationalProgress: 'National progress',
  offTrackTotal: 'Indicators off track',
  columns: {
    territory: 'Territory',
    region: 'Region',
    progress: 'Progress',
    plans: 'Sheets',
    overdue: 'Overdue',
    blocked: 'Blocked',
    offTrack: 'Indicators off track',
    lastMeeting: 'Last meeting',
    nextMeeting: 'Next meeting',
  },
  tableCaption: 'Territories, progress and points of attention',
  sortBy: 'Sort by',
  sort: { name: 'Name', progress: 'Progress', overdue: 'Overdue actions' },
  chartTerritories: 'Progress by territory',
  chartRegions: 'Progress by region',
  chartAxes: 'Progress by axis',
  partialRegion: 'Partial: you do not see every territory of this region',
  planCount_one: '{{count}} sheet',
  planCount_other: '{{count}} sheets',
  empty: 'No territory is linked to you yet. Ask the coordinator to add you.',
};
