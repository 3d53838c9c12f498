import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { registerPatientSectionView } from '../../app/patient-sections';

// The patient page's `documents` section; lazy, so the patient page's chunk stays small.
registerPatientSectionView(
  'documents',
  lazy(() => import('./documents-section').then((m) => ({ default: m.DocumentsSection }))),
);

/** Document pages (all `/staff/…`, behind the sign-in guard; the server checks the patient's circle). */
export const documentRoutes: RouteObject[] = [
  {
    path: '/staff/documents/new',
    lazy: () => import('./document-form.page').then((m) => ({ Component: m.NewDocumentPage })),
  },
  {
    path: '/staff/documents/:id/edit',
    lazy: () => import('./document-form.page').then((m) => ({ Component: m.EditDocumentPage })),
  },
  {
    path: '/staff/documents/:id',
    lazy: () => import('./document.page').then((m) => ({ Component: m.DocumentPage })),
  },
];
