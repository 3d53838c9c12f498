import { createBrowserRouter, type RouteObject } from 'react-router';
// The feature route tables are tiny (paths + `lazy` imports); each page is its own chunk, so the
// public search page never downloads staff code and staff pages never download the map.
import { accountRoutes, signedInAccountRoutes } from '../features/accounts/routes';
import { adminRoutes } from '../features/admin/routes';
import { consultationRoutes } from '../features/consultations/routes';
import { councilRoutes } from '../features/council/routes';
import { directoryRoutes } from '../features/directory/routes';
import { dischargeRoutes } from '../features/discharge/routes';
import { documentRoutes } from '../features/documents/routes';
import { figuresRoutes } from '../features/figures/routes';
import { inboxRoutes } from '../features/inbox/routes';
import { opendataRoutes } from '../features/opendata/routes';
import { patientRoutes } from '../features/patients/routes';
import { ShellLayout } from './layout';
import { RequireSignIn } from './require-sign-in';
import { NotFoundPage, RouteError } from './route-error';

/** Feature pages under `/staff/` need a finished login; the shell guards them for every feature. */
function isStaffRoute(route: RouteObject): boolean {
  return Boolean(route.path?.startsWith('/staff/'));
}

const featureRoutes = [
  ...directoryRoutes,
  ...opendataRoutes,
  ...patientRoutes,
  ...dischargeRoutes,
  ...consultationRoutes,
  ...documentRoutes,
  ...inboxRoutes,
];

export const appRoutes: RouteObject[] = [
  {
    id: 'shell',
    Component: ShellLayout,
    // Only while a lazy page of the very first load is fetched; the page then renders in the shell.
    HydrateFallback: () => null,
    errorElement: <RouteError />,
    children: [
      {
        // A failing page keeps the header and footer around its error message.
        errorElement: <RouteError />,
        children: [
          ...featureRoutes.filter((route) => !isStaffRoute(route)),
          ...accountRoutes,
          { element: <RequireSignIn />, children: featureRoutes.filter(isStaffRoute) },
          { element: <RequireSignIn allowPasswordChange />, children: signedInAccountRoutes },
          { element: <RequireSignIn roles={['ward_admin']} />, children: adminRoutes },
          { element: <RequireSignIn roles={['ward_admin']} />, children: figuresRoutes },
          { element: <RequireSignIn roles={['ward_admin']} />, children: councilRoutes },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(appRoutes);
}
