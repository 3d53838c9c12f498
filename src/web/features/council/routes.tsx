import type { RouteObject } from 'react-router';

/** The council's data list (ward_admin; the router guards it, the server enforces it). A lazy chunk. */
export const councilRoutes: RouteObject[] = [
  { path: '/council', lazy: () => import('./council.page').then((m) => ({ Component: m.CouncilPage })) },
];
