import { randomUUID } from 'node:crypto';
import {
  type AdlItem,
  type AdlScore,
  adlItemLabels,
  adlItems,
  adlScoreLabels,
  type DischargeDestination,
  type DocumentField,
  type DocumentKind,
  dischargeDestinationLabels,
  documentFieldLabels,
  type SectionDef,
  sectionsOf,
} from '../../../contracts/documents';
import { tokyoDate } from '../../platform/time/tokyo-calendar';
import {
  adlObservationResource,
  allergyResource,
  carePlanResource,
  conditionResource,
  inpatientEncounterResource,
  medicationRequestResource,
  medicationStatementResource,
  nilKnown,
  type OrganisationInput,
  organizationResource,
  type PatientInput,
  patientResource,
  practitionerResource,
  type Resource,
  saysNone,
  textDocumentResource,
  textLines,
} from './document-fhir-resources';
import { clinsSectionNames } from './document-fhir-rules';

/**
 * FHIR R4 document Bundles (docs/fhir.md). 紹介状 and 退院時サマリー follow JP-CLINS (jami-fhir-jp-wg
 * clinical-core 1.5.x): Bundle type document, Composition first, doc-typecodes 57133-1 / 18842-5, the
 * CLINS section codes, clinical sections under the 300 構造情報 section, each section's entries the
 * resource types its profile allows. The 看護サマリー has no CLINS profile: a Composition with our own
 * section code system. Entries are written from the form's lines as text (no code tables in the
 * repository); `checkDocumentBundle` (document-fhir-check.ts) checks the shape.
 */

export const DOC_TYPE_SYSTEM = 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes';
export const DOC_SUBTYPE_SYSTEM = 'http://jpfhir.jp/fhir/Common/CodeSystem/doc-subtypecodes';
export const CLINS_SECTION_SYSTEM = 'http://jpfhir.jp/fhir/clins/CodeSystem/document-section';
export const NURSING_SECTION_SYSTEM = 'urn:zaitaku:fhir:CodeSystem:nursing-summary-section';
export const NURSING_DOC_TYPE_SYSTEM = 'urn:zaitaku:fhir:CodeSystem:document-type';
export const RESOURCE_ID_SYSTEM = 'http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier';
export const BUNDLE_ID_SYSTEM = 'http://jpfhir.jp/fhir/clins/bundle-identifier';
export const VERSION_EXTENSION =
  'http://hl7.org/fhir/StructureDefinition/composition-clinicaldocument-versionNumber';

type DocType = {
  system: string;
  code: string;
  display: string;
  bundleProfile?: string;
  compositionProfile?: string;
};

export const documentTypes: Record<DocumentKind, DocType> = {
  referral_letter: {
    system: DOC_TYPE_SYSTEM,
    code: '57133-1',
    display: '診療情報提供書',
    bundleProfile: 'http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eReferral',
    compositionProfile: 'http://jpfhir.jp/fhir/eReferral/StructureDefinition/JP_Composition_eReferral',
  },
  discharge_summary: {
    system: DOC_TYPE_SYSTEM,
    code: '18842-5',
    display: '退院時サマリー',
    bundleProfile: 'http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Bundle_eDischargeSummary',
    compositionProfile:
      'http://jpfhir.jp/fhir/eDischargeSummary/StructureDefinition/JP_Composition_eDischargeSummary',
  },
  nursing_summary: { system: NURSING_DOC_TYPE_SYSTEM, code: 'nursing-summary', display: '看護サマリー' },
};

export type BundleInput = {
  document: {
    id: string;
    kind: DocumentKind;
    title: string;
    version: number;
    municipalityCode: string;
    /** The discharge case it was written for: a 紹介状 of a case is a DISCHARGE document, else OUTPATIENT. */
    caseId?: string | null;
  };
  content: Record<string, unknown>;
  savedAt: Date;
  patient: PatientInput;
  author: { userId: string; name: string };
  organisation: { id: string } & OrganisationInput;
  now: Date;
};

type Entry = { fullUrl: string; resource: Resource };
export type FhirBundle = {
  resourceType: 'Bundle';
  type: 'document';
  entry: Entry[];
} & Record<string, unknown>;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One field as a narrative line in the form's words (入院日: 2026-11-01, 褥瘡: なし); empty fields left out. */
function fieldText(key: string, value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const label = documentFieldLabels[key as DocumentField]?.ja ?? key;
  if (typeof value === 'boolean') return `${label}: ${value ? 'あり' : 'なし'}`;
  if (key === 'destination') {
    const destination = dischargeDestinationLabels[value as DischargeDestination];
    return `${label}: ${destination?.ja ?? String(value)}`;
  }
  if (key === 'adl' && typeof value === 'object') {
    // the ADL grid in the form's own words: 入浴: 全介助
    const parts = Object.entries(value as Record<string, AdlScore | null>)
      .filter(([, v]) => v)
      .map(([k, v]) => `${adlItemLabels[k as AdlItem]?.ja ?? k}: ${adlScoreLabels[v as AdlScore].ja}`);
    return parts.length ? `${label}: ${parts.join('、')}` : undefined;
  }
  if (typeof value === 'object') return `${label}: ${JSON.stringify(value)}`;
  return `${label}: ${String(value)}`;
}

