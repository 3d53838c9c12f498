import type { DocumentKind } from '../../../contracts/documents';
import {
  arr,
  checkResource,
  codedIn,
  DATE,
  DATE_TIME,
  type Fail,
  type Json,
  obj,
  str,
  type TypeOf,
} from './document-fhir-check-resources';
import {
  BUNDLE_IDS,
  type CodedRule,
  card,
  clinsSectionNames,
  DOC_SUBTYPES,
  type KindRule,
  kindRules,
  RESOURCE_IDS,
  refs,
  type SectionRule,
  VERSION_EXTENSION,
  XHTML_DIV,
} from './document-fhir-rules';

/**
 * Our own structural check of a document Bundle against the JP-CLINS shape (docs/fhir.md, "The
 * check"). It restates the profiles on purpose instead of importing the builder's constants, so a
 * wrong URL or code in the builder shows up here. Sources: jami-fhir-jp-wg/clinical-core
 * `JP_Bundle_eReferral.fsh`, `JP_Composition_eReferral.fsh`, `JP_Composition_eDisSummary.fsh`,
 * `JP-CodeSystem-CLINS-document-section.fsh`, and the FHIR R4 base invariants it names (cmp-1,
 * cmp-2, ait-1). It is not the HL7 validator: no StructureDefinition snapshots, no terminology
 * server, no FHIRPath; cardinalities and types only, as listed in the tables below.
 */

/**
 * The problems of a document Bundle of `kind`, one sentence each; an empty list when it has the
 * shape. Never throws on bad input: anything missing is a problem.
 */
export function checkDocumentBundle(bundle: unknown, kind: DocumentKind): string[] {
  const problems: string[] = [];
  const fail = (at: string, message: string) => problems.push(`${at}: ${message}`);
  const rule = kindRules[kind];
  const b = obj(bundle);
  if (b?.resourceType !== 'Bundle') return ['Bundle: not a Bundle resource'];
  if (b.type !== 'document') fail('Bundle.type', `must be document (is ${String(b.type)})`);
  const id = obj(b.identifier);
  if (!str(id?.value)) fail('Bundle.identifier', 'needs a value');
  if (rule.clins && id?.system !== BUNDLE_IDS) fail('Bundle.identifier.system', `must be ${BUNDLE_IDS}`);
  if (!DATE_TIME.test(String(b.timestamp))) fail('Bundle.timestamp', 'needs an instant with a time zone');
  const meta = obj(b.meta);
  if (rule.clins && !str(meta?.lastUpdated)) fail('Bundle.meta.lastUpdated', 'is required');
  if (rule.bundleProfile && !arr(meta?.profile).includes(rule.bundleProfile)) {
    fail('Bundle.meta.profile', `must name ${rule.bundleProfile}`);
  }

  // entries: urn:uuid fullUrls, unique, each with a resource
  const byUrl = new Map<string, Json>();
  const entries = arr(b.entry).map((e) => obj(e) ?? {});
  if (entries.length === 0) return [...problems, 'Bundle.entry: is empty'];
  entries.forEach((e, i) => {
    const url = String(e.fullUrl);
    const resource = obj(e.resource);
    if (!/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(url)) {
      fail(`Bundle.entry[${i}].fullUrl`, `must be an urn:uuid (is ${url})`);
    }
    if (byUrl.has(url)) fail(`Bundle.entry[${i}].fullUrl`, `repeats ${url}`);
    if (!resource || !str(resource.resourceType)) fail(`Bundle.entry[${i}].resource`, 'is missing');
    else byUrl.set(url, resource);
  });
  const resourceOf = (reference: unknown) => byUrl.get(String(obj(reference)?.reference));
  const typeOf = (reference: unknown) => resourceOf(reference)?.resourceType;

  // every reference anywhere resolves inside the Bundle
  const walk = (value: unknown, at: string) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(v, `${at}[${i}]`);
      });
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'reference' && typeof v === 'string') {
          if (!byUrl.has(v)) fail(at, `reference ${v} does not resolve inside the Bundle`);
        } else walk(v, `${at}.${key}`);
      }
    }
  };
  entries.forEach((e, i) => {
    walk(e.resource, `Bundle.entry[${i}]`);
  });

  const counts = (type: string) => [...byUrl.values()].filter((r) => r.resourceType === type).length;
  if (counts('Patient') !== 1) fail('Bundle.entry', `needs exactly one Patient (has ${counts('Patient')})`);
  if (rule.organisations) {
    const [min, max] = rule.organisations;
    const n = counts('Organization');
    if (n < min || n > max) fail('Bundle.entry', `needs ${min}..${max} Organization (has ${n})`);
  }

  const composition = obj(entries[0]?.resource);
  if (composition?.resourceType !== 'Composition') {
    fail('Bundle.entry[0]', 'must be the Composition');
    return problems;
  }
  checkComposition(composition, rule, typeOf, fail);
  checkSections(arr(composition.section), rule.sections, 'Composition', rule, resourceOf, fail);
  entries.forEach((e, i) => {
    const r = obj(e.resource);
    if (r && i > 0) checkResource(r, `Bundle.entry[${i}](${String(r.resourceType)})`, typeOf, fail);
  });
  return problems;
}

