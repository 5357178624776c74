import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const ImportActionsPage = lazyPage(() => import('./ImportActionsPage'), 'ImportActionsPage');
const ImportPlansPage = lazyPage(() => import('./ImportPlansPage'), 'ImportPlansPage');

export const importRoutes: FeatureRoute[] = [
  { path: '/actions/import', element: <ImportActionsPage /> },
  { path: '/territories/:territoryId/plans/import', element: <ImportPlansPage /> },
];
