import type { RouteObject } from 'react-router';

/**
 * Routes of the open-data pages. Keep this file light: the shell imports it eagerly, so every page
 * belongs in a `lazy` import. `/staff/…` pages get the shell's sign-in guard; the import page
 * itself checks the ward_admin role (the server enforces it too).
 */
export const opendataRoutes: RouteObject[] = [
  { path: '/opendata', lazy: () => import('./open-data.page').then((m) => ({ Component: m.OpenDataPage })) },
  {
    path: '/staff/opendata/import',
    lazy: () => import('./import.page').then((m) => ({ Component: m.ImportPage })),
  },
];
