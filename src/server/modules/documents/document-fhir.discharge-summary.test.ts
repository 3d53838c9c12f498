import { describe, expect, it } from 'vitest';
import {
  type Breakage,
  build,
  codeOf,
  composition,
  entriesOf,
  expectRefused,
  fullDischarge,
  minimalDischarge,
  resolve,
  sectionOf,
  structuredOf,
} from '../../../../test/support/document-fhir';
import type { FhirJson as Json } from '../../../../test/support/fhir';
import { checkDocumentBundle } from './document-fhir-check';

// The 退院時サマリー (JP-CLINS eDischargeSummary) export; the frame all kinds share: document-fhir.test.ts.

describe('FHIR 退院時サマリー: coded entries and the JP-CLINS shape', () => {
  it.each([
    ['every field', fullDischarge],
    ['the required fields only', minimalDischarge],
  ])('退院時サマリー, %s passes the check', (_, content) => {
    expect(checkDocumentBundle(build('discharge_summary', content), 'discharge_summary')).toEqual([]);
  });

  it('gives the 退院時サマリー its stay, diagnoses, course, discharge medications and plan as entries', () => {
    const bundle = build('discharge_summary', fullDischarge);
    const c = composition(bundle);
    const stay = resolve(bundle, c.encounter.reference);
    expect(stay).toMatchObject({
      resourceType: 'Encounter',
      status: 'finished',
      class: { code: 'IMP' },
      period: { start: '2026-11-01', end: '2026-11-20' },
      reasonCode: [{ text: '心不全の増悪' }],
    });
    for (const code of ['322', '312', '324']) {
      expect(sectionOf(bundle, code).entry).toEqual([{ reference: c.encounter.reference }]);
    }
    expect(entriesOf(bundle, '342').map((x) => x.code.text)).toEqual(['慢性心不全の急性増悪']);
    expect(entriesOf(bundle, '344').map((x) => x.code.text)).toEqual(['慢性心不全', '2型糖尿病']);
    expect(entriesOf(bundle, '344')[0]?.category[0].coding[0].code).toBe('encounter-diagnosis');
    expect(entriesOf(bundle, '352').map((x) => [x.code.text, x.category])).toEqual([
      ['息切れ', undefined],
      ['下肢のむくみ', undefined],
    ]);
    const [course] = entriesOf(bundle, '333');
    expect(course?.resourceType).toBe('DocumentReference');
    expect(Buffer.from(course?.content[0].attachment.data, 'base64').toString('utf8')).toBe(
      fullDischarge.hospitalCourse,
    );
    expect(
      entriesOf(bundle, '444').map((m) => [m.resourceType, m.intent, m.medicationCodeableConcept]),
    ).toEqual([
      ['MedicationRequest', 'order', { text: 'フロセミド錠 20mg 1日1回 朝食後' }],
      ['MedicationRequest', 'order', { text: 'エナラプリル錠 5mg 1日1回 朝食後' }],
    ]);
    expect(entriesOf(bundle, '424').map((p) => p.description)).toEqual([fullDischarge.dischargePlan]);
    expect(sectionOf(bundle, '510').emptyReason.coding[0].code).toBe('nilknown');
    expect(c.event).toEqual([{ period: { start: '2026-11-01', end: '2026-11-20' } }]);

    const minimal = build('discharge_summary', minimalDischarge);
    expect(sectionOf(minimal, '312').entry).toBeUndefined();
    expect(sectionOf(minimal, '444').entry).toBeUndefined();
    expect(sectionOf(minimal, '424').entry).toBeUndefined();
    // a summary written before the planned discharge day: the stay is still going on
    const early = build('discharge_summary', minimalDischarge, { now: new Date('2026-11-10T00:00:00Z') });
    expect(resolve(early, composition(early).encounter.reference).status).toBe('in-progress');
  });

  it('writes 現病歴 as section 360 (not 362, which the CodeSystem comments out), and the check holds it to 360', () => {
    const bundle = build('discharge_summary', fullDischarge);
    const codes = structuredOf(bundle).section.map(codeOf);
    expect(codes).toContain('360');
    expect(codes).not.toContain('362');
    expect(sectionOf(bundle, '360').title).toBe('現病歴');
    expect(sectionOf(bundle, '360').text.div).toContain('現病歴: 10月末から労作時の息切れ。');
    const renamed = structuredClone(bundle) as Json;
    structuredOf(renamed).section.find((s: Json) => codeOf(s) === '360').code.coding[0].code = '362';
    const problems = checkDocumentBundle(renamed, 'discharge_summary');
    expect(problems).toContainEqual(expect.stringContaining('362 is not in the CLINS section CodeSystem'));
    expect(problems).toContainEqual(expect.stringContaining('section[360]: needs 1..1 (has 0)'));
  });

  it('writes 退院先 on the stay of 324 退院時詳細 as hospitalization.dischargeDisposition in our code system', () => {
    const bundle = build('discharge_summary', fullDischarge);
    const [stay] = entriesOf(bundle, '324');
    expect(stay?.hospitalization).toEqual({
      dischargeDisposition: {
        coding: [
          { system: 'urn:zaitaku:fhir:CodeSystem:discharge-destination', code: 'home', display: '自宅' },
        ],
        text: '自宅',
      },
    });
    expect(sectionOf(bundle, '324').text.div).toContain('<p>退院先: 自宅</p>');
    const facility = build('discharge_summary', { ...fullDischarge, destination: 'care_facility' });
    expect(entriesOf(facility, '324')[0]?.hospitalization.dischargeDisposition.text).toBe('介護施設');
    expect(checkDocumentBundle(facility, 'discharge_summary')).toEqual([]);
    // a summary that does not say where the patient goes has no dischargeDisposition
    const unsaid = build('discharge_summary', minimalDischarge);
    expect(resolve(unsaid, composition(unsaid).encounter.reference).hospitalization).toBeUndefined();
  });
});

