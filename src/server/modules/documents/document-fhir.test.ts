import { describe, expect, it } from 'vitest';
import type { FhirJson as Json } from '../../../../test/support/fhir';
import {
  DischargeSummaryContent,
  type DocumentKind,
  NursingSummaryContent,
  ReferralLetterContent,
} from '../../../contracts/documents';
import { demoNursingSummary } from './demo.seed';
import { type BundleInput, buildDocumentBundle, type FhirBundle } from './document-fhir';
import { checkDocumentBundle } from './document-fhir-check';
import { saysNone, textLines } from './document-fhir-resources';

const fullReferral = ReferralLetterContent.parse({
  toInstitution: '目黒訪問クリニック',
  toDoctor: '在宅 一郎 先生',
  purpose: '退院後の訪問診療をお願いします。',
  diagnosis: '慢性心不全\n・2型糖尿病\n',
  presentIllness: '11月に心不全の増悪で入院。',
  allergies: 'ペニシリン系抗菌薬（発疹）\n造影剤',
  remarks: '独居。長女が週末に訪問。',
});
const minimalReferral = ReferralLetterContent.parse({
  toInstitution: '目黒訪問クリニック',
  purpose: '訪問診療の依頼',
  diagnosis: '慢性心不全',
});
const fullDischarge = DischargeSummaryContent.parse({
  admittedOn: '2026-11-01',
  dischargedOn: '2026-11-20',
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
const minimalDischarge = DischargeSummaryContent.parse({
  admittedOn: '2026-11-01',
  dischargedOn: '2026-11-20',
  admissionDiagnosis: '肺炎',
  hospitalCourse: '抗菌薬で改善。',
  dischargeDiagnosis: '肺炎（治癒）',
});
const fullNursing = NursingSummaryContent.parse({
  ...demoNursingSummary,
  admittedOn: '2026-11-01',
  dischargeOn: '2026-11-20',
  medications: 'フロセミド錠 20mg 朝\nエナラプリル錠 5mg 朝',
  allergies: 'ペニシリン',
});
const minimalNursing = NursingSummaryContent.parse({});

const input = (kind: DocumentKind, content: Record<string, unknown>, extra: Partial<BundleInput> = {}) =>
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

const build = (kind: DocumentKind, content: Record<string, unknown>, extra: Partial<BundleInput> = {}) =>
  buildDocumentBundle(input(kind, content, extra)) as FhirBundle & Json;

const resolve = (bundle: FhirBundle, reference: string) =>
  bundle.entry.find((e) => e.fullUrl === reference)?.resource as Json;
const codeOf = (s: Json) => s.code.coding[0].code as string;
const composition = (bundle: FhirBundle) => bundle.entry[0]?.resource as Json;
/** The section with `code`, at any depth. */
function findSection(sections: Json[], code: string): Json | undefined {
  for (const s of sections) {
    if (codeOf(s) === code) return s;
    const inner = s.section ? findSection(s.section, code) : undefined;
    if (inner) return inner;
  }
  return undefined;
}
const sectionOf = (bundle: FhirBundle, code: string) =>
  findSection(composition(bundle).section, code) as Json;
const entriesOf = (bundle: FhirBundle, code: string) =>
  ((sectionOf(bundle, code)?.entry ?? []) as Array<{ reference: string }>).map((e) =>
    resolve(bundle, e.reference),
  );
/** A deep copy to break on purpose. */
const copy = (bundle: FhirBundle) => structuredClone(bundle) as Json;

describe('FHIR document Bundles: coded entries and the JP-CLINS shape', () => {
  const cases: Array<[string, DocumentKind, Record<string, unknown>]> = [
    ['紹介状, every field', 'referral_letter', fullReferral],
    ['紹介状, the required fields only', 'referral_letter', minimalReferral],
    ['退院時サマリー, every field', 'discharge_summary', fullDischarge],
    ['退院時サマリー, the required fields only', 'discharge_summary', minimalDischarge],
    ['看護サマリー, every field', 'nursing_summary', fullNursing],
    ['看護サマリー, an empty form', 'nursing_summary', minimalNursing],
  ];
  it.each(cases)('%s passes the check', (_, kind, content) => {
    expect(checkDocumentBundle(build(kind, content), kind)).toEqual([]);
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

  it('codes the 看護サマリー’s diagnosis, medicines (as told, not ordered) and allergies', () => {
    const bundle = build('nursing_summary', fullNursing);
    expect(entriesOf(bundle, 'admission').map((x) => x.code.text)).toEqual(['心不全の増悪（架空・デモ）']);
    expect(
      entriesOf(bundle, 'medications').map((m) => [m.resourceType, m.medicationCodeableConcept.text]),
    ).toEqual([
      ['MedicationStatement', 'フロセミド錠 20mg 朝'],
      ['MedicationStatement', 'エナラプリル錠 5mg 朝'],
    ]);
    expect(entriesOf(bundle, 'allergies').map((a) => a.code.text)).toEqual(['ペニシリン']);
    expect(entriesOf(bundle, 'adl')).toEqual([]);
    expect(composition(bundle).meta).toBeUndefined();
    expect(bundle.meta.profile).toBeUndefined();
  });

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

describe('the check refuses a broken Bundle', () => {
  const referral = build('referral_letter', fullReferral);
  const discharge = build('discharge_summary', fullDischarge);
  const nursing = build('nursing_summary', fullNursing);
  const problemsOf = (bundle: Json, kind: DocumentKind) => checkDocumentBundle(bundle, kind);
  const structuredOf = (b: Json) => b.entry[0].resource.section.find((s: Json) => codeOf(s) === '300');

  it.each<[string, DocumentKind, (b: Json) => void, string]>([
    ['not a document', 'referral_letter', (b) => (b.type = 'collection'), 'Bundle.type: must be document'],
    ['no identifier', 'referral_letter', (b) => delete b.identifier, 'Bundle.identifier: needs a value'],
    ['no timestamp', 'discharge_summary', (b) => delete b.timestamp, 'Bundle.timestamp'],
    ['no Bundle profile', 'referral_letter', (b) => delete b.meta.profile, 'Bundle.meta.profile'],
    [
      'the Composition not first',
      'referral_letter',
      (b) => b.entry.reverse(),
      'Bundle.entry[0]: must be the Composition',
    ],
    [
      'a fullUrl that is no urn:uuid',
      'nursing_summary',
      (b) => (b.entry[1].fullUrl = 'Patient/1'),
      'must be an urn:uuid',
    ],
    [
      'a reference to nothing',
      'referral_letter',
      (b) => (b.entry[0].resource.custodian = { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' }),
      'does not resolve inside the Bundle',
    ],
    [
      'the wrong document type',
      'discharge_summary',
      (b) => (b.entry[0].resource.type.coding[0].code = '57133-1'),
      'Composition.type: must be one coding',
    ],
    ['a draft', 'nursing_summary', (b) => (b.entry[0].resource.status = 'preliminary'), 'Composition.status'],
    [
      'one author only',
      'referral_letter',
      (b) => b.entry[0].resource.author.pop(),
      'Composition.author: needs 2..3 (has 1)',
    ],
    [
      'a category from doc-typecodes',
      'referral_letter',
      (b) =>
        (b.entry[0].resource.category = [
          { coding: [{ system: 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes', code: '57133-1' }] },
        ]),
      'Composition.category',
    ],
    [
      'no discharge date',
      'discharge_summary',
      (b) => delete b.entry[0].resource.event[0].period.end,
      'Composition.event.period.end',
    ],
    [
      'a referral without its issue event',
      'referral_letter',
      (b) => delete b.entry[0].resource.event,
      'Composition.event: needs one event',
    ],
    [
      'a required section missing',
      'discharge_summary',
      (b) => {
        const s = structuredOf(b);
        s.section = s.section.filter((x: Json) => codeOf(x) !== '344');
      },
      'section[344]: needs 1..1 (has 0)',
    ],
    [
      '傷病名 without a Condition',
      'referral_letter',
      (b) => delete structuredOf(b).section.find((x: Json) => codeOf(x) === '340').entry,
      'section[340].entry: needs 1..* (has 0)',
    ],
    [
      'a MedicationRequest under 入院時診断',
      'discharge_summary',
      (b) => {
        const s = structuredOf(b).section;
        s.find((x: Json) => codeOf(x) === '342').entry.push(
          s.find((x: Json) => codeOf(x) === '444').entry[0],
        );
      },
      'section[342].entry[1]: must be Condition (is MedicationRequest)',
    ],
    [
      '紹介元 without its Organization',
      'referral_letter',
      (b) => b.entry[0].resource.section[0].entry.pop(),
      'section[920].entry: needs a Organization',
    ],
    [
      'an emptyReason beside entries',
      'referral_letter',
      (b) => (structuredOf(b).section.find((x: Json) => codeOf(x) === '510').emptyReason = { text: 'なし' }),
      '(cmp-2)',
    ],
    [
      'text on the 構造情報 section',
      'discharge_summary',
      (b) =>
        (structuredOf(b).text = { status: 'additional', div: '<div xmlns="http://www.w3.org/1999/xhtml"/>' }),
      'section[300].text: must be absent',
    ],
    [
      'a section title that is not the CodeSystem’s',
      'referral_letter',
      (b) => (b.entry[0].resource.section[1].title = '紹介先'),
      'section[910].title: must be 紹介先情報',
    ],
    [
      'a section code from nowhere',
      'referral_letter',
      (b) => (structuredOf(b).section[0].code.coding[0].code = '999'),
      '999 is not in the CLINS section CodeSystem',
    ],
    [
      'a Condition without its subject',
      'referral_letter',
      (b) => delete b.entry.find((e: Json) => e.resource.resourceType === 'Condition').resource.subject,
      '(Condition).subject: must reference the Patient',
    ],
    [
      'an allergy without clinicalStatus',
      'referral_letter',
      (b) =>
        delete b.entry.find((e: Json) => e.resource.resourceType === 'AllergyIntolerance').resource
          .clinicalStatus,
      'clinicalStatus: is required (ait-1)',
    ],
    [
      'a MedicationRequest without intent',
      'discharge_summary',
      (b) =>
        delete b.entry.find((e: Json) => e.resource.resourceType === 'MedicationRequest').resource.intent,
      '(MedicationRequest).intent: must be one of',
    ],
    [
      'a Patient without identifier',
      'nursing_summary',
      (b) => delete b.entry.find((e: Json) => e.resource.resourceType === 'Patient').resource.identifier,
      '(Patient).identifier: needs a value',
    ],
    [
      'a JP_Organization_eCS without its 医療機関コード',
      'referral_letter',
      (b) => {
        const org = b.entry.find((e: Json) => e.resource.resourceType === 'Organization').resource;
        org.meta.profile.push('http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Organization_eCS');
      },
      'JP_Organization_eCS needs one 10-digit insurance-medical-institution-no',
    ],
    [
      'a nursing heading missing',
      'nursing_summary',
      (b) => b.entry[0].resource.section.pop(),
      'section[care-methods]: needs 1..1 (has 0)',
    ],
    [
      'an entry under a narrative-only nursing heading',
      'nursing_summary',
      (b) => (b.entry[0].resource.section[1].entry = [{ reference: b.entry[1].fullUrl }]),
      'section[adl].entry: needs 0..0 (has 1)',
    ],
  ])('%s', (_, kind, breakIt, expected) => {
    const source = kind === 'referral_letter' ? referral : kind === 'discharge_summary' ? discharge : nursing;
    expect(problemsOf(source, kind)).toEqual([]);
    const broken = copy(source);
    breakIt(broken);
    expect(problemsOf(broken, kind)).toContainEqual(expect.stringContaining(expected));
  });

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
