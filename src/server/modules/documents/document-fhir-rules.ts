import {
  adlItems,
  adlScores,
  type DocumentKind,
  dischargeDestinations,
  nursingSummarySections,
} from '../../../contracts/documents';

/** The JP-CLINS shape the check holds a document Bundle to (document-fhir-check.ts): code systems, sections and their entries per kind. */
/** The CLINS section CodeSystem (`http://jpfhir.jp/fhir/clins/CodeSystem/document-section`), name without 「セクション」. */
export const clinsSectionNames: Record<string, string> = {
  '200': 'CDA参照',
  '210': '添付情報',
  '220': '備考・連絡情報',
  '230': 'PDF',
  '300': '構造情報',
  '312': '入院理由',
  '322': '入院時詳細',
  '324': '退院時詳細',
  '330': '臨床経過',
  '333': '入院中経過',
  '340': '傷病名・主訴',
  '342': '入院時診断',
  '344': '退院時診断',
  '352': '主訴',
  // 現病歴 is 360 in every document: 362 (with 372/552/642) is commented out of the CodeSystem
  '360': '現病歴',
  '370': '既往歴',
  '410': '事前指示',
  '420': '診療方針指示',
  '424': '退院時方針指示',
  '430': '投薬指示',
  '432': '入院時服薬',
  '444': '退院時投薬指示',
  '510': 'アレルギー・不耐性反応',
  '520': '感染症情報',
  '530': '予防接種歴',
  '550': '家族歴',
  '610': '身体所見',
  '612': '入院時身体所見',
  '614': '退院時身体所見',
  '620': '検査結果',
  '623': '入院中検査結果',
  '640': '社会歴・生活習慣',
  '713': '入院中治療',
  '720': '処置',
  '730': '手術',
  '740': '輸血歴',
  '810': '医療機器',
  '830': '臨床研究参加',
  '910': '紹介先情報',
  '920': '紹介元情報',
  '950': '紹介目的',
};

export const CLINS_SECTIONS = 'http://jpfhir.jp/fhir/clins/CodeSystem/document-section';
export const NURSING_SECTIONS = 'urn:zaitaku:fhir:CodeSystem:nursing-summary-section';
export const DOC_TYPES = 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes';
export const DOC_SUBTYPES = 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-subtypecodes';
export const BUNDLE_IDS = 'http://jpfhir.jp/fhir/clins/bundle-identifier';
export const RESOURCE_IDS = 'http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier';
export const VERSION_EXTENSION =
  'http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber';
export const ORGANIZATION_ECS = 'http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Organization_eCS';
export const MEDICAL_INSTITUTION_NO = 'http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no';
export const XHTML_DIV = '<div xmlns="http://www.w3.org/1999/xhtml">';

/** Our own code systems (docs/fhir.md): the 看護サマリー's ADL grid and 退院先. */
export const ADL_ITEMS = 'urn:zaitaku:fhir:CodeSystem:adl-item';
export const ADL_SCORES = 'urn:zaitaku:fhir:CodeSystem:adl-score';
export const DISCHARGE_DESTINATIONS = 'urn:zaitaku:fhir:CodeSystem:discharge-destination';
export const destinationCodes: readonly string[] = dischargeDestinations;

/** What a coded entry must say: `code` one coding of `system`, `valueCodeableConcept` one of `valueSystem`. */
export type CodedRule = {
  system: string;
  codes: readonly string[];
  valueSystem: string;
  values: readonly string[];
};

/**
 * How many entries a section holds and of which resource types (`must`: at least one of each;
 * `coded`: what each entry of the resource type `coded.type` must be coded as).
 */
export type EntryRule = {
  types: string[];
  min: number;
  max: number;
  must?: string[];
  coded?: CodedRule & { type: string };
};
export type SectionRule = {
  codes: string[];
  min: number;
  max: number;
  entry?: EntryRule;
  noText?: boolean;
  sections?: SectionRule[];
};

export const MANY = Number.POSITIVE_INFINITY;
/** A cardinality as the profiles write it: 1..1, 0..*. */
export const card = (min: number, max: number) => `${min}..${max === MANY ? '*' : max}`;
export const one = (codes: string | string[], entry?: EntryRule, min = 1): SectionRule => ({
  codes: Array.isArray(codes) ? codes : [codes],
  min,
  max: 1,
  entry,
});
export const optional = (code: string, types: string[]): SectionRule =>
  one(code, { types, min: 0, max: MANY }, 0);
