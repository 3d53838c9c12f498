import { randomUUID } from 'node:crypto';
import { createOrganisation, createUser } from '../factories/accounts';
import { createTestFacility } from '../factories/directory';
import { insertProviderChange } from '../factories/discharge';
import { createTestPatient } from '../factories/patients';
import type { AuthzFixture } from './types';
import '../../../src/server/modules/discharge/discharge-case.table';
import '../../../src/server/modules/discharge/case-notice.table';
import '../../../src/server/modules/discharge/referral.table';

/**
 * Real discharge cases, notices, provider changes and referrals of 目黒区, so the
 * other-municipality cell of each route proves a 404 for a record that exists. Write routes carry a
 * valid body: they validate it before looking the record up. The matrix's home users are in no
 * circle, so they meet 404 (or a refused transition) too; nothing here changes a real record.
 */
type Ctx = Parameters<AuthzFixture['build']>[0];

async function dischargeCase({ db, municipalityCode }: Ctx) {
  const patientId = await createTestPatient(db, { municipalityCode, districtCode: null });
  const hospital = await createOrganisation(db, { municipalityCode, kind: 'hospital' });
  const row = await db
    .insertInto('discharge_cases')
    .values({
      municipality_code: municipalityCode,
      patient_id: patientId,
      hospital_facility_id: null,
      hospital_organisation_id: hospital.id,
      hospital_name: '権限表テスト病院',
      admitted_on: '2026-11-01',
      expected_discharge_on: null,
      note: null,
      opened_by: randomUUID(),
      opened_by_organisation_id: hospital.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { caseId: row.id, patientId, hospitalId: hospital.id };
}

const caseParams: AuthzFixture['build'] = async (ctx) => ({ id: (await dischargeCase(ctx)).caseId });

const checklistItem: AuthzFixture['build'] = async (ctx) => {
  const { caseId } = await dischargeCase(ctx);
  const item = await ctx.db
    .insertInto('discharge_case_items')
    .values({
      municipality_code: ctx.municipalityCode,
      case_id: caseId,
      position: 1,
      label: '権限表テスト',
      note: null,
      done_by: null,
      done_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: caseId, itemId: item.id };
};

const task: AuthzFixture['build'] = async (ctx) => {
  const { caseId } = await dischargeCase(ctx);
  const row = await ctx.db
    .insertInto('discharge_tasks')
    .values({
      municipality_code: ctx.municipalityCode,
      case_id: caseId,
      title: '権限表テスト',
      owner_name: 'テスト',
      due_on: null,
      done_at: null,
      created_by: randomUUID(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: caseId, itemId: row.id };
};

const notice: AuthzFixture['build'] = async (ctx) => {
  const { caseId, patientId, hospitalId } = await dischargeCase(ctx);
  const row = await ctx.db
    .insertInto('case_notices')
    .values({
      municipality_code: ctx.municipalityCode,
      kind: 'admission',
      patient_id: patientId,
      case_id: caseId,
      provider_change_id: null,
      recipient_organisation_id: hospitalId,
      recipient_user_id: null,
      recipient_facility_id: null,
      recipient_label: '権限表テスト病院',
      due_at: null,
      sent_at: new Date(),
      read_at: null,
      acknowledged_at: null,
      acknowledged_by: null,
      escalated_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
};

const providerChange: AuthzFixture['build'] = async ({ db, municipalityCode }) => {
  const patientId = await createTestPatient(db, { municipalityCode, districtCode: null });
  return {
    id: await insertProviderChange(db, {
      municipalityCode,
      patientId,
      status: 'proposed',
      createdAt: new Date(),
    }),
  };
};

const referral: AuthzFixture['build'] = async ({ db, municipalityCode }) => {
  const patientId = await createTestPatient(db, { municipalityCode, districtCode: null });
  const sender = await createUser(db, { municipalityCode, role: 'hospital_staff' });
  const facility = await createTestFacility(db, {
    municipalityCode,
    name: '権限表テスト診療所',
    type: 'clinic',
  });
  const recipient = await createOrganisation(db, {
    municipalityCode,
    kind: 'clinic',
    facilityId: facility.id,
  });
  const row = await db
    .insertInto('referrals')
    .values({
      municipality_code: municipalityCode,
      patient_id: patientId,
      case_id: null,
      provider_change_id: null,
      role: 'family_doctor',
      // A facility addressed directly (not through an association desk): the table's checks say so.
      recipient_facility_id: facility.id,
      recipient_organisation_id: recipient.id,
      recipient_label: '権限表テスト診療所',
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
      sender_organisation_id: null,
      sender_label: '権限表テスト病院',
      created_by: sender.id,
      sent_at: null,
      received_at: null,
      answered_at: null,
      answered_by: null,
      closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
};

const now = '2026-12-01T10:00:00+09:00';
const consent = {
  givenBy: 'patient',
  givenAt: now,
  method: 'in_person',
  agreed: '権限表のテスト',
  offeredKeepCurrent: true,
  offeredSharedCare: true,
};

export const authzFixtures: AuthzFixture[] = [
  { route: 'GET /api/discharge-cases/:id', build: caseParams },
  { route: 'POST /api/discharge-cases/:id/transitions', build: caseParams, body: { event: 'cancel' } },
  { route: 'PUT /api/discharge-cases/:id/checklist/:itemId', build: checklistItem, body: { done: true } },
  {
    route: 'POST /api/discharge-cases/:id/tasks',
    build: caseParams,
    body: { title: '確認', ownerName: 'テスト' },
  },
  { route: 'PATCH /api/discharge-cases/:id/tasks/:itemId', build: task, body: { done: true } },
  {
    route: 'POST /api/discharge-cases/:id/contacts',
    build: caseParams,
    body: { kind: 'phone', withWhom: 'テスト', at: now, outcome: '権限表のテスト' },
  },
  { route: 'POST /api/discharge-notices/:id/acknowledge', build: notice, body: { answer: 'agree' } },
  { route: 'POST /api/discharge-notices/:id/fax-sheet', build: notice },
  { route: 'GET /api/provider-changes/:id', build: providerChange },
  { route: 'POST /api/provider-changes/:id/consent', build: providerChange, body: consent },
  { route: 'POST /api/provider-changes/:id/respond', build: providerChange, body: { answer: 'agree' } },
  { route: 'POST /api/provider-changes/:id/override', build: providerChange },
  ...['request-consent', 'notify', 'confirm', 'keep', 'share', 'withdraw'].map((action) => ({
    route: `POST /api/provider-changes/:id/${action}`,
    build: providerChange,
  })),
  { route: 'GET /api/referrals/:id', build: referral },
  { route: 'POST /api/referrals/:id/send', build: referral },
  // The named facility need not exist: the referral is looked up first.
  { route: 'POST /api/referrals/:id/name', build: referral, body: { facilityId: randomUUID() } },
  ...['decline', 'cancel', 'fail', 'receive', 'accept', 'complete'].map((action) => ({
    route: `POST /api/referrals/:id/${action}`,
    build: referral,
  })),
];
