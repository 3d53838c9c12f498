import * as consultationQueries from '../../src/server/modules/consultations/consultation.queries';
import * as figuresQueries from '../../src/server/modules/consultations/figures.queries';
import { ids, MEGURO, NOW, type SnapshotSet } from './snapshot-set';

const {
  findConsultation,
  findWindowName,
  insertConsultation,
  insertConsultationContact,
  listConsultationContacts,
  listConsultationRows,
  moveConsultationsToPatient,
  updateConsultation,
} = consultationQueries;

const consultation = '0190a000-0000-7000-8000-000000000111';
const scope = { municipalityCode: MEGURO, organisationIds: [ids.organisation] };

export const consultationsSnapshots: SnapshotSet[] = [
  {
    source: 'src/server/modules/consultations/consultation.queries.ts',
    exports: consultationQueries,
    cases: [
      {
        name: 'insertConsultation',
        run: (db) =>
          db.transaction().execute((trx) =>
            insertConsultation(trx, {
              id: consultation,
              municipality_code: MEGURO,
              organisation_id: ids.organisation,
              subject_name: null,
              subject_kana: null,
              age_band: 'unknown',
              district_code: null,
              lives_in_ward: 'unknown',
              patient_id: null,
              gap_flags: ['living_alone'],
              routed_to: null,
              routed_note: null,
              opened_by: ids.user,
              opened_by_label: '包括職員',
              first_contact_at: NOW,
              last_contact_at: NOW,
              created_at: NOW,
              updated_at: NOW,
            }),
          ),
      },
      {
        name: 'insertConsultationContact',
        run: (db) =>
          db.transaction().execute((trx) =>
            insertConsultationContact(trx, {
              municipality_code: MEGURO,
              consultation_id: consultation,
              occurred_at: NOW,
              channel: 'phone',
              consulter: 'medical_institution',
              institution_facility_id: ids.facility,
              institution_name: '病院',
              institution_in_ward: 'yes',
              referral_source: null,
              topics: ['discharge'],
              responses: ['information'],
              summary: '相談',
              follow_up_on: null,
              recorded_by: ids.user,
              recorded_by_label: '包括職員',
              created_at: NOW,
            }),
          ),
      },
      { name: 'findConsultation', run: (db) => findConsultation(db, scope, consultation) },
      {
        name: 'findConsultation (locked, for a step)',
        run: (db) => db.transaction().execute((trx) => findConsultation(trx, scope, consultation, true)),
      },
      {
        name: 'updateConsultation',
        run: (db) =>
          db
            .transaction()
            .execute((trx) => updateConsultation(trx, consultation, { status: 'closed', updated_at: NOW })),
      },
      {
        name: 'listConsultationRows (first page)',
        run: (db) => listConsultationRows(db, { scope, limit: 51 }),
      },
      {
        name: 'listConsultationRows (a status, after a cursor)',
        run: (db) =>
          listConsultationRows(db, {
            scope,
            status: 'open',
            after: { sort: NOW, id: consultation },
            limit: 51,
          }),
      },
      { name: 'listConsultationContacts', run: (db) => listConsultationContacts(db, consultation) },
      { name: 'findWindowName', run: (db) => findWindowName(db, ids.organisation) },
      {
        name: 'moveConsultationsToPatient',
        run: (db) =>
          db.transaction().execute((trx) => moveConsultationsToPatient(trx, ids.otherPatient, ids.patient)),
      },
    ],
  },
  {
    source: 'src/server/modules/consultations/figures.queries.ts',
    exports: figuresQueries,
    cases: [
      {
        name: 'listContactsForFigures (one window)',
        run: (db) =>
          figuresQueries.listContactsForFigures(db, scope, NOW, new Date('2027-04-01T00:00:00+09:00')),
      },
      {
        name: 'listContactsForFigures (ward-wide)',
        run: (db) =>
          figuresQueries.listContactsForFigures(
            db,
            { municipalityCode: MEGURO },
            NOW,
            new Date('2027-04-01T00:00:00+09:00'),
          ),
      },
      { name: 'listWindows', run: (db) => figuresQueries.listWindows(db, MEGURO) },
    ],
  },
];
