import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const MeetingModePage = lazyPage(() => import('./MeetingModePage'), 'MeetingModePage');
const MeetingSummaryPage = lazyPage(() => import('./MeetingSummaryPage'), 'MeetingSummaryPage');

export const meetingModeRoutes: FeatureRoute[] = [
  { path: '/meetings/:meetingId/present', element: <MeetingModePage />, bare: true },
  { path: '/meetings/:meetingId/summary', element: <MeetingSummaryPage /> },
];
