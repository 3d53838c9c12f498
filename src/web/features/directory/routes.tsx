import type { RouteObject } from 'react-router';
import { RequireSignIn } from '../../app/require-sign-in';

const searchPage = () => import('./search/search.page').then((m) => ({ Component: m.SearchPage }));

/**
 * Routes of the resource directory. Every page is a lazy chunk, so the public search page pays
 * only for itself and the staff pages never enter the public bundle.
 * Paths are absolute so the shell may mount them under a path-less layout or under '/'.
 */
export const directoryRoutes: RouteObject[] = [
  // The search page lays out its own width (list and map side by side on a desktop).
  { path: '/', handle: { layout: 'wide' }, lazy: searchPage },
  { path: '/search', handle: { layout: 'wide' }, lazy: searchPage },
  {
    path: '/facilities/:id',
    lazy: () => import('./facility/facility.page').then((m) => ({ Component: m.FacilityPage })),
  },
  {
    // Up to five facilities side by side; wide, so five columns fit a desktop.
    path: '/compare',
    handle: { layout: 'wide' },
    lazy: () => import('./compare/compare.page').then((m) => ({ Component: m.ComparePage })),
  },
  {
    path: '/print',
    // The sheet is the page: the shell leaves out its header and footer.
    handle: { layout: 'print' },
    lazy: () => import('./print/print.page').then((m) => ({ Component: m.PrintPage })),
  },
  {
    path: '/directory/confirm/:token',
    lazy: () => import('./facility/confirm.page').then((m) => ({ Component: m.ConfirmPage })),
  },
  {
    element: <RequireSignIn roles={['facility_editor']} />,
    children: [
      {
        path: '/staff/directory/my-facility',
        lazy: () => import('./staff/my-facility.page').then((m) => ({ Component: m.MyFacilityPage })),
      },
    ],
  },
  {
    element: <RequireSignIn roles={['facility_editor', 'ward_admin']} />,
    children: [
      {
        path: '/staff/directory/facilities/:id/history',
        lazy: () =>
          import('./staff/facility-history.page').then((m) => ({ Component: m.FacilityHistoryPage })),
      },
    ],
  },
  {
    element: <RequireSignIn roles={['ward_admin']} />,
    children: [
      {
        path: '/staff/directory/review',
        lazy: () => import('./staff/review-queue.page').then((m) => ({ Component: m.ReviewQueuePage })),
      },
      {
        path: '/staff/directory/review/:requestId',
        lazy: () => import('./staff/review-request.page').then((m) => ({ Component: m.ReviewRequestPage })),
      },
      {
        path: '/staff/directory/statistics',
        lazy: () => import('./staff/statistics.page').then((m) => ({ Component: m.StatisticsPage })),
      },
    ],
  },
];
