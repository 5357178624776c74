import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const UsersPage = lazyPage(() => import('./UsersPage'), 'UsersPage');

export const usersRoutes: FeatureRoute[] = [{ path: '/admin/users', element: <UsersPage /> }];
