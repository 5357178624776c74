import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const MeetingsPage = lazyPage(() => import('./MeetingsPage'), 'MeetingsPage');
const CommitteesPage = lazyPage(() => import('./CommitteesPage'), 'CommitteesPage');
const NewMeetingPage = lazyPage(() => import('./NewMeetingPage'), 'NewMeetingPage');
const DecisionsPage = lazyPage(() => import('./DecisionsPage'), 'DecisionsPage');

/** The committees, their meetings list and the decision register, at `meetingPaths` addresses. */
export const committeesRoutes: FeatureRoute[] = [
  { path: '/meetings', element: <MeetingsPage /> },
  { path: '/territories/:territoryId/committees', element: <CommitteesPage /> },
  { path: '/committees/:committeeId/meetings/new', element: <NewMeetingPage /> },
  { path: '/decisions', element: <DecisionsPage /> },
];
