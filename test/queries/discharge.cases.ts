import * as noticeQueries from '../../src/server/modules/discharge/case-notice.queries';
import * as caseQueries from '../../src/server/modules/discharge/discharge-case.queries';
import * as figuresQueries from '../../src/server/modules/discharge/figures.queries';
import * as patientMergeQueries from '../../src/server/modules/discharge/patient-merge.queries';
import * as changeQueries from '../../src/server/modules/discharge/provider-change.queries';
import * as referralQueries from '../../src/server/modules/discharge/referral.queries';
import { scope } from './patients.cases';
import { ids, MEGURO, NOW, type SnapshotSet } from './snapshot-set';

const {
  findCase,
  findEscalationDays,
  findFacilityName,
  findOrganisationName,
  findOrganisationOfFacility,
  insertCase,
  insertCaseItems,
  insertChecklistTemplate,
  insertContact,
  insertTask,
  listCaseItems,
  listCaseRows,
  casesOfPatientQuery,
  listChecklistTemplate,
  listContacts,
  listTasks,
  updateCase,
  updateCaseItem,
  updateTask,
} = caseQueries;
const {
  findChange,
  findCoordinatorByEmail,
  insertChange,
  insertConsent,
  insertOverride,
  insertResponse,
  listChangesOfCase,
  changesOfPatientQuery,
  listConsents,
  listDueChanges,
  listLatestResponses,
  updateChange,
} = changeQueries;
const {
  findNotice,
  findNoticeCaseId,
  findUserLabel,
  insertNotices,
  listNoticesOfCase,
  listNoticesOfChange,
  listPendingForOrganisations,
  updateNotice,
} = noticeQueries;
const {
  countOpenByRole,
  findAssociationDesk,
  findReferral,
  insertReferral,
  listAssociationDesks,
  listIncomingReferrals,
  listOpenReferralsForRole,
  listReferralSummariesOfPatient,
  referralSummariesOfPatientQuery,
  referralsOfPatientQuery,
  updateReferral,
} = referralQueries;

const caseRow: caseQueries.CaseRow = {
  id: ids.case,
  municipality_code: MEGURO,
  patient_id: ids.patient,
  hospital_facility_id: ids.facility,
  hospital_organisation_id: ids.hospital,
  hospital_name: '目黒中央病院',
  admitted_on: '2026-03-20',
  expected_discharge_on: '2026-04-10',
  status: 'open',
  discharged_at: null,
  note: null,
  opened_by: ids.user,
  opened_by_organisation_id: ids.hospital,
  created_at: NOW,
  updated_at: NOW,
};
const {
  id: _id,
  status: _status,
  discharged_at: _discharged,
  created_at: _created,
  updated_at: _updated,
  ...newCase
} = caseRow;

/** A month of the council's figures (April 2026 in Tokyo). */
const figuresRange = { municipalityCode: MEGURO, from: NOW, to: new Date('2026-04-30T15:00:00Z') };

