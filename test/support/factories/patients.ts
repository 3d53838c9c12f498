import type { Kysely } from 'kysely';
import { normalizeSearchKey } from '../../../src/contracts/japanese-text';
import type { CareRole } from '../../../src/contracts/patients';
import type { Database } from '../../../src/server/platform/db/schema';
import '../../../src/server/modules/patients/care-circle.table';
import '../../../src/server/modules/patients/patient.table';

type Db = Kysely<Database>;
let counter = 0;

/** A patient row written directly (tests of visibility that need many patients fast). */
export async function createTestPatient(
  db: Db,
  input: {
    municipalityCode?: string;
    districtCode?: string | null;
    town?: string;
    kana?: string;
    birthDate?: string;
  } = {},
): Promise<string> {
  counter++;
  const kana = input.kana ?? `てすと　${counter}ごう`;
  const row = await db
    .insertInto('patients')
    .values({
      municipality_code: input.municipalityCode ?? '131105',
      name: `テスト患者${counter}`,
      name_kana: kana,
      kana_key: normalizeSearchKey(kana),
      birth_date: input.birthDate ?? '1940-04-01',
      sex: 'female',
      address_town: input.town ?? '上目黒',
      address_detail: null,
      district_code: input.districtCode === undefined ? 'north' : input.districtCode,
      insurer_number: null,
      insured_number: null,
      care_level: 'care_2',
      key_person: null,
      contacts: '[]',
      merged_into: null,
      created_by: null,
      fictional: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A current membership of the circle, written directly. */
export async function addTestMember(
  db: Db,
  patientId: string,
  input: {
    role: CareRole;
    organisationId?: string | null;
    facilityId?: string | null;
    municipalityCode?: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('care_circle_memberships')
    .values({
      municipality_code: input.municipalityCode ?? '131105',
      patient_id: patientId,
      role: input.role,
      facility_id: input.facilityId ?? null,
      organisation_id: input.organisationId ?? null,
      person_name: input.organisationId || input.facilityId ? null : 'テスト家族',
      valid_from: new Date(Date.now() - 86_400_000),
      start_reason: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
