import { z } from 'zod';

/** Roles a membership grants. Everyone else is an anonymous member of the public. */
export const Role = z.enum([
  'ward_admin',
  'center_staff',
  'hospital_staff',
  'clinician',
  'care_manager',
  'facility_editor',
]);
export type Role = z.infer<typeof Role>;

/** Roles that can see personal data: each must complete two-factor login (MHLW guideline 6.0). */
export const rolesRequiringTwoFactor: readonly Role[] = [
  'ward_admin',
  'center_staff',
  'hospital_staff',
  'clinician',
  'care_manager',
];

export const OrganisationKind = z.enum([
  'ward_section',
  'community_support_center',
  'hospital',
  'clinic',
  'dental_clinic',
  'pharmacy',
  'visiting_nurse_station',
  'care_management_office',
  'association',
]);
export type OrganisationKind = z.infer<typeof OrganisationKind>;
