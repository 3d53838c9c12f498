import type { CareRole } from '../../../contracts/patients';
import type { OrganisationKind, Role } from '../../../contracts/roles';
import type { Actor } from '../../platform/context';

/**
 * Roles whose work is the patient: they see patients of their organisations' circles. Not
 * facility_editor (their work is the directory entry) and not ward_admin (break-glass only).
 */
export const CLINICAL_ROLES: readonly Role[] = [
  'center_staff',
  'hospital_staff',
  'clinician',
  'care_manager',
];

/** How long one break-glass grant lasts: long enough for one emergency, short enough to expire. */
export const BREAK_GLASS_MINUTES = 60;

/**
 * What the caller can reach, resolved once per request: the organisations (and their directory
 * facilities) in which they hold a clinical role, and the districts of the 包括 centres where they
 * are centre staff.
 */
export type PatientScope = {
  municipalityCode: string;
  userId: string;
  organisationIds: string[];
  facilityIds: string[];
  districtCodes: string[];
};

export function clinicalOrganisationIds(actor: Actor): string[] {
  return [
    ...new Set(actor.memberships.filter((m) => CLINICAL_ROLES.includes(m.role)).map((m) => m.organisationId)),
  ];
}

export function canRegisterPatients(actor: Actor): boolean {
  return clinicalOrganisationIds(actor).length > 0;
}

/**
 * The circle role the registering user's organisation takes on a new patient, so nobody registers
 * a patient they then cannot see: a hospital becomes the admitting hospital (issue 14), a 包括
 * centre the support centre, a clinic the family doctor, and so on.
 */
export function circleRoleOfRegistrar(role: Role, kind: OrganisationKind): CareRole | undefined {
  if (role === 'hospital_staff') return 'admitting_hospital';
  if (role === 'center_staff') return 'support_center';
  if (role === 'care_manager') return 'care_manager';
  if (role !== 'clinician') return undefined;
  switch (kind) {
    case 'clinic':
      return 'family_doctor';
    case 'dental_clinic':
      return 'family_dentist';
    case 'pharmacy':
      return 'family_pharmacy';
    case 'visiting_nurse_station':
      return 'visiting_nurse';
    case 'hospital':
      return 'admitting_hospital';
    default:
      return 'family_doctor';
  }
}
