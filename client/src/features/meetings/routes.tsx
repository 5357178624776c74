import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const MeetingPage = lazyPage(() => import('./MeetingPage'), 'MeetingPage');

export const meetingsRoutes: FeatureRoute[] = [
  { path: '/meetings/:meetingId', element: <MeetingPage /> },
];
