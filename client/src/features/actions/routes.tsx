import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const ActionsPage = lazyPage(() => import('./ActionsPage'), 'ActionsPage');

export const actionsRoutes: FeatureRoute[] = [{ path: '/actions', element: <ActionsPage /> }];
