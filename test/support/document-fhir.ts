import { expect } from 'vitest';
import {
  DischargeSummaryContent,
  type DocumentKind,
  NursingSummaryContent,
  ReferralLetterContent,
} from '../../src/contracts/documents';
import { demoNursingSummary } from '../../src/server/modules/documents/demo.seed';
import {
  type BundleInput,
  buildDocumentBundle,
  type FhirBundle,
} from '../../src/server/modules/documents/document-fhir';
import { checkDocumentBundle } from '../../src/server/modules/documents/document-fhir-check';
import type { FhirJson as Json } from './fhir';

/**
 * The forms and helpers the unit tests of the FHIR export share (document-fhir.<kind>.test.ts):
 * one form with every field and one with the required fields only per kind, a Bundle built from
 * them, and the paths into it.
 */

export const fullReferral = ReferralLetterContent.parse({
  toInstitution: '目黒訪問クリニック',
  toDoctor: '在宅 一郎 先生',
  purpose: '退院後の訪問診療をお願いします。',
  diagnosis: '慢性心不全\n・2型糖尿病\n',
  presentIllness: '11月に心不全の増悪で入院。',
  allergies: 'ペニシリン系抗菌薬（発疹）\n造影剤',
  remarks: '独居。長女が週末に訪問。',
});
export const minimalReferral = ReferralLetterContent.parse({
  toInstitution: '目黒訪問クリニック',
  purpose: '訪問診療の依頼',
  diagnosis: '慢性心不全',
});
export const fullDischarge = DischargeSummaryContent.parse({
  admittedOn: '2026-11-01',
  dischargedOn: '2026-11-20',
  destination: 'home',
  admissionDetails: '救急外来から入院',
  admissionDiagnosis: '慢性心不全の急性増悪',
  chiefComplaint: '息切れ\n下肢のむくみ',
  admissionReason: '心不全の増悪',
  presentIllness: '10月末から労作時の息切れ。',
  hospitalCourse: '利尿薬で改善。\n第10病日に酸素終了。',
  dischargeDetails: '自宅へ独歩で退院',
  dischargeDiagnosis: '慢性心不全\n2型糖尿病',
  dischargeMedications: '1. フロセミド錠 20mg 1日1回 朝食後\n2. エナラプリル錠 5mg 1日1回 朝食後',
  dischargePlan: '2週間後に外来受診。体重が2kg増えたら連絡。',
  allergies: '特になし',
});
export const minimalDischarge = DischargeSummaryContent.parse({
  admittedOn: '2026-11-01',
  dischargedOn: '2026-11-20',
  admissionDiagnosis: '肺炎',
  hospitalCourse: '抗菌薬で改善。',
  dischargeDiagnosis: '肺炎（治癒）',
});
export const fullNursing = NursingSummaryContent.parse({
  ...demoNursingSummary,
  admittedOn: '2026-11-01',
  dischargeOn: '2026-11-20',
  medications: 'フロセミド錠 20mg 朝\nエナラプリル錠 5mg 朝',
  allergies: 'ペニシリン',
});
export const minimalNursing = NursingSummaryContent.parse({});

export const input = (
  kind: DocumentKind,
  content: Record<string, unknown>,
  extra: Partial<BundleInput> = {},
) =>
  ({
    document: {
      id: '7b1d7c1e-4f0a-4d44-9a55-0c6f3c2a9f01',
      kind,
      title: kind === 'nursing_summary' ? '看護サマリー' : '',
      version: 2,
      municipalityCode: '131105',
      caseId: null,
    },
    content,
    savedAt: new Date('2026-11-20T06:30:00.000Z'),
    patient: {
      id: '5d0c7a2e-1111-4c3b-8a0a-2b9e8f7d6c5b',
      name: '退院 テスト',
      nameKana: 'たいいん てすと',
      birthDate: '1940-04-01',
      sex: 'female',
      addressTown: '目黒一丁目',
      addressDetail: '2-3',
    },
    author: { userId: 'u1', name: '病院 花子' },
    organisation: { id: 'o1', name: '目黒中央病院' },
    now: new Date('2026-11-25T01:00:00.000Z'),
    ...extra,
  }) satisfies BundleInput;

export const build = (
  kind: DocumentKind,
  content: Record<string, unknown>,
  extra: Partial<BundleInput> = {},
) => buildDocumentBundle(input(kind, content, extra)) as FhirBundle & Json;

export const resolve = (bundle: FhirBundle, reference: string) =>
  bundle.entry.find((e) => e.fullUrl === reference)?.resource as Json;
export const codeOf = (s: Json) => s.code.coding[0].code as string;
export const composition = (bundle: FhirBundle) => bundle.entry[0]?.resource as Json;
/** The section with `code`, at any depth. */
function findSection(sections: Json[], code: string): Json | undefined {
  for (const s of sections) {
    if (codeOf(s) === code) return s;
    const inner = s.section ? findSection(s.section, code) : undefined;
    if (inner) return inner;
  }
  return undefined;
}
export const sectionOf = (bundle: FhirBundle, code: string) =>
  findSection(composition(bundle).section, code) as Json;
export const entriesOf = (bundle: FhirBundle, code: string) =>
  ((sectionOf(bundle, code)?.entry ?? []) as Array<{ reference: string }>).map((e) =>
    resolve(bundle, e.reference),
  );
/** A deep copy to break on purpose. */
export const copy = (bundle: FhirBundle) => structuredClone(bundle) as Json;
/** The 300 構造情報 section of a (copied) CLINS Bundle. */
export const structuredOf = (b: Json) => b.entry[0].resource.section.find((s: Json) => codeOf(s) === '300');

/** One way to break a valid Bundle: its name, how, and (part of) the problem the check must report. */
export type Breakage = [string, (b: Json) => void, string];

/** The check passes `source`, and reports `expected` once `breakIt` has broken a copy of it. */
export function expectRefused(
  source: FhirBundle,
  kind: DocumentKind,
  breakIt: (b: Json) => void,
  expected: string,
) {
  expect(checkDocumentBundle(source, kind)).toEqual([]);
  const broken = copy(source);
  breakIt(broken);
  expect(checkDocumentBundle(broken, kind)).toContainEqual(expect.stringContaining(expected));
}
