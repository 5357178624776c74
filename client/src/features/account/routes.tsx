import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const AccountPage = lazyPage(() => import('./AccountPage'), 'AccountPage');

export const accountRoutes: FeatureRoute[] = [{ path: '/account', element: <AccountPage /> }];
