import '../../../contracts/patients';
import { sealAccessLog } from '../../platform/access-log/access-log.seal';
import { configureAccessLogSealing } from '../../platform/access-log/access-log.service';
import type { ServerModule } from '../../platform/module';
import './care-circle.table';
import './patient.table';
import { seedPatientsDemo } from './demo.seed';
import { registerPatientAdminRoutes } from './patient-admin.routes';
import { registerPatientRoutes } from './patients.routes';

/** The running server seals the access log after this many rows (the job will add a timer). */
const SEAL_EVERY_ROWS = 5_000;

/**
 * Patients, their circle of care and who may see them (issue 14 items 1–3): every later patient
 * module reaches a patient through assertPatientAccess and lists through visiblePatientFilter.
 */
export const patientsModule: ServerModule = {
  name: 'patients',
  async register(app, deps) {
    configureAccessLogSealing({ db: deps.db, everyRows: SEAL_EVERY_ROWS, seal: (db) => sealAccessLog(db) });
    await registerPatientRoutes(app, deps);
    await registerPatientAdminRoutes(app, deps);
  },
  seedDemo: seedPatientsDemo,
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
  type GrantedPatient,
  type PatientGrant,
  readGrantedPatient,
  readGrantedPatients,
} from './patient-grant.service';
export {
  type CircleJoin,
  type CircleJoinHandler,
  type PatientMergeHandler,
  type PatientSection,
  registerCircleJoinHandler,
  registerPatientMergeHandler,
  registerPatientSection,
} from './patient-sections';
