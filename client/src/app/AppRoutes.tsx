import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { homeRoutes } from '../features/home/routes';
import { territoryRoutes } from '../features/territory/routes';
import { planRoutes } from '../features/plan/routes';
import { actionsRoutes } from '../features/actions/routes';
import { myActionsRoutes } from '../features/my-actions/routes';
import { adminRoutes } from '../features/admin/routes';

const FEATURE_ROUTES = [
  ...homeRoutes,
  ...territoryRoutes,
  ...planRoutes,
  ...actionsRoutes,
  ...myActionsRoutes,
  ...adminRoutes,
];

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        {FEATURE_ROUTES.map((route) => (
          <Route key={route.path} path={route.path} element={route.element} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