type ResourceOf = (reference: unknown) => Json | undefined;

/** A coded entry (the ADL grid's Observations): its code and its value in the rule's code systems. */
function checkCoded(r: Json, at: string, rule: CodedRule, fail: Fail) {
  if (!codedIn(r.code, rule.system, rule.codes)) fail(`${at}.code`, `must be one coding of ${rule.system}`);
  if (!codedIn(r.valueCodeableConcept, rule.valueSystem, rule.values)) {
    fail(`${at}.valueCodeableConcept`, `must be one coding of ${rule.valueSystem}`);
  }
}

function checkComposition(c: Json, rule: KindRule, typeOf: TypeOf, fail: Fail) {
  const at = 'Composition';
  if (c.status !== 'final') fail(`${at}.status`, 'must be final');
  const coding = arr(obj(c.type)?.coding);
  const first = obj(coding[0]);
  if (coding.length !== 1 || first?.system !== rule.type.system || first?.code !== rule.type.code) {
    fail(`${at}.type`, `must be one coding ${rule.type.system}#${rule.type.code}`);
  } else if (rule.type.display && first.display !== rule.type.display) {
    fail(`${at}.type.coding.display`, `must be ${rule.type.display}`);
  }
  if (typeOf(c.subject) !== 'Patient') fail(`${at}.subject`, 'must reference the Patient');
  if (!DATE_TIME.test(String(c.date))) fail(`${at}.date`, 'needs a dateTime with a time zone');
  if (rule.title ? c.title !== rule.title : !str(c.title))
    fail(`${at}.title`, rule.title ? `must be ${rule.title}` : 'is required');
  const authors = arr(c.author).map(typeOf);
  const [min, max] = rule.authors;
  if (authors.length < min || authors.length > max)
    fail(`${at}.author`, `needs ${card(min, max)} (has ${authors.length})`);
  if (authors.some((t) => t !== 'Practitioner' && t !== 'Organization')) {
    fail(`${at}.author`, 'must reference Practitioner or Organization');
  }
  if (c.encounter !== undefined && typeOf(c.encounter) !== 'Encounter')
    fail(`${at}.encounter`, 'must reference an Encounter');
  if (!rule.clins) return;

  if (!authors.includes('Practitioner') || !authors.includes('Organization')) {
    fail(`${at}.author`, 'needs the Practitioner and the Organization who wrote it');
  }
  if (typeOf(c.custodian) !== 'Organization') fail(`${at}.custodian`, 'must reference an Organization');
  const meta = obj(c.meta);
  if (!str(meta?.lastUpdated)) fail(`${at}.meta.lastUpdated`, 'is required');
  if (rule.compositionProfile && !arr(meta?.profile).includes(rule.compositionProfile)) {
    fail(`${at}.meta.profile`, `must name ${rule.compositionProfile}`);
  }
  const identifier = obj(c.identifier);
  if (identifier?.system !== RESOURCE_IDS || !str(identifier?.value)) {
    fail(`${at}.identifier`, `needs system ${RESOURCE_IDS} and a value`);
  }
  const version = arr(c.extension)
    .map(obj)
    .filter((e) => e?.url === VERSION_EXTENSION);
  if (version.length !== 1 || !str(version[0]?.valueString))
    fail(`${at}.extension`, 'needs one version number');
  const categories = arr(c.category);
  const category = obj(arr(obj(categories[0])?.coding)[0]);
  if (
    categories.length !== 1 ||
    category?.system !== DOC_SUBTYPES ||
    !rule.categories?.includes(String(category?.code))
  ) {
    fail(`${at}.category`, `must be one of ${DOC_SUBTYPES}#${rule.categories?.join('|')}`);
  }
  const events = arr(c.event);
  const event = obj(events[0]);
  const period = obj(event?.period);
  if (events.length !== 1 || !DATE.test(String(period?.start))) {
    fail(`${at}.event`, 'needs one event with period.start');
  } else if (rule.event === 'referral') {
    const code = obj(event?.code);
    if (code?.text !== '診療情報提供書発行' || code?.coding !== undefined) {
      fail(`${at}.event.code`, 'must be the text 診療情報提供書発行 without a coding');
    }
  } else if (rule.event === 'discharge') {
    if (event?.code !== undefined) fail(`${at}.event.code`, 'must be absent');
    if (!DATE.test(String(period?.end))) fail(`${at}.event.period.end`, 'is required (the discharge date)');
    else if (String(period?.start) > String(period?.end)) fail(`${at}.event.period`, 'ends before it starts');
  }
}

