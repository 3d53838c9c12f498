import type { RouteObject } from 'react-router';

/** Login steps and links from mails: reachable without (or with a partial) session. */
export const accountRoutes: RouteObject[] = [
  { path: '/login', lazy: () => import('./login.page').then((m) => ({ Component: m.LoginPage })) },
  {
    path: '/login/two-factor',
    lazy: () => import('./two-factor.page').then((m) => ({ Component: m.TwoFactorPage })),
  },
  {
    path: '/account/two-factor',
    lazy: () => import('./enrol.page').then((m) => ({ Component: m.EnrolPage })),
  },
  {
    path: '/password-reset',
    lazy: () =>
      import('./password-reset-request.page').then((m) => ({ Component: m.PasswordResetRequestPage })),
  },
  {
    path: '/reset-password/:token',
    lazy: () => import('./password-reset.page').then((m) => ({ Component: m.PasswordResetPage })),
  },
  {
    path: '/invite/:token',
    lazy: () => import('./invitation.page').then((m) => ({ Component: m.InvitationPage })),
  },
];

/** Pages of a signed-in person (the shell wraps them in its sign-in guard). */
export const signedInAccountRoutes: RouteObject[] = [
  { path: '/account', lazy: () => import('./settings.page').then((m) => ({ Component: m.SettingsPage })) },
  { path: '/staff', lazy: () => import('./staff-home.page').then((m) => ({ Component: m.StaffHomePage })) },
];
