import type { RouteObject } from 'react-router';

/**
 * The inbox (staff), the FAX sheet of a notice (discharge staff; the server checks the role and
 * the patient's circle) and the public page of a FAX sheet's one-time link.
 */
export const inboxRoutes: RouteObject[] = [
  { path: '/staff/inbox', lazy: () => import('./inbox.page').then((m) => ({ Component: m.InboxPage })) },
  {
    path: '/staff/discharge/notices/:id/fax',
    lazy: () => import('./fax-sheet.page').then((m) => ({ Component: m.FaxSheetPage })),
  },
  {
    path: '/notice-answer/:token',
    lazy: () => import('./notice-answer.page').then((m) => ({ Component: m.NoticeAnswerPage })),
  },
];
