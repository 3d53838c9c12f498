import { z } from 'zod';
import { PageQuery, pageOf } from './page';

/**
 * Patients and their circle of care (issue 14 items 1–3): every shape the patient list, the
 * patient page, the new-patient form, the circle endpoints and the ward admin's access log
 * exchange. Server and web both import from here; add fields, do not rename them.
 */

const Uuid = z.uuid();
/** Times are ISO 8601 with offset. */
const Timestamp = z.string();
/** A calendar date (YYYY-MM-DD), e.g. a birth date: no time zone. */
export const CalendarDate = z.iso.date();

/**
 * A role in a patient's circle of care. The order is the order of the patient page; the migration
 * repeats this list in its CHECK constraint (a unit test compares them).
 */
export const careRoles = [
  'family_doctor', // かかりつけ医
  'family_dentist', // かかりつけ歯科医
  'family_pharmacy', // かかりつけ薬局
  'home_visit_doctor', // 訪問診療医
  'visiting_nurse', // 訪問看護
  'care_manager', // ケアマネジャー
  'support_center', // 地域包括支援センター
  'admitting_hospital', // 入院先病院
  'key_person', // キーパーソン・家族
] as const;
export const CareRole = z.enum(careRoles);
export type CareRole = z.infer<typeof CareRole>;

/** 要介護度: 要支援1–2, 要介護1–5, 申請中, なし. */
export const careLevels = [
  'support_1',
  'support_2',
  'care_1',
  'care_2',
  'care_3',
  'care_4',
  'care_5',
  'applying',
  'none',
] as const;
export const CareLevel = z.enum(careLevels);
export type CareLevel = z.infer<typeof CareLevel>;

export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export const Sex = z.enum(sexes);
export type Sex = z.infer<typeof Sex>;

/** `merged`: folded into another record by the ward admin; kept for the history, never listed. */
export const patientStatuses = ['active', 'merged'] as const;
export const PatientStatus = z.enum(patientStatuses);
export type PatientStatus = z.infer<typeof PatientStatus>;

/**
 * How the caller reaches a patient: the first that applies (shown to the ward admin in the log).
 * `referral`: the minimum data of an open referral addressed to the caller's organisation.
 * `fax_link`: a recipient without an account opening or answering its FAX sheet's one-time link.
 */
export const accessBases = ['circle', 'district', 'break_glass', 'referral', 'fax_link'] as const;
export const AccessBasis = z.enum(accessBases);
export type AccessBasis = z.infer<typeof AccessBasis>;

/** What an access-log row records: reading, changing or exporting patient data. */
export const accessActions = ['read', 'write', 'export'] as const;
export const AccessAction = z.enum(accessActions);
export type AccessAction = z.infer<typeof AccessAction>;

// ---------------------------------------------------------------------------------------------
// Patients

const Name = z.string().trim().min(1).max(100);
/** Reading in kana (hiragana or katakana, spaces allowed); the server folds it for search. */
const Kana = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s　]+$/u, 'kana only');
const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{6,20}$/);

export const PatientContact = z.object({
  name: Name,
  relation: z.string().trim().max(50).nullable().default(null),
  phone: Phone.nullable().default(null),
  note: z.string().trim().max(200).nullable().default(null),
});
export type PatientContact = z.infer<typeof PatientContact>;

export const KeyPerson = z.object({
  name: Name,
  relation: z.string().trim().max(50).nullable().default(null),
  phone: Phone.nullable().default(null),
});
export type KeyPerson = z.infer<typeof KeyPerson>;

