import type { FeatureRoute } from '../../app/lazyPage';

export const meetingsRoutes: FeatureRoute[] = [];