function checkSections(
  sections: unknown[],
  rules: SectionRule[],
  parent: string,
  kind: KindRule,
  resourceOf: ResourceOf,
  fail: Fail,
) {
  const typeOf = (reference: unknown) => resourceOf(reference)?.resourceType;
  const seen = new Map<SectionRule, number>();
  sections.forEach((raw, i) => {
    const s = obj(raw) ?? {};
    const coding = arr(obj(s.code)?.coding);
    const c = obj(coding[0]);
    const code = String(c?.code);
    const at = `${parent}.section[${code === 'undefined' ? i : code}]`;
    if (coding.length !== 1 || c?.system !== kind.sectionSystem) {
      fail(`${at}.code`, `needs one coding in ${kind.sectionSystem}`);
      return;
    }
    if (kind.clins) {
      const name = clinsSectionNames[code];
      if (!name) fail(`${at}.code`, `${code} is not in the CLINS section CodeSystem`);
      else if (s.title !== name) fail(`${at}.title`, `must be ${name}`);
    } else if (!str(s.title)) fail(`${at}.title`, 'is required');
    const entries = arr(s.entry);
    const children = arr(s.section);
    const text = obj(s.text);
    // FHIR cmp-1 and cmp-2
    if (!text && entries.length === 0 && children.length === 0)
      fail(at, 'needs text, entries or sections (cmp-1)');
    if (s.emptyReason !== undefined && entries.length > 0)
      fail(`${at}.emptyReason`, 'only when there is no entry (cmp-2)');
    if (text && (text.status !== 'additional' || !String(text.div).startsWith(XHTML_DIV))) {
      fail(`${at}.text`, 'must be status additional with an XHTML div');
    }

    const rule = rules.find((r) => r.codes.includes(code));
    if (!rule) {
      if (!kind.clins) fail(at, `${code} is not a section of this document`);
      return;
    }
    seen.set(rule, (seen.get(rule) ?? 0) + 1);
    if (rule.noText && text) fail(`${at}.text`, 'must be absent');
    if (rule.sections) checkSections(children, rule.sections, at, kind, resourceOf, fail);
    else if (children.length > 0) fail(`${at}.section`, 'must be absent');
    const expect = rule.entry ?? refs([], 0, 0);
    if (entries.length < expect.min || entries.length > expect.max) {
      fail(`${at}.entry`, `needs ${card(expect.min, expect.max)} (has ${entries.length})`);
    }
    const types = entries.map(typeOf);
    types.forEach((t, n) => {
      if (!expect.types.includes(String(t)))
        fail(`${at}.entry[${n}]`, `must be ${expect.types.join(' or ')} (is ${String(t)})`);
    });
    for (const needed of expect.must ?? []) {
      if (!types.includes(needed)) fail(`${at}.entry`, `needs a ${needed}`);
    }
    const coded = expect.coded;
    if (coded) {
      entries.forEach((e, n) => {
        const r = resourceOf(e);
        if (r?.resourceType === coded.type) checkCoded(r, `${at}.entry[${n}](${coded.type})`, coded, fail);
      });
    }
  });
  for (const rule of rules) {
    const n = seen.get(rule) ?? 0;
    if (n < rule.min || n > rule.max) {
      fail(`${parent}.section[${rule.codes.join('|')}]`, `needs ${card(rule.min, rule.max)} (has ${n})`);
    }
  }
}
