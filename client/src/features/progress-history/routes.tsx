import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const TerritoryAtPage = lazyPage(() => import('./TerritoryAtPage'), 'TerritoryAtPage');

export const progressHistoryRoutes: FeatureRoute[] = [
  { path: '/territories/:territoryId/at/:date', element: <TerritoryAtPage /> },
];
