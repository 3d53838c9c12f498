import { describe, expect, it } from 'vitest';
import {
  type Breakage,
  build,
  codeOf,
  composition,
  entriesOf,
  expectRefused,
  fullReferral,
  input,
  minimalReferral,
  sectionOf,
  structuredOf,
} from '../../../../test/support/document-fhir';
import type { FhirJson as Json } from '../../../../test/support/fhir';
import { checkDocumentBundle } from './document-fhir-check';

// The 紹介状 (JP-CLINS eReferral) export; the frame all kinds share: document-fhir.test.ts.

describe('FHIR 紹介状: coded entries and the JP-CLINS shape', () => {
  it.each([
    ['every field', fullReferral],
    ['the required fields only', minimalReferral],
  ])('紹介状, %s passes the check', (_, content) => {
    expect(checkDocumentBundle(build('referral_letter', content), 'referral_letter')).toEqual([]);
  });

  it('codes each line of 傷病名 as a Condition with text only, and 紹介先 as Organization and Practitioner', () => {
    const bundle = build('referral_letter', fullReferral);
    const problems = entriesOf(bundle, '340');
    expect(problems.map((c) => c.resourceType)).toEqual(['Condition', 'Condition']);
    expect(problems.map((c) => c.code)).toEqual([{ text: '慢性心不全' }, { text: '2型糖尿病' }]);
    const patientUrl = composition(bundle).subject.reference;
    expect(problems.every((c) => c.subject.reference === patientUrl)).toBe(true);
    expect(entriesOf(bundle, '510').map((a) => a.code.text)).toEqual([
      'ペニシリン系抗菌薬（発疹）',
      '造影剤',
    ]);
    expect(entriesOf(bundle, '910').map((r) => [r.resourceType, r.name?.[0]?.text ?? r.name])).toEqual([
      ['Organization', '目黒訪問クリニック'],
      ['Practitioner', '在宅 一郎 先生'],
    ]);
    expect(sectionOf(bundle, '910').title).toBe('紹介先情報');
    expect(sectionOf(bundle, '340').code.coding[0].display).toBe('傷病名・主訴セクション');
    const c = composition(bundle);
    expect(c.meta.profile).toEqual([
      'http://jpfhir.jp/fhir/eReferral/StructureDefinition/JP_Composition_eReferral',
    ]);
    expect(c.event).toEqual([{ code: { text: '診療情報提供書発行' }, period: { start: '2026-11-20' } }]);
    expect(c.category[0].coding[0].code).toBe('OUTPATIENT');
    const ofCase = build('referral_letter', fullReferral, {
      document: { ...input('referral_letter', {}).document, caseId: 'c1' },
    });
    expect(composition(ofCase).category[0].coding[0].code).toBe('DISCHARGE');
  });

  it('leaves a section without entries when the field is empty, and says nilknown when it says なし', () => {
    const empty = build('referral_letter', minimalReferral);
    expect(sectionOf(empty, '510').entry).toBeUndefined();
    expect(sectionOf(empty, '510').emptyReason).toBeUndefined();
    expect(sectionOf(empty, '510').text.div).toContain('記載なし');
    expect(sectionOf(empty, '910').entry).toHaveLength(1);

    const none = build('referral_letter', { ...minimalReferral, allergies: 'なし' });
    expect(sectionOf(none, '510').entry).toBeUndefined();
    expect(sectionOf(none, '510').emptyReason.coding[0].code).toBe('nilknown');
    expect(none.entry.some((e) => e.resource.resourceType === 'AllergyIntolerance')).toBe(false);
    expect(checkDocumentBundle(none, 'referral_letter')).toEqual([]);
  });

  it('writes 現病歴 as section 360, the code the CLINS CodeSystem has, and the check holds it to 360', () => {
    const bundle = build('referral_letter', fullReferral);
    const structured = structuredOf(bundle);
    expect(structured.section.map(codeOf)).toEqual(['950', '340', '360', '510']);
    expect(sectionOf(bundle, '360').text.div).toContain('現病歴: 11月に心不全の増悪で入院。');
    const renamed = structuredClone(bundle) as Json;
    structuredOf(renamed).section.find((s: Json) => codeOf(s) === '360').code.coding[0].code = '362';
    expect(checkDocumentBundle(renamed, 'referral_letter')).toContainEqual(
      expect.stringContaining('362 is not in the CLINS section CodeSystem'),
    );
  });
});

describe('the check refuses a broken 紹介状', () => {
  const referral = build('referral_letter', fullReferral);

  it.each<Breakage>([
    ['not a document', (b) => (b.type = 'collection'), 'Bundle.type: must be document'],
    ['no identifier', (b) => delete b.identifier, 'Bundle.identifier: needs a value'],
    ['no Bundle profile', (b) => delete b.meta.profile, 'Bundle.meta.profile'],
    ['the Composition not first', (b) => b.entry.reverse(), 'Bundle.entry[0]: must be the Composition'],
    [
      'a reference to nothing',
      (b) => (b.entry[0].resource.custodian = { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' }),
      'does not resolve inside the Bundle',
    ],
    ['one author only', (b) => b.entry[0].resource.author.pop(), 'Composition.author: needs 2..3 (has 1)'],
    [
      'a category from doc-typecodes',
      (b) =>
        (b.entry[0].resource.category = [
          { coding: [{ system: 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes', code: '57133-1' }] },
        ]),
      'Composition.category',
    ],
    [
      'a referral without its issue event',
      (b) => delete b.entry[0].resource.event,
      'Composition.event: needs one event',
    ],
    [
      '傷病名 without a Condition',
      (b) => delete structuredOf(b).section.find((x: Json) => codeOf(x) === '340').entry,
      'section[340].entry: needs 1..* (has 0)',
    ],
    [
      '紹介元 without its Organization',
      (b) => b.entry[0].resource.section[0].entry.pop(),
      'section[920].entry: needs a Organization',
    ],
    [
      'an emptyReason beside entries',
      (b) => (structuredOf(b).section.find((x: Json) => codeOf(x) === '510').emptyReason = { text: 'なし' }),
      '(cmp-2)',
    ],
    [
      'a section title that is not the CodeSystem’s',
      (b) => (b.entry[0].resource.section[1].title = '紹介先'),
      'section[910].title: must be 紹介先情報',
    ],
    [
      'a section code from nowhere',
      (b) => (structuredOf(b).section[0].code.coding[0].code = '999'),
      '999 is not in the CLINS section CodeSystem',
    ],
    [
      'a Condition without its subject',
      (b) => delete b.entry.find((e: Json) => e.resource.resourceType === 'Condition').resource.subject,
      '(Condition).subject: must reference the Patient',
    ],
    [
      'an allergy without clinicalStatus',
      (b) =>
        delete b.entry.find((e: Json) => e.resource.resourceType === 'AllergyIntolerance').resource
          .clinicalStatus,
      'clinicalStatus: is required (ait-1)',
    ],
    [
      'a JP_Organization_eCS without its 医療機関コード',
      (b) => {
        const org = b.entry.find((e: Json) => e.resource.resourceType === 'Organization').resource;
        org.meta.profile.push('http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Organization_eCS');
      },
      'JP_Organization_eCS needs one 10-digit insurance-medical-institution-no',
    ],
  ])('%s', (_, breakIt, expected) => {
    expectRefused(referral, 'referral_letter', breakIt, expected);
  });
});
