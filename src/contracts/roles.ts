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

/**
 * Roles that must complete two-factor login: every staff role. Most can see personal data (MHLW
 * guideline 6.0); a facility_editor can change what the public sees at once (the capacity signal).
 */
export const rolesRequiringTwoFactor: readonly Role[] = Role.options;

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
