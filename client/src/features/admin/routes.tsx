import type { FeatureRoute } from '../../app/lazyPage';

export const adminRoutes: FeatureRoute[] = [];
