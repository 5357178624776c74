import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { Loading } from '../components/QueryState';
import { homeRoutes } from '../features/home/routes';
import { territoryRoutes } from '../features/territory/routes';
import { planRoutes } from '../features/plan/routes';
import { actionsRoutes } from '../features/actions/routes';
import { importRoutes } from '../features/import/routes';
import { accountRoutes } from '../features/account/routes';
import { usersRoutes } from '../features/users/routes';
import { myActionsRoutes } from '../features/my-actions/routes';
import { adminRoutes } from '../features/admin/routes';
import { meetingsRoutes } from '../features/meetings/routes';
import { committeesRoutes } from '../features/committees/routes';
import { meetingModeRoutes } from '../features/meeting-mode/routes';
import { progressHistoryRoutes } from '../features/progress-history/routes';

const FEATURE_ROUTES = [
  ...homeRoutes,
  ...territoryRoutes,
  ...planRoutes,
  ...importRoutes,
  ...accountRoutes,
  ...usersRoutes,
  ...actionsRoutes,
  ...myActionsRoutes,
  ...adminRoutes,
  ...meetingsRoutes,
  ...committeesRoutes,
  ...meetingModeRoutes,
  ...progressHistoryRoutes,
];

export function AppRoutes() {
  return (
    <Routes>
      {FEATURE_ROUTES.filter((route) => route.bare).map((route) => (
        <Route
          key={route.path}
          path={route.path}
          element={<Suspense fallback={<Loading />}>{route.element}</Suspense>}
        />
      ))}
      <Route element={<Layout />}>
        {FEATURE_ROUTES.filter((route) => !route.bare).map((route) => (
          <Route key={route.path} path={route.path} element={route.element} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
