import type { FeatureRoute } from '../../app/lazyPage';

export const meetingModeRoutes: FeatureRoute[] = [];
