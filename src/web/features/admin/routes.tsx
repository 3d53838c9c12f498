import { Navigate, type RouteObject } from 'react-router';

/** Ward-admin pages (the shell wraps them in its ward_admin guard). Each page is a lazy chunk. */
export const adminRoutes: RouteObject[] = [
  { path: '/admin', element: <Navigate to="/admin/invitations" replace /> },
  {
    path: '/admin/organisations',
    lazy: () => import('./organisations.page').then((m) => ({ Component: m.OrganisationsPage })),
  },
  { path: '/admin/users', lazy: () => import('./users.page').then((m) => ({ Component: m.UsersPage })) },
  {
    path: '/admin/invitations',
    lazy: () => import('./invitations.page').then((m) => ({ Component: m.InvitationsPage })),
  },
  { path: '/admin/outbox', lazy: () => import('./outbox.page').then((m) => ({ Component: m.OutboxPage })) },
  {
    path: '/admin/outbox/:id',
    lazy: () => import('./outbox-mail.page').then((m) => ({ Component: m.OutboxMailPage })),
  },
  { path: '/admin/audit', lazy: () => import('./audit.page').then((m) => ({ Component: m.AuditPage })) },
];