describe('the check refuses a broken 退院時サマリー', () => {
  const discharge = build('discharge_summary', fullDischarge);

  it.each<Breakage>([
    ['no timestamp', (b) => delete b.timestamp, 'Bundle.timestamp'],
    [
      'the wrong document type',
      (b) => (b.entry[0].resource.type.coding[0].code = '57133-1'),
      'Composition.type: must be one coding',
    ],
    [
      'no discharge date',
      (b) => delete b.entry[0].resource.event[0].period.end,
      'Composition.event.period.end',
    ],
    [
      'a required section missing',
      (b) => {
        const s = structuredOf(b);
        s.section = s.section.filter((x: Json) => codeOf(x) !== '344');
      },
      'section[344]: needs 1..1 (has 0)',
    ],
    [
      'a MedicationRequest under 入院時診断',
      (b) => {
        const s = structuredOf(b).section;
        s.find((x: Json) => codeOf(x) === '342').entry.push(
          s.find((x: Json) => codeOf(x) === '444').entry[0],
        );
      },
      'section[342].entry[1]: must be Condition (is MedicationRequest)',
    ],
    [
      'text on the 構造情報 section',
      (b) =>
        (structuredOf(b).text = { status: 'additional', div: '<div xmlns="http://www.w3.org/1999/xhtml"/>' }),
      'section[300].text: must be absent',
    ],
    [
      'a MedicationRequest without intent',
      (b) =>
        delete b.entry.find((e: Json) => e.resource.resourceType === 'MedicationRequest').resource.intent,
      '(MedicationRequest).intent: must be one of',
    ],
    [
      '退院先 in a code system of its own',
      (b) => {
        const stay = b.entry.find((e: Json) => e.resource.resourceType === 'Encounter').resource;
        stay.hospitalization.dischargeDisposition.coding[0].system =
          'http://terminology.hl7.org/CodeSystem/discharge-disposition';
      },
      'hospitalization.dischargeDisposition: must be one coding of urn:zaitaku:fhir:CodeSystem:discharge-destination',
    ],
  ])('%s', (_, breakIt, expected) => {
    expectRefused(discharge, 'discharge_summary', breakIt, expected);
  });
});
