import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const PlanPage = lazyPage(() => import('./PlanPage'), 'PlanPage');

export const planRoutes: FeatureRoute[] = [{ path: '/plans/:planId', element: <PlanPage /> }];
