import { randomUUID } from 'node:crypto';
import {
  type AdlItem,
  type AdlScore,
  adlItemLabels,
  adlScoreLabels,
  type DocumentKind,
  type SectionDef,
  sectionsOf,
} from '../../../contracts/documents';

/**
 * FHIR R4 document Bundles (docs/fhir.md). 紹介状 and 退院時サマリー follow JP-CLINS (jami-fhir-jp-wg
 * clinical-core 1.5.x): Bundle type document, Composition first, doc-typecodes 57133-1 / 18842-5, the
 * CLINS section codes, clinical sections under the 300 構造情報 section. The 看護サマリー has no CLINS
 * profile: a Composition with our own section code system. Sections carry narrative only (our forms
 * are text): coded Condition / MedicationRequest entries are not produced yet.
 */

export const DOC_TYPE_SYSTEM = 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes';
export const DOC_SUBTYPE_SYSTEM = 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-subtypecodes';
export const CLINS_SECTION_SYSTEM = 'http://jpfhir.jp/fhir/clins/CodeSystem/document-section';
export const NURSING_SECTION_SYSTEM = 'urn:zaitaku:fhir:CodeSystem:nursing-summary-section';
export const NURSING_DOC_TYPE_SYSTEM = 'urn:zaitaku:fhir:CodeSystem:document-type';
const RESOURCE_ID_SYSTEM = 'http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier';
const BUNDLE_ID_SYSTEM = 'http://jpfhir.jp/fhir/clins/bundle-identifier';
const VERSION_EXTENSION =
  'http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber';
const PATIENT_ID_SYSTEM = 'urn:zaitaku:patient-id';

const typeOf: Record<DocumentKind, { system: string; code: string; display: string; profile?: string }> = {
  referral_letter: {
    system: DOC_TYPE_SYSTEM,
    code: '57133-1',
    display: '診療情報提供書',
    profile: 'http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eReferral',
  },
  discharge_summary: {
    system: DOC_TYPE_SYSTEM,
    code: '18842-5',
    display: '退院時サマリー',
    profile: 'http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Bundle_eDischargeSummary',
  },
  nursing_summary: { system: NURSING_DOC_TYPE_SYSTEM, code: 'nursing-summary', display: '看護サマリー' },
};

export type BundleInput = {
  document: { id: string; kind: DocumentKind; title: string; version: number; municipalityCode: string };
  content: Record<string, unknown>;
  savedAt: Date;
  patient: { id: string; name: string; nameKana: string; birthDate: string; sex: string };
  author: { userId: string; name: string };
  organisation: { id: string; name: string };
  now: Date;
};

