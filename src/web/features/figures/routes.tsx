import type { RouteObject } from 'react-router';

/** The council's figures (ward_admin; the router guards it, the server enforces it). A lazy chunk. */
export const figuresRoutes: RouteObject[] = [
  { path: '/figures', lazy: () => import('./figures.page').then((m) => ({ Component: m.FiguresPage })) },
];
