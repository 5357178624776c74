import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const ActionsPage = lazyPage(() => import('./ActionsPage'), 'ActionsPage');
const ActionPage = lazyPage(() => import('./ActionPage'), 'ActionPage');

export const actionsRoutes: FeatureRoute[] = [
  { path: '/actions', element: <ActionsPage /> },
  { path: '/actions/:actionId', element: <ActionPage /> },
];
