import type { RouteObject } from 'react-router';

/** Patient pages (all `/staff/…`, behind the shell's sign-in guard; the server checks the circle). */
export const patientRoutes: RouteObject[] = [
  {
    path: '/staff/patients',
    lazy: () => import('./patients.page').then((m) => ({ Component: m.PatientsPage })),
  },
  {
    path: '/staff/patients/new',
    lazy: () => import('./new-patient.page').then((m) => ({ Component: m.NewPatientPage })),
  },
  {
    path: '/staff/patients/:id',
    lazy: () => import('./patient.page').then((m) => ({ Component: m.PatientPage })),
  },
];
