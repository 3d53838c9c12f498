import type { CircleMember, Patient, PatientSummary } from '../../../contracts/patients';
import type { CircleMemberRow } from './care-circle.queries';
import type { PatientRow } from './patient-access.service';

const iso = (d: Date | string) => new Date(d).toISOString();
/** A date column may come back as a Date (pg) or a string (PGlite): always YYYY-MM-DD. */
const day = (d: Date | string) =>
  d instanceof Date
    ? `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    : String(d).slice(0, 10);

export function toPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    municipalityCode: row.municipality_code.trim(),
    name: row.name,
    nameKana: row.name_kana,
    birthDate: day(row.birth_date as Date | string),
    sex: row.sex,
    addressTown: row.address_town,
    addressDetail: row.address_detail,
    districtCode: row.district_code,
    insurerNumber: row.insurer_number,
    insuredNumber: row.insured_number,
    careLevel: row.care_level,
    keyPerson: row.key_person,
    contacts: row.contacts ?? [],
    fictional: row.fictional,
    status: row.status,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toPatientSummary(
  row: Pick<
    PatientRow,
    | 'id'
    | 'name'
    | 'name_kana'
    | 'birth_date'
    | 'sex'
    | 'address_town'
    | 'care_level'
    | 'fictional'
    | 'updated_at'
  >,
): PatientSummary {
  return {
    id: row.id,
    name: row.name,
    nameKana: row.name_kana,
    birthDate: day(row.birth_date as Date | string),
    sex: row.sex,
    addressTown: row.address_town,
    careLevel: row.care_level,
    fictional: row.fictional,
    updatedAt: iso(row.updated_at),
  };
}

export function toCircleMember(row: CircleMemberRow): CircleMember {
  return {
    id: row.id,
    role: row.role,
    facilityId: row.facility_id,
    facilityName: row.facility_name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    personName: row.person_name,
    validFrom: iso(row.valid_from),
    validTo: row.valid_to ? iso(row.valid_to) : null,
    startReason: row.start_reason,
    endReason: row.end_reason,
  };
}
