import type { DocumentKind } from '../../../contracts/documents';

/** How the form asks for a field and how the A4 view shows it (the schema says what is allowed). */
export type FieldKind = 'date' | 'yesNo' | 'short' | 'long' | 'adl' | 'destination';

const kinds: Record<string, FieldKind> = {
  admittedOn: 'date',
  dischargeOn: 'date',
  dischargedOn: 'date',
  pressureUlcer: 'yesNo',
  thickening: 'yesNo',
  choking: 'yesNo',
  dentures: 'yesNo',
  paralysis: 'short',
  dietForm: 'short',
  oralCare: 'short',
  toInstitution: 'short',
  toDoctor: 'short',
  adl: 'adl',
  destination: 'destination',
};

export function fieldKind(field: string): FieldKind {
  return kinds[field] ?? 'long';
}

/** What the schema fills in when the form leaves a field unset (the form shows it preselected). */
export const fieldDefaults: Record<DocumentKind, Readonly<Record<string, unknown>>> = {
  nursing_summary: { destination: 'home' },
  referral_letter: {},
  discharge_summary: {},
};

/** The fields the schema requires, marked in the form (the server refuses without them). */
export const requiredFields: Record<DocumentKind, readonly string[]> = {
  nursing_summary: [],
  referral_letter: ['toInstitution', 'purpose', 'diagnosis'],
  discharge_summary: [
    'admittedOn',
    'dischargedOn',
    'admissionDiagnosis',
    'hospitalCourse',
    'dischargeDiagnosis',
  ],
};
