/**
 * The resources a document Bundle carries besides its Composition (docs/fhir.md). Our forms hold
 * text, so a coded entry is one line of a field, written as `code.text` (or
 * `medicationCodeableConcept.text`) only: the repository holds no MEDIS, ICD-10 or YJ lookup table,
 * and a code is never made up. Patient, Practitioner and Organization claim the JP-Core profiles.
 */

import {
  type AdlItem,
  type AdlScore,
  adlItemLabels,
  adlScoreLabels,
  type DischargeDestination,
  dischargeDestinationLabels,
} from '../../../contracts/documents';

export type Resource = Record<string, unknown> & { resourceType: string };
export type Reference = { reference: string };

export const JP_CORE_PROFILE = {
  Patient: 'http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient',
  Practitioner: 'http://jpfhir.jp/fhir/core/StructureDefinition/JP_Practitioner',
  Organization: 'http://jpfhir.jp/fhir/core/StructureDefinition/JP_Organization',
} as const;

export const PATIENT_ID_SYSTEM = 'urn:zaitaku:patient-id';
const EN_REPRESENTATION = 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation';
const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const LIST_EMPTY_REASON = 'http://terminology.hl7.org/CodeSystem/list-empty-reason';

/** A bullet or a number at the start of a line: 「・」「-」「1.」「(2)」「③」. */
const BULLET = /^(?:[・\-*•●◯○]|\(?[0-9０-９]+[.)．）]|[①-⑳])\s*/u;

/** The lines of a field, one entry each: trimmed, bullets dropped, empty lines left out. */
export function textLines(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(/\r?\n/)
    .map((line) => line.trim().replace(BULLET, '').trim())
    .filter((line) => line.length > 0);
}

/** A field that says there is nothing (「なし」「特になし」「特記事項なし」): the section's emptyReason, no entry. */
export function saysNone(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    /^(?:特に|特記(?:事項)?)?(?:なし|無し|ない|ありません)[。.]?$/u.test(value.trim())
  );
}

export const nilKnown = {
  coding: [{ system: LIST_EMPTY_REASON, code: 'nilknown', display: 'Nil Known' }],
  text: '該当なし',
};

/** 氏名 as family and given when it is written with a space between them (山田 太郎), else text only. */
function nameParts(name: string): { family?: string; given?: string[] } {
  const [family, ...rest] = name.trim().split(/[\s\u3000]+/u);
  return family && rest.length > 0 ? { family, given: [rest.join(' ')] } : {};
}

const humanName = (text: string, representation: 'IDE' | 'SYL') => ({
  extension: [{ url: EN_REPRESENTATION, valueCode: representation }],
  use: 'official',
  text,
  ...nameParts(text),
});

export type PatientInput = {
  id: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
  addressTown?: string | null;
  addressDetail?: string | null;
};

/** JP_Patient: the identifier, 漢字 (IDE) and カナ (SYL) names, sex, birth date and the address we hold. */
export function patientResource(patient: PatientInput): Resource {
  const line = [patient.addressTown, patient.addressDetail].filter((p): p is string => Boolean(p));
  return {
    resourceType: 'Patient',
    meta: { profile: [JP_CORE_PROFILE.Patient] },
    identifier: [{ system: PATIENT_ID_SYSTEM, value: patient.id }],
    name: [humanName(patient.name, 'IDE'), humanName(patient.nameKana, 'SYL')],
    gender: patient.sex === 'male' || patient.sex === 'female' ? patient.sex : 'unknown',
    birthDate: patient.birthDate,
    ...(line.length ? { address: [{ use: 'home', text: line.join(''), line }] } : {}),
  };
}

export const practitionerResource = (name: string): Resource => ({
  resourceType: 'Practitioner',
  meta: { profile: [JP_CORE_PROFILE.Practitioner] },
  name: [{ text: name, ...nameParts(name) }],
});

export const MEDICAL_INSTITUTION_SYSTEM =
  'http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no';
export const JP_ORGANIZATION_ECS = 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Organization_eCS';

export type OrganisationInput = {
  name: string;
  /** 保険医療機関コード of the directory facility the organisation acts for. */
  medicalInstitutionCode?: string | null;
  /** The facility's address, 都道府県 first. */
  address?: string | null;
  phone?: string | null;
};

/**
 * JP_Organization; with the facility's 10-digit 医療機関コード it has what JP_Organization_eCS asks
 * (identifier medicalInstitutionCode, name, address.text) and claims it too.
 */
export function organizationResource(organisation: OrganisationInput): Resource {
  const code = organisation.medicalInstitutionCode?.trim();
  const eCS = Boolean(code && /^\d{10}$/.test(code));
  return {
    resourceType: 'Organization',
    meta: {
      profile: eCS ? [JP_CORE_PROFILE.Organization, JP_ORGANIZATION_ECS] : [JP_CORE_PROFILE.Organization],
    },
    ...(code ? { identifier: [{ system: MEDICAL_INSTITUTION_SYSTEM, value: code }] } : {}),
    name: organisation.name,
    ...(organisation.phone ? { telecom: [{ system: 'phone', value: organisation.phone, use: 'work' }] } : {}),
    ...(organisation.address ? { address: [{ text: organisation.address }] } : {}),
  };
}

