import type { DocumentKind } from '../../../contracts/documents';

/** How the form asks for a field and how the A4 view shows it (the schema says what is allowed). */
export type FieldKind = 'date' | 'yesNo' | 'short' | 'long' | 'adl';

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
};

export function fieldKind(field: string): FieldKind {
  return kinds[field] ?? 'long';
}

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
