import type { RouteObject } from 'react-router';

/**
 * Discharge pages (all `/staff/…`, behind the shell's sign-in guard; the server checks roles and
 * the patient's circle). Each page is a lazy chunk.
 */
export const dischargeRoutes: RouteObject[] = [
  { path: '/staff/discharge', lazy: () => import('./cases.page').then((m) => ({ Component: m.CasesPage })) },
  {
    path: '/staff/discharge/new',
    lazy: () => import('./open-case.page').then((m) => ({ Component: m.OpenCasePage })),
  },
  {
    path: '/staff/discharge/notices',
    lazy: () => import('./notices.page').then((m) => ({ Component: m.NoticesPage })),
  },
  {
    path: '/staff/referrals/incoming',
    lazy: () => import('./referral-inbox.page').then((m) => ({ Component: m.ReferralInboxPage })),
  },
  {
    path: '/staff/discharge/:id',
    lazy: () => import('./case.page').then((m) => ({ Component: m.CasePage })),
  },
];
