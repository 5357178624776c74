import { lazyPage, type FeatureRoute } from '../../app/lazyPage';

const NewPlanPage = lazyPage(() => import('./PlanFormPage'), 'NewPlanPage');
const EditPlanPage = lazyPage(() => import('./PlanFormPage'), 'EditPlanPage');
const NewActionPage = lazyPage(() => import('./ActionFormPage'), 'NewActionPage');
const EditActionPage = lazyPage(() => import('./ActionFormPage'), 'EditActionPage');
const NewIndicatorPage = lazyPage(() => import('./IndicatorFormPage'), 'NewIndicatorPage');
const NewTerritoryIndicatorPage = lazyPage(
  () => import('./IndicatorFormPage'),
  'NewTerritoryIndicatorPage',
);
const EditIndicatorPage = lazyPage(() => import('./IndicatorFormPage'), 'EditIndicatorPage');
const MembersPage = lazyPage(() => import('./MembersPage'), 'MembersPage');
const EditTerritoryPage = lazyPage(() => import('./TerritoryFormPage'), 'EditTerritoryPage');
const AdminHomePage = lazyPage(() => import('./AdminHomePage'), 'AdminHomePage');
const TerritoriesPage = lazyPage(() => import('./TerritoriesPage'), 'TerritoriesPage');
const OrganisationsPage = lazyPage(() => import('./OrganisationsPage'), 'OrganisationsPage');
const OutboxPage = lazyPage(() => import('./OutboxPage'), 'OutboxPage');

/** The coordinator screens, at the addresses `adminPaths` gives the read-only pages. */
export const adminRoutes: FeatureRoute[] = [
  { path: '/territories/:territoryId/plans/new', element: <NewPlanPage /> },
  { path: '/plans/:planId/edit', element: <EditPlanPage /> },
  { path: '/plans/:planId/actions/new', element: <NewActionPage /> },
  { path: '/actions/:actionId/edit', element: <EditActionPage /> },
  { path: '/plans/:planId/indicators/new', element: <NewIndicatorPage /> },
  { path: '/territories/:territoryId/indicators/new', element: <NewTerritoryIndicatorPage /> },
  { path: '/indicators/:indicatorId/edit', element: <EditIndicatorPage /> },
  { path: '/territories/:territoryId/members', element: <MembersPage /> },
  { path: '/territories/:territoryId/edit', element: <EditTerritoryPage /> },
  { path: '/admin', element: <AdminHomePage /> },
  { path: '/admin/territories', element: <TerritoriesPage /> },
  { path: '/admin/organisations', element: <OrganisationsPage /> },
  { path: '/admin/mail', element: <OutboxPage /> },
];
