import { describe, expect, it } from 'vitest';
import {
  build,
  composition,
  fullDischarge,
  fullNursing,
  fullReferral,
  input,
  resolve,
  sectionOf,
} from '../../../../test/support/document-fhir';
import type { FhirJson as Json } from '../../../../test/support/fhir';
import { checkDocumentBundle } from './document-fhir-check';
import { saysNone, textLines } from './document-fhir-resources';

// What every kind of document Bundle shares: the narrative, Patient/Practitioner/Organization, the
// code systems, the check's own robustness, and how a field becomes lines. One file per kind beside it:
// document-fhir.referral.test.ts, document-fhir.discharge-summary.test.ts, document-fhir.nursing-summary.test.ts.

describe('FHIR document Bundles of every kind', () => {
  it('writes the narrative in the form’s words, one line per line of the field', () => {
    const nursing = build('nursing_summary', fullNursing);
    expect(sectionOf(nursing, 'admission').text.div).toContain('<p>入院日: 2026-11-01</p>');
    expect(sectionOf(nursing, 'skin').text.div).toContain('<p>褥瘡: なし</p>');
    expect(sectionOf(nursing, 'nutrition').text.div).toContain('<p>義歯: あり</p>');
    expect(sectionOf(nursing, 'adl').text.div).toContain('<p>ADL: 移動（屋内）: 見守り、');
    expect(sectionOf(nursing, 'medications').text.div).toContain(
      '<p>薬剤: フロセミド錠 20mg 朝<br/>エナラプリル錠 5mg 朝</p>',
    );
    // no field is named by its key
    for (const key of ['pressureUlcer', 'dentures', 'admittedOn', 'medications']) {
      expect(JSON.stringify(composition(nursing).section)).not.toContain(`${key}:`);
    }
    const letter = build('referral_letter', { ...fullReferral, remarks: 'a < b & "c"' });
    expect(sectionOf(letter, '950').text.div).toContain('<p>備考: a &lt; b &amp; &quot;c&quot;</p>');
  });

  it('writes Patient, Practitioner and Organization in the JP-Core shape', () => {
    const bundle = build('referral_letter', fullReferral);
    const patient = resolve(bundle, composition(bundle).subject.reference);
    expect(patient.meta.profile).toEqual(['http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient']);
    expect(patient.name).toEqual([
      expect.objectContaining({ text: '退院 テスト', family: '退院', given: ['テスト'] }),
      expect.objectContaining({ text: 'たいいん てすと', family: 'たいいん', given: ['てすと'] }),
    ]);
    expect(patient.name.map((n: Json) => n.extension[0].valueCode)).toEqual(['IDE', 'SYL']);
    expect(patient.address).toEqual([{ use: 'home', text: '目黒一丁目2-3', line: ['目黒一丁目', '2-3'] }]);
    const unsplit = build('referral_letter', fullReferral, {
      patient: {
        ...input('referral_letter', {}).patient,
        name: '退院テスト',
        addressTown: null,
        addressDetail: null,
      },
    });
    const p = resolve(unsplit, composition(unsplit).subject.reference);
    expect(p.name[0]).not.toHaveProperty('family');
    expect(p.address).toBeUndefined();
    const [practitioner, organisation] = composition(bundle).author.map((a: Json) =>
      resolve(bundle, a.reference),
    );
    expect(practitioner.meta.profile).toEqual([
      'http://jpfhir.jp/fhir/core/StructureDefinition/JP_Practitioner',
    ]);
    expect(organisation.meta.profile).toEqual([
      'http://jpfhir.jp/fhir/core/StructureDefinition/JP_Organization',
    ]);
    expect(organisation.identifier).toBeUndefined();

    // with the directory's 10-digit 医療機関コード the author's Organization is a JP_Organization_eCS
    const coded = build('discharge_summary', fullDischarge, {
      organisation: {
        id: 'o1',
        name: '目黒中央病院',
        medicalInstitutionCode: '1310000001',
        address: '東京都目黒区目黒一丁目1-1',
        phone: '03-0000-0001',
      },
    });
    const org = resolve(coded, composition(coded).custodian.reference);
    expect(org).toMatchObject({
      meta: {
        profile: [
          'http://jpfhir.jp/fhir/core/StructureDefinition/JP_Organization',
          'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Organization_eCS',
        ],
      },
      identifier: [
        {
          system: 'http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no',
          value: '1310000001',
        },
      ],
      address: [{ text: '東京都目黒区目黒一丁目1-1' }],
      telecom: [{ system: 'phone', value: '03-0000-0001', use: 'work' }],
    });
    expect(checkDocumentBundle(coded, 'discharge_summary')).toEqual([]);
    // a code of another shape keeps the identifier but claims JP-Core only
    const short = build('discharge_summary', fullDischarge, {
      organisation: { id: 'o1', name: '目黒中央病院', medicalInstitutionCode: '1234567' },
    });
    expect(resolve(short, composition(short).custodian.reference).meta.profile).toHaveLength(1);
  });

  it('never makes up a code: every coding is from a system we name, and clinical entries carry text only', () => {
    const allowed = new Set([
      'http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes',
      'http://jpfhir.jp/fhir/Common/CodeSystem/doc-subtypecodes',
      'http://jpfhir.jp/fhir/clins/CodeSystem/document-section',
      'urn:zaitaku:fhir:CodeSystem:document-type',
      'urn:zaitaku:fhir:CodeSystem:nursing-summary-section',
      'http://terminology.hl7.org/CodeSystem/condition-category',
      'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
      'http://terminology.hl7.org/CodeSystem/v3-ActCode',
      'http://terminology.hl7.org/CodeSystem/list-empty-reason',
      // ours, for the 看護サマリー's ADL grid and 退院先 (docs/fhir.md)
      'urn:zaitaku:fhir:CodeSystem:adl-item',
      'urn:zaitaku:fhir:CodeSystem:adl-score',
      'urn:zaitaku:fhir:CodeSystem:discharge-destination',
    ]);
    const systems = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'coding') for (const c of x as Json[]) systems.add(c.system);
          walk(x);
        }
      }
    };
    for (const [kind, content] of [
      ['referral_letter', fullReferral],
      ['discharge_summary', fullDischarge],
      ['nursing_summary', fullNursing],
    ] as const) {
      const bundle = build(kind, content);
      walk(bundle);
      for (const { resource } of bundle.entry) {
        if (['Condition', 'AllergyIntolerance'].includes(resource.resourceType)) {
          expect((resource as Json).code.coding).toBeUndefined();
        }
        if (resource.resourceType.startsWith('Medication')) {
          expect((resource as Json).medicationCodeableConcept.coding).toBeUndefined();
        }
      }
    }
    expect([...systems].filter((s) => !allowed.has(s))).toEqual([]);
  });
});

