import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const ImportActionsPage = lazyPage(() => import('./ImportActionsPage'), 'ImportActionsPage');
const ImportTerritoryPage = lazyPage(() => import('./ImportTerritoryPage'), 'ImportTerritoryPage');

export const importRoutes: FeatureRoute[] = [
  { path: '/actions/import', element: <ImportActionsPage /> },
  { path: '/territories/:territoryId/import', element: <ImportTerritoryPage /> },
];
