import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const ImportActionsPage = lazyPage(() => import('./ImportActionsPage'), 'ImportActionsPage');

export const importRoutes: FeatureRoute[] = [
  { path: '/actions/import', element: <ImportActionsPage /> },
];
