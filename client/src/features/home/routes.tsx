import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const HomePage = lazyPage(() => import('./HomePage'), 'HomePage');

export const homeRoutes: FeatureRoute[] = [{ path: '/', element: <HomePage /> }];
