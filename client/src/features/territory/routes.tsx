import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const TerritoryPage = lazyPage(() => import('./TerritoryPage'), 'TerritoryPage');

export const territoryRoutes: FeatureRoute[] = [
  { path: '/territories/:territoryId', element: <TerritoryPage /> },
];