/** A 傷病名 or 主訴 as written: `code.text` only; a diagnosis carries the encounter-diagnosis category. */
export function conditionResource(text: string, subject: Reference, diagnosis: boolean): Resource {
  return {
    resourceType: 'Condition',
    ...(diagnosis
      ? {
          category: [
            {
              coding: [
                { system: CONDITION_CATEGORY, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' },
              ],
            },
          ],
        }
      : {}),
    code: { text },
    subject,
  };
}

/** One line of 退院時投薬指示: an order, the drug and its use as text. */
export const medicationRequestResource = (
  text: string,
  subject: Reference,
  authoredOn: string,
): Resource => ({
  resourceType: 'MedicationRequest',
  status: 'active',
  intent: 'order',
  medicationCodeableConcept: { text },
  subject,
  authoredOn,
});

/** One line of the 看護サマリー's 薬剤: what the patient takes, told by the nurse (not an order). */
export const medicationStatementResource = (
  text: string,
  subject: Reference,
  dateAsserted: string,
): Resource => ({
  resourceType: 'MedicationStatement',
  status: 'active',
  medicationCodeableConcept: { text },
  subject,
  dateAsserted,
});

/** One line of アレルギー: clinicalStatus active (FHIR ait-1 needs it without a verificationStatus). */
export const allergyResource = (text: string, patient: Reference): Resource => ({
  resourceType: 'AllergyIntolerance',
  clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL, code: 'active', display: 'Active' }] },
  code: { text },
  patient,
});

/** 退院先 in our own code system (docs/fhir.md): JP-CLINS and JP-Core bind no value set to it. */
export const DISCHARGE_DESTINATION_SYSTEM = 'urn:zaitaku:fhir:CodeSystem:discharge-destination';

/**
 * The stay a 退院時サマリー or 看護サマリー covers: inpatient, its period (as far as the form gives
 * it: finished once the discharge day has come, in-progress before, unknown without one), the reason
 * for admission as text, and 退院先 as `hospitalization.dischargeDisposition`.
 */
export function inpatientEncounterResource(input: {
  subject: Reference;
  serviceProvider: Reference;
  start?: string | null;
  end?: string | null;
  reason?: string;
  destination?: DischargeDestination | null;
  today: string;
}): Resource {
  const period = {
    ...(input.start ? { start: input.start } : {}),
    ...(input.end ? { end: input.end } : {}),
  };
  const destination = input.destination ? dischargeDestinationLabels[input.destination].ja : undefined;
  return {
    resourceType: 'Encounter',
    status: !input.end ? 'unknown' : input.end <= input.today ? 'finished' : 'in-progress',
    class: { system: ACT_CODE, code: 'IMP', display: 'inpatient encounter' },
    subject: input.subject,
    ...(input.start || input.end ? { period } : {}),
    ...(input.reason ? { reasonCode: [{ text: input.reason }] } : {}),
    ...(input.destination
      ? {
          hospitalization: {
            dischargeDisposition: {
              coding: [
                { system: DISCHARGE_DESTINATION_SYSTEM, code: input.destination, display: destination },
              ],
              text: destination,
            },
          },
        }
      : {}),
    serviceProvider: input.serviceProvider,
  };
}

/** The ADL grid in our own code systems (docs/fhir.md): the items and grades of the MHLW example. */
export const ADL_ITEM_SYSTEM = 'urn:zaitaku:fhir:CodeSystem:adl-item';
export const ADL_SCORE_SYSTEM = 'urn:zaitaku:fhir:CodeSystem:adl-score';

/** One graded ADL item of the 看護サマリー (入浴: 全介助) as an Observation, as the nurse assessed it. */
export function adlObservationResource(input: {
  item: AdlItem;
  score: AdlScore;
  subject: Reference;
  performer: Reference;
  effective: string;
}): Resource {
  const item = adlItemLabels[input.item].ja;
  const score = adlScoreLabels[input.score].ja;
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: ADL_ITEM_SYSTEM, code: input.item, display: item }], text: item },
    subject: input.subject,
    effectiveDateTime: input.effective,
    performer: [input.performer],
    valueCodeableConcept: {
      coding: [{ system: ADL_SCORE_SYSTEM, code: input.score, display: score }],
      text: score,
    },
  };
}

/** 入院中経過 as a plain-text attachment (JP-CLINS wants a DocumentReference in section 333). */
export function textDocumentResource(input: {
  title: string;
  text: string;
  subject: Reference;
  author: Reference;
  date: string;
}): Resource {
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    subject: input.subject,
    date: input.date,
    author: [input.author],
    description: input.title,
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          language: 'ja',
          title: input.title,
          data: Buffer.from(input.text, 'utf8').toString('base64'),
        },
      },
    ],
  };
}

/** 退院時方針指示 as one plan with its text. */
export const carePlanResource = (text: string, subject: Reference): Resource => ({
  resourceType: 'CarePlan',
  status: 'active',
  intent: 'plan',
  title: '退院時方針',
  description: text,
  subject,
});