function narrative(def: SectionDef, content: Record<string, unknown>) {
  const lines = def.fields.map((f) => fieldText(f, content[f])).filter((l): l is string => Boolean(l));
  const body = lines.length
    ? lines.map((l) => `<p>${escapeXml(l).replace(/\r?\n/g, '<br/>')}</p>`).join('')
    : '<p>記載なし</p>';
  return { status: 'additional', div: `<div xmlns="http://www.w3.org/1999/xhtml">${body}</div>` };
}

/** What a section refers to: entries, or the reason it has none (「なし」 in the form). */
type Coded = { entry?: string[]; emptyReason?: typeof nilKnown };

const clinsCode = (code: string) => {
  const name = clinsSectionNames[code] ?? code;
  return {
    title: name,
    code: { coding: [{ system: CLINS_SECTION_SYSTEM, code, display: `${name}セクション` }] },
  };
};

function section(
  kind: DocumentKind,
  def: SectionDef,
  content: Record<string, unknown>,
  coded: Coded = {},
): Record<string, unknown> {
  const head =
    kind === 'nursing_summary'
      ? {
          title: def.ja,
          code: { coding: [{ system: NURSING_SECTION_SYSTEM, code: def.code, display: def.ja }] },
        }
      : clinsCode(def.code);
  return {
    ...head,
    text: narrative(def, content),
    ...(coded.entry?.length ? { entry: coded.entry.map((reference) => ({ reference })) } : {}),
    ...(coded.emptyReason && !coded.entry?.length ? { emptyReason: coded.emptyReason } : {}),
  };
}

const destinationOf = (content: Record<string, unknown>): DischargeDestination | null =>
  typeof content.destination === 'string' && content.destination in dischargeDestinationLabels
    ? (content.destination as DischargeDestination)
    : null;
const dateOf = (value: unknown) => (typeof value === 'string' && value ? value : null);

const structured = (sections: unknown[]) => ({ ...clinsCode('300'), section: sections });

