import type { ComponentType } from 'react';

/**
 * The patient page's slots for other features (the discharge feature's `cases` and
 * `providerChanges`): a feature registers the component that renders its section of
 * `GET /api/patients/:id` (a `lazy()` one keeps it out of the main chunk), so the patients feature
 * never imports a sibling feature. A section without a component is shown as a plain count.
 */
export type PatientSectionView = ComponentType<{ patientId: string; data: unknown }>;

const views = new Map<string, PatientSectionView>();

export function registerPatientSectionView(name: string, view: PatientSectionView): void {
  views.set(name, view);
}

export function findPatientSectionView(name: string): PatientSectionView | undefined {
  return views.get(name);
}
