import { describe, expect, it } from 'vitest';
import {
  type Breakage,
  build,
  composition,
  entriesOf,
  expectRefused,
  fullNursing,
  minimalNursing,
  resolve,
  sectionOf,
} from '../../../../test/support/document-fhir';
import type { FhirJson as Json } from '../../../../test/support/fhir';
import { adlItems } from '../../../contracts/documents';
import { checkDocumentBundle } from './document-fhir-check';

// The 看護サマリー export (our own code systems, docs/fhir.md); the frame all kinds share: document-fhir.test.ts.

describe('FHIR 看護サマリー: coded entries and our own sections', () => {
  it.each([
    ['every field', fullNursing],
    ['an empty form', minimalNursing],
  ])('看護サマリー, %s passes the check', (_, content) => {
    expect(checkDocumentBundle(build('nursing_summary', content), 'nursing_summary')).toEqual([]);
  });

  it('codes the 看護サマリー’s diagnosis, medicines (as told, not ordered) and allergies', () => {
    const bundle = build('nursing_summary', fullNursing);
    expect(
      entriesOf(bundle, 'admission')
        .filter((x) => x.resourceType === 'Condition')
        .map((x) => x.code.text),
    ).toEqual(['心不全の増悪（架空・デモ）']);
    expect(
      entriesOf(bundle, 'medications').map((m) => [m.resourceType, m.medicationCodeableConcept.text]),
    ).toEqual([
      ['MedicationStatement', 'フロセミド錠 20mg 朝'],
      ['MedicationStatement', 'エナラプリル錠 5mg 朝'],
    ]);
    expect(entriesOf(bundle, 'allergies').map((a) => a.code.text)).toEqual(['ペニシリン']);
    // the ADL grid is coded: ADL Observations (document-fhir.nursing-summary.test.ts below)
    expect(entriesOf(bundle, 'adl').map((x) => x.resourceType)).toEqual(Array(10).fill('Observation'));
    expect(composition(bundle).meta).toBeUndefined();
    expect(bundle.meta.profile).toBeUndefined();
  });

  it('writes each graded ADL item as an Observation of our item and grade code systems, referenced from the ADL section', () => {
    const bundle = build('nursing_summary', fullNursing);
    const observations = entriesOf(bundle, 'adl');
    expect(observations.map((o) => o.code.coding[0].code)).toEqual([...adlItems]);
    const bathing = observations.find((o) => o.code.coding[0].code === 'bathing');
    expect(bathing).toMatchObject({
      resourceType: 'Observation',
      status: 'final',
      code: {
        coding: [{ system: 'urn:zaitaku:fhir:CodeSystem:adl-item', code: 'bathing', display: '入浴' }],
        text: '入浴',
      },
      valueCodeableConcept: {
        coding: [
          { system: 'urn:zaitaku:fhir:CodeSystem:adl-score', code: 'full_assistance', display: '全介助' },
        ],
        text: '全介助',
      },
      effectiveDateTime: '2026-11-20T06:30:00.000Z',
    });
    const c = composition(bundle);
    expect(bathing?.subject).toEqual(c.subject);
    expect(resolve(bundle, bathing?.performer[0].reference).resourceType).toBe('Practitioner');
    // the narrative still says the grid in the form's words
    expect(sectionOf(bundle, 'adl').text.div).toContain('入浴: 全介助');
    // an item left unassessed is no Observation: an empty grid gives none
    const partly = build('nursing_summary', { ...fullNursing, adl: { ...fullNursing.adl, bathing: null } });
    expect(entriesOf(partly, 'adl').map((o) => o.code.coding[0].code)).not.toContain('bathing');
    expect(entriesOf(partly, 'adl')).toHaveLength(9);
    expect(checkDocumentBundle(partly, 'nursing_summary')).toEqual([]);
    expect(entriesOf(build('nursing_summary', minimalNursing), 'adl')).toEqual([]);
  });

  it('writes the stay with its dates and 退院先 as the Composition’s encounter, first entry of 入院の概要', () => {
    const bundle = build('nursing_summary', { ...fullNursing, destination: 'hospital' });
    const c = composition(bundle);
    const [first] = sectionOf(bundle, 'admission').entry;
    expect(first).toEqual(c.encounter);
    expect(resolve(bundle, c.encounter.reference)).toMatchObject({
      resourceType: 'Encounter',
      status: 'finished',
      class: { code: 'IMP' },
      period: { start: '2026-11-01', end: '2026-11-20' },
      hospitalization: {
        dischargeDisposition: {
          coding: [
            {
              system: 'urn:zaitaku:fhir:CodeSystem:discharge-destination',
              code: 'hospital',
              display: '病院（転院）',
            },
          ],
        },
      },
    });
    expect(sectionOf(bundle, 'admission').text.div).toContain('<p>退院先: 病院（転院）</p>');
    // an empty form still names 退院先 (自宅 by default), without dates: the stay's status is unknown
    const empty = build('nursing_summary', minimalNursing);
    const stay = resolve(empty, composition(empty).encounter.reference);
    expect(stay.status).toBe('unknown');
    expect(stay.period).toBeUndefined();
    expect(stay.hospitalization.dischargeDisposition.coding[0].code).toBe('home');
  });
});