/** A document Bundle of one version: Composition first, every reference an urn:uuid inside the Bundle. */
export function buildDocumentBundle(input: BundleInput): FhirBundle {
  const { document, content, author, organisation, now } = input;
  const type = documentTypes[document.kind];
  const defs = new Map(sectionsOf[document.kind].map((d) => [d.code, d]));
  const def = (code: string) => defs.get(code) as SectionDef;
  const savedAt = input.savedAt.toISOString();

  const entries: Entry[] = [];
  const add = (resource: Resource) => {
    const fullUrl = `urn:uuid:${randomUUID()}`;
    entries.push({ fullUrl, resource });
    return fullUrl;
  };
  const patientUrl = add(patientResource(input.patient));
  const practitionerUrl = add(practitionerResource(author.name));
  const organisationUrl = add(organizationResource(organisation));
  const subject = { reference: patientUrl };

  const conditions = (field: string, diagnosis: boolean): Coded => ({
    entry: textLines(content[field]).map((line) => add(conditionResource(line, subject, diagnosis))),
  });
  const allergies = (): Coded =>
    saysNone(content.allergies)
      ? { emptyReason: nilKnown }
      : { entry: textLines(content.allergies).map((line) => add(allergyResource(line, subject))) };
  const medications = (field: string, make: (line: string) => Resource): Coded =>
    saysNone(content[field])
      ? { emptyReason: nilKnown }
      : { entry: textLines(content[field]).map((line) => add(make(line))) };

  let sections: unknown[];
  let encounterUrl: string | undefined;
  if (document.kind === 'referral_letter') {
    const to = [add(organizationResource({ name: String(content.toInstitution ?? '') }))];
    if (typeof content.toDoctor === 'string' && content.toDoctor.trim()) {
      to.push(add(practitionerResource(content.toDoctor.trim())));
    }
    sections = [
      { ...clinsCode('920'), entry: [{ reference: practitionerUrl }, { reference: organisationUrl }] },
      section(document.kind, def('910'), content, { entry: to }),
      structured([
        section(document.kind, def('950'), content),
        section(document.kind, def('340'), content, conditions('diagnosis', true)),
        section(document.kind, def('360'), content),
        section(document.kind, def('510'), content, allergies()),
      ]),
    ];
  } else if (document.kind === 'discharge_summary') {
    const stay = add(
      inpatientEncounterResource({
        subject,
        serviceProvider: { reference: organisationUrl },
        start: String(content.admittedOn),
        end: String(content.dischargedOn),
        reason: String(content.admissionReason ?? ''),
        destination: destinationOf(content),
        today: tokyoDate(now),
      }),
    );
    encounterUrl = stay;
    const course = String(content.hospitalCourse ?? '');
    const coded: Record<string, Coded> = {
      '322': { entry: [stay] },
      '342': conditions('admissionDiagnosis', true),
      '352': conditions('chiefComplaint', false),
      '312': content.admissionReason ? { entry: [stay] } : {},
      '333': course
        ? {
            entry: [
              add(
                textDocumentResource({
                  title: '入院中経過',
                  text: course,
                  subject,
                  author: { reference: practitionerUrl },
                  date: savedAt,
                }),
              ),
            ],
          }
        : {},
      '324': { entry: [stay] },
      '344': conditions('dischargeDiagnosis', true),
      '444': medications('dischargeMedications', (line) => medicationRequestResource(line, subject, savedAt)),
      '424': content.dischargePlan
        ? { entry: [add(carePlanResource(String(content.dischargePlan), subject))] }
        : {},
      '510': allergies(),
    };
    sections = [structured([...defs.values()].map((d) => section(document.kind, d, content, coded[d.code])))];
  } else {
    // the stay the summary hands over: its dates as far as given, and 退院先
    const stay = add(
      inpatientEncounterResource({
        subject,
        serviceProvider: { reference: organisationUrl },
        start: dateOf(content.admittedOn),
        end: dateOf(content.dischargeOn),
        destination: destinationOf(content),
        today: tokyoDate(now),
      }),
    );
    encounterUrl = stay;
    const grid = (content.adl ?? {}) as Partial<Record<AdlItem, AdlScore | null>>;
    const adl = adlItems.flatMap((item) => {
      const score = grid[item];
      return score
        ? [
            add(
              adlObservationResource({
                item,
                score,
                subject,
                performer: { reference: practitionerUrl },
                effective: savedAt,
              }),
            ),
          ]
        : [];
    });
    const coded: Record<string, Coded> = {
      admission: { entry: [stay, ...(conditions('diagnosis', true).entry ?? [])] },
      adl: { entry: adl },
      medications: medications('medications', (line) => medicationStatementResource(line, subject, savedAt)),
      allergies: allergies(),
    };
    sections = [...defs.values()].map((d) => section(document.kind, d, content, coded[d.code]));
  }

  const category =
    document.kind === 'nursing_summary'
      ? { coding: [{ system: type.system, code: type.code, display: type.display }] }
      : document.kind === 'discharge_summary' || document.caseId
        ? { coding: [{ system: DOC_SUBTYPE_SYSTEM, code: 'DISCHARGE', display: '退院時文書' }] }
        : { coding: [{ system: DOC_SUBTYPE_SYSTEM, code: 'OUTPATIENT', display: '外来文書' }] };
  const event =
    document.kind === 'discharge_summary'
      ? [{ period: { start: content.admittedOn, end: content.dischargedOn } }]
      : document.kind === 'referral_letter'
        ? [{ code: { text: '診療情報提供書発行' }, period: { start: tokyoDate(input.savedAt) } }]
        : undefined;

  const composition: Resource = {
    resourceType: 'Composition',
    ...(type.compositionProfile
      ? { meta: { lastUpdated: savedAt, profile: [type.compositionProfile] } }
      : {}),
    language: 'ja',
    extension: [{ url: VERSION_EXTENSION, valueString: String(document.version) }],
    identifier: { system: RESOURCE_ID_SYSTEM, value: `${document.id}^${document.version}` },
    status: 'final',
    type: { coding: [{ system: type.system, code: type.code, display: type.display }] },
    category: [category],
    subject,
    ...(encounterUrl ? { encounter: { reference: encounterUrl } } : {}),
    date: savedAt,
    author: [{ reference: practitionerUrl }, { reference: organisationUrl }],
    title: document.kind === 'nursing_summary' ? document.title : type.display,
    custodian: { reference: organisationUrl },
    ...(event ? { event } : {}),
    section: sections,
  };

  return {
    resourceType: 'Bundle',
    language: 'ja',
    meta: {
      lastUpdated: now.toISOString(),
      ...(type.bundleProfile ? { profile: [type.bundleProfile] } : {}),
    },
    identifier: {
      system: BUNDLE_ID_SYSTEM,
      value: `${document.municipalityCode}^${document.id}^${document.version}`,
    },
    type: 'document',
    timestamp: now.toISOString(),
    entry: [{ fullUrl: `urn:uuid:${randomUUID()}`, resource: composition }, ...entries],
  };
}
