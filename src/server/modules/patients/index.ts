import '../../../contracts/patients';
import type { ServerModule } from '../../platform/module';
import './care-circle.table';
import './patient.table';

/**
 * Patients, their circle of care and who may see them (issue 14 items 1–3): every later patient
 * module reaches a patient through assertPatientAccess and lists through visiblePatientFilter.
 */
export const patientsModule: ServerModule = {
  name: 'patients',
  async register() {},
};

export {
  addCircleMember,
  type CircleChange,
  changeCircleMember,
  currentCircle,
  endCircleMember,
  usersOfCircleRoles,
  usersOfOrganisations,
} from './care-circle.service';
export type { CareCircleMembershipTable } from './care-circle.table';
export type { PatientBreakGlassTable, PatientTable } from './patient.table';
export { CLINICAL_ROLES, type PatientScope } from './patient-access.policy';
export { filterVisiblePatientIds, visiblePatientFilter } from './patient-access.queries';
export {
  assertPatientAccess,
  assertPatientAccessWithBasis,
  type PatientAccess,
  type PatientRow,
  scopeOf,
} from './patient-access.service';
export {
  type PatientMergeHandler,
  type PatientSectionLoader,
  registerPatientMergeHandler,
  registerPatientSection,
} from './patient-sections';
