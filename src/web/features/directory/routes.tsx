import type { RouteObject } from 'react-router';

/**
 * Routes of the resource directory. Every page is a lazy chunk, so the public search page pays
 * only for itself and the staff pages never enter the public bundle.
 * Paths are absolute so the shell may mount them under a path-less layout or under '/'.
 */
export const directoryRoutes: RouteObject[] = [
  { path: '/', lazy: () => import('./search/search.page').then((m) => ({ Component: m.SearchPage })) },
  { path: '/search', lazy: () => import('./search/search.page').then((m) => ({ Component: m.SearchPage })) },
  {
    path: '/facilities/:id',
    lazy: () => import('./facility/facility.page').then((m) => ({ Component: m.FacilityPage })),
  },
  {
    path: '/print',
    // The shell may render this route without its header and footer (the sheet is the page).
    handle: { layout: 'print' },
    lazy: () => import('./print/print.page').then((m) => ({ Component: m.PrintPage })),
  },
  {
    path: '/staff/directory/my-facility',
    lazy: () => import('./staff/my-facility.page').then((m) => ({ Component: m.MyFacilityPage })),
  },
  {
    path: '/staff/directory/review',
    lazy: () => import('./staff/review-queue.page').then((m) => ({ Component: m.ReviewQueuePage })),
  },
  {
    path: '/staff/directory/facilities/:id/history',
    lazy: () => import('./staff/facility-history.page').then((m) => ({ Component: m.FacilityHistoryPage })),
  },
  {
    path: '/staff/directory/statistics',
    lazy: () => import('./staff/statistics.page').then((m) => ({ Component: m.StatisticsPage })),
  },
];