describe('the check on anything', () => {
  const referral = build('referral_letter', fullReferral);

  it('answers a problem, not an exception, for anything that is not a Bundle', () => {
    expect(checkDocumentBundle(null, 'referral_letter')).toEqual(['Bundle: not a Bundle resource']);
    expect(
      checkDocumentBundle({ resourceType: 'Bundle', type: 'document', entry: [] }, 'nursing_summary'),
    ).toContain('Bundle.entry: is empty');
    expect(checkDocumentBundle(referral, 'discharge_summary').length).toBeGreaterThan(0);
  });
});

describe('lines and なし', () => {
  it('splits a field into lines without bullets or blank lines', () => {
    expect(textLines('・慢性心不全\n\n 2) 2型糖尿病 \r\n③ 高血圧\n- 脂質異常症')).toEqual([
      '慢性心不全',
      '2型糖尿病',
      '高血圧',
      '脂質異常症',
    ]);
    expect(textLines('')).toEqual([]);
    expect(textLines(null)).toEqual([]);
    // a number that is part of the name stays
    expect(textLines('5-FU 投与中')).toEqual(['5-FU 投与中']);
  });
  it('reads なし, 特になし and 特記事項なし as nothing to list, and nothing else', () => {
    for (const none of ['なし', '特になし', '特記事項なし', '無し。'])
      expect(saysNone(none), none).toBe(true);
    for (const some of ['', 'ペニシリン', 'なしではない', '卵アレルギーなし、乳あり'])
      expect(saysNone(some), some).toBe(false);
  });
});