export const PatientInput = z.object({
  name: Name,
  nameKana: Kana,
  birthDate: CalendarDate,
  sex: Sex,
  /** 町丁 from the municipality's town list (GET /api/directory/towns). */
  addressTown: z.string().trim().min(1).max(100),
  /** 番地・建物 after the 町丁. */
  addressDetail: z.string().trim().max(200).nullable().default(null),
  /** 保険者番号 (6 or 8 digits), optional. */
  insurerNumber: z
    .string()
    .regex(/^\d{6}(\d{2})?$/)
    .nullable()
    .default(null),
  /** 被保険者番号 (介護保険: 10 digits; 医療保険: up to 20 characters), optional. */
  insuredNumber: z.string().trim().max(20).nullable().default(null),
  careLevel: CareLevel.default('none'),
  keyPerson: KeyPerson.nullable().default(null),
  contacts: z.array(PatientContact).max(10).default([]),
});
export type PatientInput = z.infer<typeof PatientInput>;

/** Only the fields sent change (no defaults here: a missing field keeps its value). */
export const PatientPatch = z
  .object({
    name: Name,
    nameKana: Kana,
    birthDate: CalendarDate,
    sex: Sex,
    addressTown: z.string().trim().min(1).max(100),
    addressDetail: z.string().trim().max(200).nullable(),
    insurerNumber: z
      .string()
      .regex(/^\d{6}(\d{2})?$/)
      .nullable(),
    insuredNumber: z.string().trim().max(20).nullable(),
    careLevel: CareLevel,
    keyPerson: KeyPerson.nullable(),
    contacts: z.array(PatientContact).max(10),
  })
  .partial();
export type PatientPatch = z.infer<typeof PatientPatch>;

