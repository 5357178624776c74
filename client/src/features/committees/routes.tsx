import type { FeatureRoute } from '../../app/lazyPage';

export const committeesRoutes: FeatureRoute[] = [];