export const refs = (types: string[], min: number, max = MANY, must?: string[]): EntryRule => ({
  types,
  min,
  max,
  must,
});

/** 300 構造情報: required, no text of its own, the clinical sections inside (we write no CDA 200). */
export const structuredSection = (sections: SectionRule[]): SectionRule => ({
  codes: ['300'],
  min: 1,
  max: 1,
  noText: true,
  sections,
});

export const authorOrReferrer = refs(['Organization', 'Practitioner'], 1, 3, ['Organization']);

export type KindRule = {
  clins: boolean;
  type: { system: string; code: string; display?: string };
  title?: string;
  bundleProfile?: string;
  compositionProfile?: string;
  categories?: string[];
  authors: [number, number];
  organisations?: [number, number];
  event?: 'referral' | 'discharge';
  sectionSystem: string;
  sections: SectionRule[];
};

export const kindRules: Record<DocumentKind, KindRule> = {
  // JP_Bundle_eReferral + JP_Composition_eReferral
  referral_letter: {
    clins: true,
    type: { system: DOC_TYPES, code: '57133-1', display: '診療情報提供書' },
    title: '診療情報提供書',
    bundleProfile: 'http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eReferral',
    compositionProfile: 'http://jpfhir.jp/fhir/eReferral/StructureDefinition/JP_Composition_eReferral',
    categories: ['DISCHARGE', 'OUTPATIENT'],
    authors: [2, 3],
    organisations: [2, 4],
    event: 'referral',
    sectionSystem: CLINS_SECTIONS,
    sections: [
      one('920', authorOrReferrer),
      one('910', authorOrReferrer),
      structuredSection([
        one('950', refs(['Encounter'], 0, 1)),
        // 「傷病名・主訴を１個以上必ず記述する」
        one('340', refs(['Condition'], 1)),
        one('360', refs(['Condition'], 0)),
        optional('370', ['Condition']),
        optional('510', ['AllergyIntolerance']),
        optional('430', ['MedicationRequest']),
      ]),
    ],
  },
  // JP_Bundle_eDischargeSummary + JP_Composition_eDischargeSummary
  discharge_summary: {
    clins: true,
    type: { system: DOC_TYPES, code: '18842-5', display: '退院時サマリー' },
    title: '退院時サマリー',
    bundleProfile: 'http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Bundle_eDischargeSummary',
    compositionProfile:
      'http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Composition_eDischargeSummary',
    categories: ['DISCHARGE'],
    authors: [2, 2],
    event: 'discharge',
    sectionSystem: CLINS_SECTIONS,
    sections: [
      structuredSection([
        one('322', refs(['Encounter'], 1, 1)),
        one('342', refs(['Condition'], 1)),
        one('352', refs(['Condition'], 0)),
        one('312', refs(['Encounter'], 0, 1)),
        // 現病歴 360, the CodeSystem's code, as JP_Composition_eDischargeSummary names it (not 362)
        one('360', refs(['Condition'], 0)),
        one('333', refs(['DocumentReference'], 1)),
        one('324', refs(['Encounter'], 1, 1)),
        one('344', refs(['Condition'], 1)),
        one('444', refs(['MedicationRequest'], 0)),
        one('424', refs(['CarePlan'], 0)),
        optional('510', ['AllergyIntolerance']),
        optional('370', ['Condition']),
        optional('432', ['MedicationRequest']),
      ]),
    ],
  },
  // our own code system: every heading once; entries only where the builder codes the form's lines
  nursing_summary: {
    clins: false,
    type: { system: 'urn:zaitaku:fhir:CodeSystem:document-type', code: 'nursing-summary' },
    authors: [1, MANY],
    sectionSystem: NURSING_SECTIONS,
    sections: nursingSummarySections.map((s) =>
      one(
        s.code,
        s.code === 'admission'
          ? refs(['Encounter', 'Condition'], 1, MANY, ['Encounter'])
          : s.code === 'adl'
            ? {
                ...refs(['Observation'], 0, adlItems.length),
                coded: {
                  type: 'Observation',
                  system: ADL_ITEMS,
                  codes: adlItems,
                  valueSystem: ADL_SCORES,
                  values: adlScores,
                },
              }
            : s.code === 'medications'
              ? refs(['MedicationStatement'], 0)
              : s.code === 'allergies'
                ? refs(['AllergyIntolerance'], 0)
                : refs([], 0, 0),
      ),
    ),
  },
};
