import type { RouteObject } from 'react-router';

/**
 * The consultation desk's pages (all `/staff/…`, behind the shell's sign-in guard; the server lets
 * only the window's own staff read a record). Each page is a lazy chunk.
 */
export const consultationRoutes: RouteObject[] = [
  {
    path: '/staff/consultations',
    lazy: () => import('./consultations.page').then((m) => ({ Component: m.ConsultationsPage })),
  },
  {
    path: '/staff/consultations/new',
    lazy: () => import('./new-consultation.page').then((m) => ({ Component: m.NewConsultationPage })),
  },
  {
    path: '/staff/consultations/figures',
    lazy: () => import('./figures.page').then((m) => ({ Component: m.ConsultationFiguresPage })),
  },
  {
    path: '/staff/consultations/:id',
    lazy: () => import('./consultation.page').then((m) => ({ Component: m.ConsultationPage })),
  },
];
