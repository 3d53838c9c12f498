import type { PatientScope } from '../../src/server/modules/patients';
import * as patientQueries from '../../src/server/modules/patients/patient.queries';
import * as accessQueries from '../../src/server/modules/patients/patient-access.queries';
import { insertAccessLogFrom } from '../../src/server/platform/access-log/access-log.queries';
import type { Actor } from '../../src/server/platform/context';
import { ids, MEGURO, NOW, type SnapshotSet } from './snapshot-set';

const {
  filterVisiblePatientIds,
  findPatientPage,
  findPatientWithBasis,
  resolvePatientScope,
  visiblePatientFilter,
} = accessQueries;
const {
  countSameKanaAndBirthDate,
  countVisiblePatients,
  findActivePatient,
  findPatientsByIds,
  insertPatient,
  listDuplicateGroups,
  listVisiblePatients,
  lockPatients,
  updatePatientRow,
} = patientQueries;

const clinician: Actor = {
  userId: ids.user,
  email: 'clinician@example.jp',
  displayName: '在宅 医師',
  municipalityCode: MEGURO,
  roles: ['clinician', 'center_staff'],
  memberships: [
    { organisationId: ids.organisation, role: 'clinician' },
    { organisationId: ids.hospital, role: 'center_staff' },
  ],
  twoFactorVerified: true,
};

/** A caller in two organisations (one with a directory facility) and one 包括 district. */
export const scope: PatientScope = {
  municipalityCode: MEGURO,
  userId: ids.user,
  organisationIds: [ids.organisation, ids.hospital],
  facilityIds: [ids.facility],
  districtCodes: ['01'],
};
/** A caller with no circle and no district: only break-glass can show them a patient. */
const emptyScope: PatientScope = { ...scope, organisationIds: [], facilityIds: [], districtCodes: [] };

export const patientsSnapshots: SnapshotSet[] = [
  {
    source: 'src/server/modules/patients/patient-access.queries.ts',
    exports: accessQueries,
    cases: [
      { name: 'resolvePatientScope', run: (db) => resolvePatientScope(db, clinician) },
      {
        name: 'visiblePatientFilter (the one visibility rule, on a bare select)',
        run: (db) => db.selectFrom('patients').select('id').where(visiblePatientFilter(scope, NOW)),
      },
      {
        name: 'visiblePatientFilter (no circle, no district)',
        run: (db) => db.selectFrom('patients').select('id').where(visiblePatientFilter(emptyScope, NOW)),
      },
      {
        name: 'filterVisiblePatientIds',
        run: (db) => filterVisiblePatientIds(db, scope, [ids.patient, ids.otherPatient], NOW),
      },
      { name: 'findPatientWithBasis', run: (db) => findPatientWithBasis(db, scope, ids.patient, NOW) },
      {
        name: 'findPatientPage (scope, patient, circle, two sections and their access-log rows in one statement)',
        run: (db) =>
          findPatientPage(
            db,
            clinician,
            ids.patient,
            NOW,
            [
              {
                name: 'cases',
                recordType: 'discharge_case',
                rows: db.selectFrom('discharge_cases').select('id').where('patient_id', '=', ids.patient),
              },
              {
                name: 'documents',
                recordType: 'document',
                rows: db.selectFrom('documents').select('id').where('patient_id', '=', ids.patient).limit(50),
              },
            ],
            (source) =>
              insertAccessLogFrom(
                db,
                {
                  occurredAt: NOW,
                  municipalityCode: MEGURO,
                  actorUserId: ids.user,
                  actorLabel: clinician.email,
                  action: 'read',
                  requestId: 'req-1',
                  clientIp: '127.0.0.1',
                },
                source,
              ),
          ),
      },
    ],
    notShown: { scopeFromRows: 'no SQL: builds the scope from the rows resolvePatientScope reads' },
  },
  {
    source: 'src/server/modules/patients/patient.queries.ts',
    exports: patientQueries,
    cases: [
      {
        name: 'listVisiblePatients (first page)',
        run: (db) => listVisiblePatients(db, scope, NOW, { limit: 51 }),
      },
      {
        name: 'listVisiblePatients (a kana filter, after a keyset position)',
        run: (db) =>
          listVisiblePatients(db, scope, NOW, {
            kanaKey: 'やまだ',
            after: { sort: 'やまだたろう', id: ids.patient },
            limit: 51,
          }),
      },
      { name: 'countVisiblePatients', run: (db) => countVisiblePatients(db, scope, NOW) },
      {
        name: 'insertPatient',
        run: (db) =>
          insertPatient(db, {
            municipality_code: MEGURO,
            name: '山田 太郎',
            name_kana: 'ヤマダ タロウ',
            kana_key: 'やまだたろう',
            birth_date: '1940-01-01',
            sex: 'male',
            address_town: '上目黒',
            address_detail: null,
            district_code: '01',
            insurer_number: null,
            insured_number: null,
            care_level: 'care_3',
            key_person: null,
            merged_into: null,
            created_by: ids.user,
            fictional: true,
          }),
      },
      {
        name: 'updatePatientRow',
        run: (db) => updatePatientRow(db, ids.patient, { care_level: 'care_3', updated_at: NOW }),
      },
      {
        name: 'countSameKanaAndBirthDate',
        run: (db) => countSameKanaAndBirthDate(db, MEGURO, 'やまだたろう', '1940-01-01', ids.patient),
      },
      { name: 'listDuplicateGroups', run: (db) => listDuplicateGroups(db, MEGURO, 100) },
      {
        name: 'findPatientsByIds',
        run: (db) => findPatientsByIds(db, MEGURO, [ids.patient, ids.otherPatient]),
      },
      {
        name: 'lockPatients',
        run: (db) =>
          db.transaction().execute((trx) => lockPatients(trx, MEGURO, [ids.patient, ids.otherPatient])),
      },
      { name: 'findActivePatient', run: (db) => findActivePatient(db, MEGURO, ids.patient) },
    ],
  },
];
