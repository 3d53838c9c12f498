import {
  DISCHARGE_DESTINATIONS,
  destinationCodes,
  MEDICAL_INSTITUTION_NO,
  ORGANIZATION_ECS,
} from './document-fhir-rules';

/**
 * The check of each resource a document Bundle carries besides its Composition (document-fhir-check.ts
 * checks the Bundle, the Composition and its sections): required fields, the status and intent codes
 * FHIR R4 allows, and the references to the Patient. With the value helpers both files share.
 */
export type Json = Record<string, unknown>;
export const obj = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 ? v : undefined;
export const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export type TypeOf = (reference: unknown) => unknown;
export type Fail = (at: string, message: string) => void;

/** A concept with exactly one coding of `system` whose code is one of `codes`. */
export function codedIn(concept: unknown, system: string, codes: readonly string[]): boolean {
  const codings = arr(obj(concept)?.coding).map(obj);
  return codings.length === 1 && codings[0]?.system === system && codes.includes(String(codings[0]?.code));
}

const statuses: Record<string, string[]> = {
  MedicationRequest: [
    'active',
    'on-hold',
    'cancelled',
    'completed',
    'entered-in-error',
    'stopped',
    'draft',
    'unknown',
  ],
  MedicationStatement: [
    'active',
    'completed',
    'entered-in-error',
    'intended',
    'stopped',
    'on-hold',
    'unknown',
    'not-taken',
  ],
  Encounter: [
    'planned',
    'arrived',
    'triaged',
    'in-progress',
    'onleave',
    'finished',
    'cancelled',
    'entered-in-error',
    'unknown',
  ],
  DocumentReference: ['current', 'superseded', 'entered-in-error'],
  Observation: [
    'registered',
    'preliminary',
    'final',
    'amended',
    'corrected',
    'cancelled',
    'entered-in-error',
    'unknown',
  ],
  CarePlan: ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'],
};
const intents: Record<string, string[]> = {
  MedicationRequest: [
    'proposal',
    'plan',
    'order',
    'original-order',
    'reflex-order',
    'filler-order',
    'instance-order',
    'option',
  ],
  CarePlan: ['proposal', 'plan', 'order', 'option'],
};

const hasConcept = (v: unknown) => {
  const c = obj(v);
  const codings = arr(c?.coding).map(obj);
  return Boolean(
    str(c?.text) || (codings.length > 0 && codings.every((x) => str(x?.system) && str(x?.code))),
  );
};

export function checkResource(r: Json, at: string, typeOf: TypeOf, fail: Fail) {
  const type = String(r.resourceType);
  const required = (field: string) => {
    if (r[field] === undefined || r[field] === '' || (Array.isArray(r[field]) && r[field].length === 0)) {
      fail(`${at}.${field}`, 'is required');
    }
  };
  const toPatient = (field: string) => {
    if (typeOf(r[field]) !== 'Patient') fail(`${at}.${field}`, 'must reference the Patient');
  };
  const oneOf = (field: string, allowed: string[] | undefined) => {
    if (allowed && !allowed.includes(String(r[field])))
      fail(`${at}.${field}`, `must be one of ${allowed.join('|')}`);
  };
  const concept = (field: string) => {
    if (!hasConcept(r[field])) fail(`${at}.${field}`, 'needs text or codings with system and code');
  };
  switch (type) {
    case 'Patient': {
      const ids = arr(r.identifier).map(obj);
      if (!ids.some((i) => str(i?.value))) fail(`${at}.identifier`, 'needs a value (JP_Patient 1..*)');
      if (!arr(r.name).some((n) => str(obj(n)?.text) || str(obj(n)?.family)))
        fail(`${at}.name`, 'is required');
      oneOf('gender', ['male', 'female', 'other', 'unknown']);
      if (!DATE.test(String(r.birthDate))) fail(`${at}.birthDate`, 'needs a date');
      break;
    }
    case 'Practitioner':
      if (!arr(r.name).some((n) => str(obj(n)?.text) || str(obj(n)?.family)))
        fail(`${at}.name`, 'is required');
      break;
    case 'Organization':
      required('name');
      // JP_Organization_eCS: the 10-digit 保険医療機関番号 1..1, address.text when there is an address
      if (arr(obj(r.meta)?.profile).includes(ORGANIZATION_ECS)) {
        const codes = arr(r.identifier).filter((i) => obj(i)?.system === MEDICAL_INSTITUTION_NO);
        if (codes.length !== 1 || !/^\d{10}$/.test(String(obj(codes[0])?.value))) {
          fail(`${at}.identifier`, 'JP_Organization_eCS needs one 10-digit insurance-medical-institution-no');
        }
        if (arr(r.address).length > 1 || (r.address !== undefined && !str(obj(arr(r.address)[0])?.text))) {
          fail(`${at}.address`, 'JP_Organization_eCS allows one address, with text');
        }
      }
      break;
    case 'Condition':
      toPatient('subject');
      concept('code');
      break;
    case 'AllergyIntolerance': {
      toPatient('patient');
      concept('code');
      const enteredInError = arr(obj(r.verificationStatus)?.coding).some(
        (x) => obj(x)?.code === 'entered-in-error',
      );
      if (!enteredInError && !hasConcept(r.clinicalStatus))
        fail(`${at}.clinicalStatus`, 'is required (ait-1)');
      break;
    }
    case 'MedicationRequest':
    case 'MedicationStatement':
      oneOf('status', statuses[type]);
      if (type === 'MedicationRequest') oneOf('intent', intents[type]);
      if (!hasConcept(r.medicationCodeableConcept) && typeOf(r.medicationReference) !== 'Medication') {
        fail(`${at}.medication[x]`, 'is required');
      }
      toPatient('subject');
      break;
    case 'Encounter': {
      oneOf('status', statuses.Encounter);
      const cls = obj(r.class);
      if (!str(cls?.system) || !str(cls?.code)) fail(`${at}.class`, 'needs system and code');
      toPatient('subject');
      const period = obj(r.period);
      if (period?.start && period?.end && String(period.start) > String(period.end))
        fail(`${at}.period`, 'ends before it starts');
      // 退院先: JP-CLINS binds no value set; ours (docs/fhir.md) when it is given
      const disposition = obj(r.hospitalization)?.dischargeDisposition;
      if (disposition !== undefined && !codedIn(disposition, DISCHARGE_DESTINATIONS, destinationCodes)) {
        fail(`${at}.hospitalization.dischargeDisposition`, `must be one coding of ${DISCHARGE_DESTINATIONS}`);
      }
      break;
    }
    case 'Observation':
      oneOf('status', statuses.Observation);
      concept('code');
      toPatient('subject');
      // obs-6: a dataAbsentReason only without a value; we ask for one of them
      if (!Object.keys(r).some((k) => k.startsWith('value')) && r.dataAbsentReason === undefined) {
        fail(`${at}.value[x]`, 'needs a value or a dataAbsentReason');
      }
      break;
    case 'DocumentReference':
      oneOf('status', statuses.DocumentReference);
      if (arr(r.content).length === 0 || !arr(r.content).every((x) => obj(obj(x)?.attachment))) {
        fail(`${at}.content`, 'needs an attachment');
      }
      toPatient('subject');
      break;
    case 'CarePlan':
      oneOf('status', statuses.CarePlan);
      oneOf('intent', intents.CarePlan);
      toPatient('subject');
      break;
    default:
      fail(at, `${type} is not expected in this document`);
  }
}