export const Patient = z.object({
  id: Uuid,
  municipalityCode: z.string(),
  name: z.string(),
  nameKana: z.string(),
  birthDate: z.string(),
  sex: Sex,
  addressTown: z.string(),
  addressDetail: z.string().nullable(),
  districtCode: z.string().nullable(),
  insurerNumber: z.string().nullable(),
  insuredNumber: z.string().nullable(),
  careLevel: CareLevel,
  keyPerson: KeyPerson.nullable(),
  contacts: z.array(PatientContact),
  /** Demo rows: the web shows （デモ・架空） beside the name. */
  fictional: z.boolean(),
  status: PatientStatus,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Patient = z.infer<typeof Patient>;

/** A row of the patient list: no contacts or insurance numbers. */
export const PatientSummary = Patient.pick({
  id: true,
  name: true,
  nameKana: true,
  birthDate: true,
  sex: true,
  addressTown: true,
  careLevel: true,
  fictional: true,
  updatedAt: true,
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const PatientListQuery = PageQuery.extend({
  /** Part of the kana reading (hiragana or katakana). */
  kana: z.string().trim().max(100).optional(),
});
export type PatientListQuery = z.infer<typeof PatientListQuery>;
export const PatientList = pageOf(PatientSummary);
export type PatientList = z.infer<typeof PatientList>;

export const PatientIdParams = z.object({ id: Uuid });

/** The 町丁 a patient's address may name (the new-patient form's list). */
export const PatientTownList = z.object({
  items: z.array(
    z.object({ name: z.string(), kana: z.string().nullable(), districtCode: z.string().nullable() }),
  ),
});
export type PatientTownList = z.infer<typeof PatientTownList>;

// ---------------------------------------------------------------------------------------------
// Circle of care

export const CircleMember = z.object({
  id: Uuid,
  role: CareRole,
  /** Directory facility (facilities.id), when the member is one. */
  facilityId: Uuid.nullable(),
  facilityName: z.string().nullable(),
  /** Accounts organisation whose staff act for this member (linked to the facility, or named). */
  organisationId: Uuid.nullable(),
  organisationName: z.string().nullable(),
  /** A named person: the doctor, the care manager, or the key person / family member. */
  personName: z.string().nullable(),
  validFrom: Timestamp,
  /** Null while current; set when the membership ended (history is kept, never overwritten). */
  validTo: Timestamp.nullable(),
  startReason: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type CircleMember = z.infer<typeof CircleMember>;

export const CircleMemberInput = z
  .object({
    role: CareRole,
    facilityId: Uuid.nullable().default(null),
    organisationId: Uuid.nullable().default(null),
    personName: z.string().trim().min(1).max(100).nullable().default(null),
    /** Start of the membership; default now. Never in the future. */
    validFrom: z.iso.datetime({ offset: true }).optional(),
    reason: z.string().trim().max(500).nullable().default(null),
    /**
     * `replace` ends the current holder of this role (a new family doctor); `add` keeps them
     * (shared care, a second visiting-nurse station).
     */
    mode: z.enum(['replace', 'add']).default('replace'),
  })
  .refine((v) => v.facilityId !== null || v.organisationId !== null || v.personName !== null, {
    message: 'facilityId, organisationId or personName',
    path: ['facilityId'],
  });
export type CircleMemberInput = z.infer<typeof CircleMemberInput>;

export const CircleMemberEnd = z.object({
  validTo: z.iso.datetime({ offset: true }).optional(),
  reason: z.string().trim().min(1).max(500),
});
export type CircleMemberEnd = z.infer<typeof CircleMemberEnd>;

export const CircleMemberParams = z.object({ id: Uuid, memberId: Uuid });

export const CircleHistory = z.object({ items: z.array(CircleMember) });
export type CircleHistory = z.infer<typeof CircleHistory>;

// ---------------------------------------------------------------------------------------------
// The patient page

/**
 * `GET /api/patients/:id`: the patient, the current circle, and the sections other modules add
 * (the discharge module adds `cases` and `providerChanges`), each under its own key.
 */
export const PatientDetail = z.looseObject({
  patient: Patient,
  circle: z.array(CircleMember),
  /** How the caller reaches this patient (break_glass is shown as a banner). */
  accessBasis: AccessBasis,
});
export type PatientDetail = z.infer<typeof PatientDetail> & Record<string, unknown>;

export const PatientCreated = z.object({
  patient: Patient,
  /**
   * True when a patient with the same kana and birth date is already registered in the
   * municipality (maybe outside the caller's circles, so no id is given): ask the ward to merge.
   */
  possibleDuplicate: z.boolean(),
});
export type PatientCreated = z.infer<typeof PatientCreated>;

export const BreakGlassInput = z.object({ reason: z.string().trim().min(10).max(500) });
export type BreakGlassInput = z.infer<typeof BreakGlassInput>;
export const BreakGlassGrant = z.object({ patientId: Uuid, expiresAt: Timestamp });

export const PatientMergeInput = z.object({
  /** The record that stays. */
  keepId: Uuid,
  /** The duplicate folded into it. */
  mergeId: Uuid,
  reason: z.string().trim().min(1).max(500),
});
export type PatientMergeInput = z.infer<typeof PatientMergeInput>;
export const PatientMerged = z.object({ keepId: Uuid, mergeId: Uuid, movedMemberships: z.number().int() });

export const DuplicatePair = z.object({
  nameKana: z.string(),
  birthDate: z.string(),
  patients: z.array(PatientSummary),
});
export const DuplicateList = z.object({ items: z.array(DuplicatePair) });
export type DuplicateList = z.infer<typeof DuplicateList>;

// ---------------------------------------------------------------------------------------------
// Access log (ward admin)

export const AccessLogEntry = z.object({
  id: z.number().int(),
  occurredAt: Timestamp,
  actorUserId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  patientId: z.string().nullable(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  action: AccessAction,
  basis: AccessBasis.nullable(),
  requestId: z.string().nullable(),
  clientIp: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

export const AccessLogQuery = PageQuery.extend({
  patientId: Uuid.optional(),
  actorUserId: Uuid.optional(),
  action: AccessAction.optional(),
  basis: AccessBasis.optional(),
  /** e.g. `user`, `facility_change_request`, `facility_history` (reads of people's data outside patients). */
  recordType: z.string().trim().min(1).max(50).optional(),
  recordId: z.string().trim().min(1).max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;
export const AccessLogList = pageOf(AccessLogEntry);
export type AccessLogList = z.infer<typeof AccessLogList>;