export const dischargeSnapshots: SnapshotSet[] = [
  {
    source: 'src/server/modules/discharge/discharge-case.queries.ts',
    exports: caseQueries,
    cases: [
      { name: 'findEscalationDays', run: (db) => findEscalationDays(db, MEGURO) },
      { name: 'listChecklistTemplate', run: (db) => listChecklistTemplate(db, MEGURO) },
      {
        name: 'insertChecklistTemplate',
        run: (db) => insertChecklistTemplate(db, MEGURO, ['退院前カンファレンス', '訪問診療の調整']),
      },
      { name: 'insertCase', run: (db) => db.transaction().execute((trx) => insertCase(trx, newCase)) },
      {
        name: 'insertCaseItems',
        run: (db) =>
          db.transaction().execute((trx) =>
            insertCaseItems(trx, caseRow, [
              { position: 1, label: '退院前カンファレンス' },
              { position: 2, label: '訪問診療の調整' },
            ]),
          ),
      },
      { name: 'findCase', run: (db) => findCase(db, MEGURO, ids.case) },
      { name: 'findCase (locked for a workflow step)', run: (db) => findCase(db, MEGURO, ids.case, true) },
      {
        name: 'updateCase',
        run: (db) =>
          db
            .transaction()
            .execute((trx) => updateCase(trx, ids.case, { status: 'discharged', updated_at: NOW })),
      },
      {
        name: 'casesOfPatientQuery',
        run: (db) => casesOfPatientQuery(db, MEGURO, ids.patient, ['proposed', 'consented']),
      },
      {
        name: 'listCaseRows (all, first page)',
        run: (db) => listCaseRows(db, { scope, now: NOW, filter: 'all', limit: 51 }),
      },
      {
        name: 'listCaseRows (active, after a keyset position)',
        run: (db) =>
          listCaseRows(db, {
            scope,
            now: NOW,
            filter: 'active',
            after: { sort: NOW, id: ids.case },
            limit: 51,
          }),
      },
      {
        name: 'listCaseRows (escalated)',
        run: (db) => listCaseRows(db, { scope, now: NOW, filter: 'escalated', limit: 51 }),
      },
      { name: 'listCaseItems', run: (db) => listCaseItems(db, ids.case) },
      {
        name: 'updateCaseItem',
        run: (db) =>
          db.transaction().execute((trx) =>
            updateCaseItem(trx, ids.case, ids.item, {
              done: true,
              note: null,
              done_by: ids.user,
              done_at: NOW,
            }),
          ),
      },
      { name: 'listTasks', run: (db) => listTasks(db, ids.case) },
      {
        name: 'insertTask',
        run: (db) =>
          db.transaction().execute((trx) =>
            insertTask(trx, {
              municipality_code: MEGURO,
              case_id: ids.case,
              title: 'ケアマネジャーに連絡',
              owner_name: '退院支援看護師',
              due_on: '2026-04-03',
              done_at: null,
              created_by: ids.user,
            }),
          ),
      },
      {
        name: 'updateTask',
        run: (db) => db.transaction().execute((trx) => updateTask(trx, ids.case, ids.item, true, NOW)),
      },
      { name: 'listContacts', run: (db) => listContacts(db, ids.case) },
      {
        name: 'insertContact',
        run: (db) =>
          db.transaction().execute((trx) =>
            insertContact(trx, {
              municipality_code: MEGURO,
              case_id: ids.case,
              kind: 'phone',
              with_whom: '長女',
              at: NOW,
              outcome: '退院日に同意',
              recorded_by: ids.user,
              recorded_by_label: '在宅 医師',
            }),
          ),
      },
      {
        name: 'findOrganisationOfFacility',
        run: (db) => findOrganisationOfFacility(db, MEGURO, ids.facility),
      },
      { name: 'findFacilityName', run: (db) => findFacilityName(db, ids.facility) },
      { name: 'findOrganisationName', run: (db) => findOrganisationName(db, ids.organisation) },
    ],
  },
  {
    source: 'src/server/modules/discharge/provider-change.queries.ts',
    exports: changeQueries,
    cases: [
      {
        name: 'insertChange',
        run: (db) =>
          db.transaction().execute((trx) =>
            insertChange(trx, {
              municipality_code: MEGURO,
              patient_id: ids.patient,
              case_id: ids.case,
              role: 'home_visit_doctor',
              to_role: 'home_visit_doctor',
              from_membership_id: null,
              from_facility_id: ids.facility,
              from_organisation_id: null,
              from_label: '目黒在宅クリニック',
              to_facility_id: ids.otherFacility,
              to_organisation_id: null,
              to_label: '上目黒診療所',
              reason: null,
              notified_at: null,
              due_at: null,
              escalated_at: null,
              closed_at: null,
              proposed_by: ids.user,
            }),
          ),
      },
      { name: 'findChange', run: (db) => findChange(db, MEGURO, ids.change) },
      {
        name: 'findChange (locked for a workflow step)',
        run: (db) => findChange(db, MEGURO, ids.change, true),
      },
      {
        name: 'updateChange',
        run: (db) =>
          db
            .transaction()
            .execute((trx) =>
              updateChange(trx, ids.change, { status: 'incumbent_notified', notified_at: NOW }),
            ),
      },
      { name: 'changesOfPatientQuery', run: (db) => changesOfPatientQuery(db, MEGURO, ids.patient) },
      { name: 'listChangesOfCase', run: (db) => listChangesOfCase(db, ids.case) },
      { name: 'listConsents', run: (db) => listConsents(db, [ids.change]) },
      { name: 'listLatestResponses', run: (db) => listLatestResponses(db, [ids.change]) },
      {
        name: 'insertConsent',
        run: (db) =>
          db.transaction().execute((trx) =>
            insertConsent(trx, {
              change_id: ids.change,
              municipality_code: MEGURO,
              given_by: 'patient',
              representative_name: null,
              given_at: NOW,
              method: 'in_person',
              agreed: '訪問診療の変更に同意',
              offered_keep_current: true,
              offered_shared_care: true,
              document_ref: null,
              recorded_by: ids.user,
              recorded_by_label: '在宅 医師',
              recorded_at: NOW,
            }),
          ),
      },
      {
        name: 'insertResponse',
        run: (db) =>
          db.transaction().execute((trx) =>
            insertResponse(trx, {
              municipality_code: MEGURO,
              change_id: ids.change,
              answer: 'agree',
              reason: null,
              responded_by: ids.otherUser,
              responded_by_label: '目黒在宅クリニック',
              responded_at: NOW,
            }),
          ),
      },
      {
        name: 'insertOverride',
        run: (db) =>
          db.transaction().execute((trx) =>
            insertOverride(trx, {
              change_id: ids.change,
              municipality_code: MEGURO,
              reason_code: 'incumbent_closed',
              reason_note: null,
              requested_by: ids.user,
              second_user_id: ids.otherUser,
              created_at: NOW,
            }),
          ),
      },
      { name: 'listDueChanges', run: (db) => listDueChanges(db, NOW, 100) },
      {
        name: 'findCoordinatorByEmail',
        run: (db) => findCoordinatorByEmail(db, MEGURO, 'Center@Example.jp'),
      },
    ],
  },
  {
    source: 'src/server/modules/discharge/case-notice.queries.ts',
    exports: noticeQueries,
    cases: [
      {
        name: 'insertNotices',
        run: (db) =>
          db.transaction().execute((trx) =>
            insertNotices(trx, [
              {
                municipality_code: MEGURO,
                kind: 'admission',
                patient_id: ids.patient,
                case_id: ids.case,
                provider_change_id: null,
                recipient_organisation_id: ids.organisation,
                recipient_user_id: null,
                recipient_facility_id: ids.facility,
                recipient_label: '目黒在宅クリニック',
                due_at: null,
                sent_at: NOW,
                read_at: null,
                acknowledged_at: null,
                acknowledged_by: null,
                escalated_at: null,
                created_at: NOW,
              },
            ]),
          ),
      },
      { name: 'listNoticesOfCase', run: (db) => listNoticesOfCase(db, ids.case) },
      { name: 'listNoticesOfChange', run: (db) => listNoticesOfChange(db, ids.change) },
      {
        name: 'listNoticesOfChange (one kind)',
        run: (db) => listNoticesOfChange(db, ids.change, 'provider_change'),
      },
      { name: 'findNotice', run: (db) => findNotice(db, MEGURO, ids.notice) },
      {
        name: 'findNotice (locked for an answer)',
        run: (db) => findNotice(db, MEGURO, ids.notice, true),
      },
      {
        name: 'updateNotice',
        run: (db) =>
          db.transaction().execute((trx) =>
            updateNotice(trx, ids.notice, {
              status: 'acknowledged',
              acknowledged_at: NOW,
              acknowledged_by: ids.user,
            }),
          ),
      },
      {
        name: 'listPendingForOrganisations (first page)',
        run: (db) =>
          listPendingForOrganisations(db, {
            municipalityCode: MEGURO,
            organisationIds: [ids.organisation, ids.hospital],
            limit: 51,
          }),
      },
      {
        name: 'listPendingForOrganisations (after a keyset position)',
        run: (db) =>
          listPendingForOrganisations(db, {
            municipalityCode: MEGURO,
            organisationIds: [ids.organisation, ids.hospital],
            after: { sort: NOW, id: ids.notice },
            limit: 51,
          }),
      },
      {
        name: "findNoticeCaseId (a provider change's notice)",
        run: (db) => findNoticeCaseId(db, { case_id: null, provider_change_id: ids.change }),
      },
      { name: 'findUserLabel', run: (db) => findUserLabel(db, ids.user) },
    ],
  },
  {
    source: 'src/server/modules/discharge/patient-merge.queries.ts',
    exports: patientMergeQueries,
    cases: [
      {
        name: 'moveDischargeRows',
        run: (db) => patientMergeQueries.moveDischargeRows(db, ids.otherPatient, ids.patient),
      },
    ],
  },
  {
    source: 'src/server/modules/discharge/referral.queries.ts',
    exports: referralQueries,
    cases: [
      {
        name: 'insertReferral',
        run: (db) =>
          db.transaction().execute((trx) =>
            insertReferral(trx, {
              municipality_code: MEGURO,
              patient_id: ids.patient,
              case_id: ids.case,
              provider_change_id: null,
              role: 'visiting_nurse',
              recipient_facility_id: ids.facility,
              recipient_organisation_id: ids.organisation,
              recipient_label: '目黒訪問看護ステーション',
              named_facility_id: null,
              named_label: null,
              reason: null,
              note: null,
              capacity_signal: null,
              capacity_set_at: null,
              agreement_given_by: null,
              agreement_method: null,
              agreement_given_at: null,
              agreement_note: null,
              task_id: null,
              sender_organisation_id: ids.hospital,
              sender_label: '目黒中央病院',
              created_by: ids.user,
              sent_at: null,
              received_at: null,
              answered_at: null,
              answered_by: null,
              closed_at: null,
              created_at: NOW,
              updated_at: NOW,
            }),
          ),
      },
      { name: 'findReferral', run: (db) => findReferral(db, MEGURO, ids.referral) },
      {
        name: 'findReferral (locked for a workflow step)',
        run: (db) => findReferral(db, MEGURO, ids.referral, true),
      },
      {
        name: 'updateReferral',
        run: (db) =>
          db
            .transaction()
            .execute((trx) =>
              updateReferral(trx, ids.referral, { status: 'sent', sent_at: NOW, updated_at: NOW }),
            ),
      },
      { name: 'referralsOfPatientQuery', run: (db) => referralsOfPatientQuery(db, MEGURO, ids.patient) },
      {
        name: 'referralSummariesOfPatientQuery',
        run: (db) => referralSummariesOfPatientQuery(db, MEGURO, ids.patient),
      },
      {
        name: 'listReferralSummariesOfPatient',
        run: (db) => listReferralSummariesOfPatient(db, MEGURO, ids.patient),
      },
      {
        name: 'listOpenReferralsForRole',
        run: (db) =>
          db.transaction().execute((trx) => listOpenReferralsForRole(trx, ids.patient, 'visiting_nurse')),
      },
      { name: 'countOpenByRole', run: (db) => countOpenByRole(db, [ids.patient, ids.otherPatient]) },
      {
        name: 'listIncomingReferrals (open, first page)',
        run: (db) =>
          listIncomingReferrals(db, {
            municipalityCode: MEGURO,
            organisationIds: [ids.organisation],
            facilityIds: [ids.facility],
            open: true,
            limit: 50,
          }),
      },
      {
        name: 'listIncomingReferrals (all, after a keyset position)',
        run: (db) =>
          listIncomingReferrals(db, {
            municipalityCode: MEGURO,
            organisationIds: [ids.organisation],
            facilityIds: [],
            open: false,
            after: { sort: NOW, id: ids.referral },
            limit: 50,
          }),
      },
      { name: 'listAssociationDesks', run: (db) => listAssociationDesks(db, MEGURO) },
      { name: 'findAssociationDesk', run: (db) => findAssociationDesk(db, MEGURO, ids.organisation) },
    ],
  },
  {
    source: 'src/server/modules/discharge/figures.queries.ts',
    exports: figuresQueries,
    cases: [
      { name: 'countDischarges', run: (db) => figuresQueries.countDischarges(db, figuresRange) },
      { name: 'countProposedChanges', run: (db) => figuresQueries.countProposedChanges(db, figuresRange) },
      { name: 'countClosedChanges', run: (db) => figuresQueries.countClosedChanges(db, figuresRange) },
      {
        name: 'countToldBeforeDischarge',
        run: (db) => figuresQueries.countToldBeforeDischarge(db, figuresRange),
      },
      {
        name: 'summariseAcknowledgments',
        run: (db) => figuresQueries.summariseAcknowledgments(db, figuresRange),
      },
      { name: 'countEscalations', run: (db) => figuresQueries.countEscalations(db, figuresRange) },
      { name: 'countOverrides', run: (db) => figuresQueries.countOverrides(db, figuresRange) },
      { name: 'countChannels', run: (db) => figuresQueries.countChannels(db, figuresRange) },
      {
        name: 'firstReferralsOfChanges',
        run: (db) => figuresQueries.firstReferralsOfChanges(db, MEGURO, NOW),
      },
      {
        name: 'consentTimesOf',
        run: (db) => figuresQueries.consentTimesOf(db, [ids.change]),
      },
    ],
  },
];
