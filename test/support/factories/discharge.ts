import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CareRole } from '../../../src/contracts/patients';
import type { RequestContext } from '../../../src/server/platform/context';
import type { Database } from '../../../src/server/platform/db/schema';
import '../../../src/server/modules/patients/care-circle.table';
import '../../../src/server/modules/patients/patient.table';
import '../../../src/server/modules/discharge/case-notice.table';
import '../../../src/server/modules/discharge/provider-change.table';
import type { ApiClient } from '../api-client';
import { createOrganisation, createUser, type TestUser } from './accounts';
import { createMeguro, createTestFacility, type FacilityInput } from './directory';

type Db = Kysely<Database>;

let counter = 0;

/** A patient of the municipality (fictional) with the given circle members, as of a year ago. */
export async function createPatientWithCircle(
  db: Db,
  municipalityCode: string,
  members: Array<{
    role: CareRole;
    facilityId?: string | null;
    organisationId?: string | null;
    personName?: string;
  }>,
): Promise<{ id: string; name: string }> {
  counter++;
  const name = `退院 テスト${counter}`;
  const patient = await db
    .insertInto('patients')
    .values({
      municipality_code: municipalityCode,
      name,
      name_kana: 'たいいん てすと',
      kana_key: `たいいんてすと${counter}`,
      birth_date: '1940-04-01',
      sex: 'female',
      address_town: '中目黒一丁目',
      address_detail: null,
      district_code: null,
      insurer_number: null,
      insured_number: null,
      care_level: 'care_2',
      key_person: null,
      contacts: '[]',
      fictional: true,
      merged_into: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const validFrom = new Date(Date.now() - 365 * 24 * 3600 * 1000);
  for (const m of members) {
    await db
      .insertInto('care_circle_memberships')
      .values({
        municipality_code: municipalityCode,
        patient_id: patient.id,
        role: m.role,
        facility_id: m.facilityId ?? null,
        organisation_id: m.organisationId ?? null,
        person_name: m.personName ?? null,
        valid_from: validFrom,
        valid_to: null,
        start_reason: null,
        end_reason: null,
        created_by: null,
        ended_by: null,
      })
      .execute();
  }
  return { id: patient.id, name };
}

export type DischargeScene = {
  municipalityCode: string;
  hospital: { facilityId: string; organisationId: string; staff: TestUser; colleague: TestUser };
  familyDoctor: { facilityId: string; organisationId: string; user: TestUser };
  homeVisit: { facilityId: string; organisationId: string; user: TestUser };
  center: { organisationId: string; user: TestUser };
  /** A care-management office in the directory with no account on Zaitaku (reached by FAX). */
  careManagerFacilityId: string;
  /** A doctor of a clinic outside this patient's circle. */
  outsider: TestUser;
  patient: { id: string; name: string };
};

/**
 * The people of one discharge: the hospital's liaison nurse (and a colleague, for overrides),
 * the family doctor, a home-visit clinic, the 包括 and a doctor outside the circle; one patient
 * whose circle holds the family doctor, the hospital and the 包括.
 */
export async function createDischargeScene(db: Db): Promise<DischargeScene> {
  const municipalityCode = await createMeguro(db);
  const org = async (kind: 'hospital' | 'clinic' | 'community_support_center', facilityId: string | null) =>
    (await createOrganisation(db, { municipalityCode, kind, facilityId })).id;
  const hospitalFacility = (await createTestFacility(db, { type: 'hospital' })).id;
  const clinicFacility = (await createTestFacility(db, { type: 'clinic' })).id;
  const homeVisitFacility = (await createTestFacility(db, { type: 'clinic' })).id;
  const otherFacility = (await createTestFacility(db, { type: 'clinic' })).id;
  const careManagerFacilityId = (await createTestFacility(db, { type: 'care_management_office' })).id;
  const hospitalOrg = await org('hospital', hospitalFacility);
  const clinicOrg = await org('clinic', clinicFacility);
  const homeVisitOrg = await org('clinic', homeVisitFacility);
  const centerOrg = await org('community_support_center', null);
  const otherOrg = await org('clinic', otherFacility);
  const user = (role: 'hospital_staff' | 'clinician' | 'center_staff', organisationId: string) =>
    createUser(db, { role, municipalityCode, organisationId });
  const scene: Omit<DischargeScene, 'patient'> = {
    municipalityCode,
    careManagerFacilityId,
    hospital: {
      facilityId: hospitalFacility,
      organisationId: hospitalOrg,
      staff: await user('hospital_staff', hospitalOrg),
      colleague: await user('hospital_staff', hospitalOrg),
    },
    familyDoctor: {
      facilityId: clinicFacility,
      organisationId: clinicOrg,
      user: await user('clinician', clinicOrg),
    },
    homeVisit: {
      facilityId: homeVisitFacility,
      organisationId: homeVisitOrg,
      user: await user('clinician', homeVisitOrg),
    },
    center: { organisationId: centerOrg, user: await user('center_staff', centerOrg) },
    outsider: await user('clinician', otherOrg),
  };
  const patient = await createScenePatient(db, scene);
  return { ...scene, patient };
}

/** Another patient with the scene's circle (family doctor, hospital, 包括, a care manager without an account). */
export function createScenePatient(db: Db, scene: Omit<DischargeScene, 'patient'>) {
  return createPatientWithCircle(db, scene.municipalityCode, [
    {
      role: 'family_doctor',
      facilityId: scene.familyDoctor.facilityId,
      organisationId: scene.familyDoctor.organisationId,
    },
    {
      role: 'admitting_hospital',
      facilityId: scene.hospital.facilityId,
      organisationId: scene.hospital.organisationId,
    },
    { role: 'support_center', organisationId: scene.center.organisationId },
    { role: 'care_manager', facilityId: scene.careManagerFacilityId, personName: '居宅 花子' },
  ]);
}

/**
 * A visiting-nurse station of the scene's ward with one clinician on Zaitaku, outside every circle
 * (a referral's recipient); `facility` passes on to the directory factory (e.g. its capacity).
 */
export async function createSceneNurse(
  db: Db,
  scene: Pick<DischargeScene, 'municipalityCode'>,
  facility: Omit<FacilityInput, 'type'> = {},
): Promise<{ facilityId: string; organisationId: string; user: TestUser }> {
  const { municipalityCode } = scene;
  const facilityId = (await createTestFacility(db, { ...facility, type: 'visiting_nurse_station' })).id;
  const org = await createOrganisation(db, { municipalityCode, kind: 'visiting_nurse_station', facilityId });
  const user = await createUser(db, { role: 'clinician', municipalityCode, organisationId: org.id });
  return { facilityId, organisationId: org.id, user };
}

export type ProviderChangeRow = {
  municipalityCode: string;
  patientId: string;
  status: 'proposed' | 'confirmed' | 'kept_current' | 'shared_care' | 'confirmed_override' | 'withdrawn';
  createdAt: Date;
  closedAt?: Date;
  escalatedAt?: Date;
  caseId?: string;
};

/** A provider change of a family doctor to a home-visit doctor, written as it stands (for figures). */
export async function insertProviderChange(db: Db, values: ProviderChangeRow): Promise<string> {
  const row = await db
    .insertInto('provider_changes')
    .values({
      municipality_code: values.municipalityCode,
      patient_id: values.patientId,
      case_id: values.caseId ?? null,
      role: 'family_doctor',
      to_role: 'home_visit_doctor',
      from_membership_id: null,
      from_facility_id: null,
      from_organisation_id: null,
      from_label: null,
      to_facility_id: null,
      to_organisation_id: null,
      to_label: '訪問クリニック',
      reason: null,
      status: values.status,
      notified_at: null,
      due_at: null,
      escalated_at: values.escalatedAt ?? null,
      closed_at: values.closedAt ?? null,
      proposed_by: randomUUID(),
      created_at: values.createdAt,
      updated_at: values.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Opens a discharge case for the patient as the scene's hospital nurse, over the API; throws unless 201. */
export async function openSceneCase<T = { id: string }>(
  api: ApiClient,
  scene: DischargeScene,
  patientId = scene.patient.id,
): Promise<T> {
  const res = await api.as(scene.hospital.staff).post<T>('/api/discharge-cases', {
    patientId,
    hospitalFacilityId: scene.hospital.facilityId,
    admittedOn: '2026-11-20',
    expectedDischargeOn: '2026-12-10',
  });
  if (res.status !== 201)
    throw new Error(`opening a case answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Proposes the switch 外来のかかりつけ医 → 訪問診療 (the scene's home-visit clinic) over the API; throws unless 201. */
export async function proposeSceneChange<T = { id: string }>(
  api: ApiClient,
  scene: DischargeScene,
  patientId: string,
  caseId?: string,
): Promise<T> {
  const res = await api.as(scene.hospital.staff).post<T>('/api/provider-changes', {
    patientId,
    caseId,
    role: 'family_doctor',
    toRole: 'home_visit_doctor',
    toFacilityId: scene.homeVisit.facilityId,
    toLabel: '目黒訪問クリニック',
    reason: '通院が難しくなったため',
  });
  if (res.status !== 201)
    throw new Error(`proposing a change answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Records the patient's consent to the scene's change as the hospital nurse, over the API (given in
 * person an hour ago, both alternatives offered); `overrides` changes fields. Throws unless 200.
 */
export async function recordSceneConsent<T = { id: string; status: string }>(
  api: ApiClient,
  scene: DischargeScene,
  changeId: string,
  overrides: Record<string, unknown> = {},
): Promise<T> {
  const res = await api.as(scene.hospital.staff).post<T>(`/api/provider-changes/${changeId}/consent`, {
    givenBy: 'patient',
    givenAt: new Date(Date.now() - 3600_000).toISOString(),
    method: 'in_person',
    agreed: '訪問診療に切り替える',
    offeredKeepCurrent: true,
    offeredSharedCare: true,
    ...overrides,
  });
  if (res.status !== 200)
    throw new Error(`recording consent answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * The scene's change for the patient proposed, consented to and told to the incumbent over the API
 * (each step throws unless it succeeds), with the provider-change notice the notify step queued.
 */
export async function notifiedSceneChange(
  db: Db,
  api: ApiClient,
  scene: DischargeScene,
  patientId: string,
  caseId?: string,
) {
  const { id } = await proposeSceneChange(api, scene, patientId, caseId);
  await recordSceneConsent(api, scene, id);
  const notified = await api.as(scene.hospital.staff).post(`/api/provider-changes/${id}/notify`);
  if (notified.status !== 200)
    throw new Error(`notifying the incumbent answered ${notified.status}: ${JSON.stringify(notified.body)}`);
  const notice = await db
    .selectFrom('case_notices')
    .selectAll()
    .where('provider_change_id', '=', id)
    .where('kind', '=', 'provider_change')
    .executeTakeFirstOrThrow();
  return { changeId: id, notice };
}

/**
 * The signed-in actor the session layer would build for the user (two factors verified), for tests
 * that call a service directly, e.g. with the clock moved past what a session's TOTP allows.
 */
export function signedInContext(user: TestUser): RequestContext {
  return {
    requestId: `test-${user.id}`,
    clientIp: '127.0.0.1',
    municipalityCode: user.municipalityCode,
    actor: {
      userId: user.id,
      email: user.email,
      displayName: 'テスト',
      municipalityCode: user.municipalityCode,
      roles: [user.role],
      memberships: [{ organisationId: user.organisationId, role: user.role }],
      twoFactorVerified: true,
    },
  };
}