type Resource = Record<string, unknown> & { resourceType: string };
export type FhirBundle = {
  resourceType: 'Bundle';
  type: 'document';
  entry: Array<{ fullUrl: string; resource: Resource }>;
} & Record<string, unknown>;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One field as narrative text: scores and yes/no answers in Japanese, empty fields left out. */
function fieldText(key: string, value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return `${key}: ${value ? 'あり' : 'なし'}`;
  if (key === 'adl' && typeof value === 'object') {
    // the ADL grid in the form's own words: 入浴: 全介助
    const parts = Object.entries(value as Record<string, AdlScore | null>)
      .filter(([, v]) => v)
      .map(([k, v]) => `${adlItemLabels[k as AdlItem]?.ja ?? k}: ${adlScoreLabels[v as AdlScore].ja}`);
    return parts.length ? parts.join('、') : undefined;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function narrative(def: SectionDef, content: Record<string, unknown>) {
  const lines = def.fields.map((f) => fieldText(f, content[f])).filter((l): l is string => Boolean(l));
  const body = lines.length ? lines.map((l) => `<p>${escapeXml(l)}</p>`).join('') : '<p>記載なし</p>';
  return { status: 'additional', div: `<div xmlns="http://www.w3.org/1999/xhtml">${body}</div>` };
}

const section = (system: string, def: SectionDef, content: Record<string, unknown>, entry?: string[]) => ({
  title: def.ja,
  code: { coding: [{ system, code: def.code, display: def.ja }] },
  text: narrative(def, content),
  ...(entry ? { entry: entry.map((reference) => ({ reference })) } : {}),
});

const structured = (sections: unknown[]) => ({
  title: '構造情報',
  code: { coding: [{ system: CLINS_SECTION_SYSTEM, code: '300', display: '構造情報' }] },
  section: sections,
});

/** A document Bundle of one version: Composition first, every reference an urn:uuid inside the Bundle. */
export function buildDocumentBundle(input: BundleInput): FhirBundle {
  const { document, content, patient, author, organisation, now } = input;
  const url = () => `urn:uuid:${randomUUID()}`;
  const compositionUrl = url();
  const patientUrl = url();
  const practitionerUrl = url();
  const organisationUrl = url();
  const type = typeOf[document.kind];
  const defs = sectionsOf[document.kind];

  const entries: Array<{ fullUrl: string; resource: Resource }> = [
    {
      fullUrl: patientUrl,
      resource: {
        resourceType: 'Patient',
        identifier: [{ system: PATIENT_ID_SYSTEM, value: patient.id }],
        name: [
          { use: 'official', text: patient.name },
          {
            use: 'official',
            text: patient.nameKana,
            extension: [
              {
                url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation',
                valueCode: 'SYL',
              },
            ],
          },
        ],
        gender: patient.sex === 'male' || patient.sex === 'female' ? patient.sex : 'unknown',
        birthDate: patient.birthDate,
      },
    },
    {
      fullUrl: practitionerUrl,
      resource: { resourceType: 'Practitioner', name: [{ text: author.name }] },
    },
    {
      fullUrl: organisationUrl,
      resource: { resourceType: 'Organization', name: organisation.name },
    },
  ];

  let sections: unknown[];
  if (document.kind === 'referral_letter') {
    const toUrl = url();
    entries.push({
      fullUrl: toUrl,
      resource: { resourceType: 'Organization', name: String(content.toInstitution ?? '') },
    });
    const [to, ...clinical] = defs;
    sections = [
      {
        title: '紹介元情報',
        code: { coding: [{ system: CLINS_SECTION_SYSTEM, code: '920', display: '紹介元情報' }] },
        entry: [{ reference: practitionerUrl }, { reference: organisationUrl }],
      },
      section(CLINS_SECTION_SYSTEM, to as SectionDef, content, [toUrl]),
      structured(clinical.map((d) => section(CLINS_SECTION_SYSTEM, d, content))),
    ];
  } else if (document.kind === 'discharge_summary') {
    sections = [structured(defs.map((d) => section(CLINS_SECTION_SYSTEM, d, content)))];
  } else {
    sections = defs.map((d) => section(NURSING_SECTION_SYSTEM, d, content));
  }

  const composition: Resource = {
    resourceType: 'Composition',
    language: 'ja',
    extension: [{ url: VERSION_EXTENSION, valueString: String(document.version) }],
    identifier: { system: RESOURCE_ID_SYSTEM, value: `${document.id}^${document.version}` },
    status: 'final',
    type: { coding: [{ system: type.system, code: type.code, display: type.display }] },
    category: [
      document.kind === 'discharge_summary'
        ? { coding: [{ system: DOC_SUBTYPE_SYSTEM, code: 'DISCHARGE', display: '退院時文書' }] }
        : { coding: [{ system: type.system, code: type.code, display: type.display }] },
    ],
    subject: { reference: patientUrl },
    date: input.savedAt.toISOString(),
    author: [{ reference: practitionerUrl }, { reference: organisationUrl }],
    title: document.kind === 'nursing_summary' ? document.title : type.display,
    custodian: { reference: organisationUrl },
    ...(document.kind === 'discharge_summary'
      ? { event: [{ period: { start: content.admittedOn, end: content.dischargedOn } }] }
      : {}),
    section: sections,
  };

  return {
    resourceType: 'Bundle',
    language: 'ja',
    meta: { lastUpdated: now.toISOString(), ...(type.profile ? { profile: [type.profile] } : {}) },
    identifier: {
      system: BUNDLE_ID_SYSTEM,
      value: `${document.municipalityCode}^${document.id}^${document.version}`,
    },
    type: 'document',
    timestamp: now.toISOString(),
    entry: [{ fullUrl: compositionUrl, resource: composition }, ...entries],
  };
}
