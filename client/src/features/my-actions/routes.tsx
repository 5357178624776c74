import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const MyActionsPage = lazyPage(() => import('./MyActionsPage'), 'MyActionsPage');

export const myActionsRoutes: FeatureRoute[] = [
  { path: '/my-actions', element: <MyActionsPage /> },
];