describe('the check refuses a broken 看護サマリー', () => {
  const nursing = build('nursing_summary', fullNursing);

  it.each<Breakage>([
    ['a fullUrl that is no urn:uuid', (b) => (b.entry[1].fullUrl = 'Patient/1'), 'must be an urn:uuid'],
    ['a draft', (b) => (b.entry[0].resource.status = 'preliminary'), 'Composition.status'],
    [
      'a Patient without identifier',
      (b) => delete b.entry.find((e: Json) => e.resource.resourceType === 'Patient').resource.identifier,
      '(Patient).identifier: needs a value',
    ],
    [
      'a nursing heading missing',
      (b) => b.entry[0].resource.section.pop(),
      'section[care-methods]: needs 1..1 (has 0)',
    ],
    [
      'an entry under a narrative-only nursing heading',
      (b) => (b.entry[0].resource.section[2].entry = [{ reference: b.entry[1].fullUrl }]),
      'section[medical-procedures].entry: needs 0..0 (has 1)',
    ],

    [
      'a Patient under ADL',
      (b) => (b.entry[0].resource.section[1].entry = [{ reference: b.entry[1].fullUrl }]),
      'section[adl].entry[0]: must be Observation (is Patient)',
    ],
    [
      'an ADL Observation coded outside our item system',
      (b) => {
        const obs = b.entry.find((e: Json) => e.resource.resourceType === 'Observation').resource;
        obs.code.coding[0].system = 'http://loinc.org';
      },
      '(Observation).code: must be one coding of urn:zaitaku:fhir:CodeSystem:adl-item',
    ],
    [
      'an ADL grade that is not one of the four',
      (b) => {
        const obs = b.entry.find((e: Json) => e.resource.resourceType === 'Observation').resource;
        obs.valueCodeableConcept.coding[0].code = 'dependent';
      },
      '(Observation).valueCodeableConcept: must be one coding of urn:zaitaku:fhir:CodeSystem:adl-score',
    ],
    [
      'an ADL Observation without its value',
      (b) =>
        delete b.entry.find((e: Json) => e.resource.resourceType === 'Observation').resource
          .valueCodeableConcept,
      '(Observation).value[x]: needs a value or a dataAbsentReason',
    ],
    [
      'the stay missing from 入院の概要',
      (b) => {
        const admission = b.entry[0].resource.section[0];
        admission.entry = admission.entry.filter(
          (e: Json) =>
            !b.entry.some((x: Json) => x.fullUrl === e.reference && x.resource.resourceType === 'Encounter'),
        );
      },
      'section[admission].entry: needs a Encounter',
    ],
  ])('%s', (_, breakIt, expected) => {
    expectRefused(nursing, 'nursing_summary', breakIt, expected);
  });
});
