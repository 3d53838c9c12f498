import type { Kysely } from 'kysely';
import { facilityTypeLabels } from '../../../../contracts/directory';
import type { Database } from '../../../platform/db/schema';
import type { MunicipalityInfo } from '../../../platform/municipality.queries';
import { listCapabilities } from '../../directory';
import { FACILITY_TYPES } from '../parse/facility-kinds';
import { closureNote, FHIR_DAYS, jsonArray, openingGroups, stableUuid, tokyoDate } from './exchange-common';
import { type ExportFacility, exportFacilities } from './export-source';

/** JP Core (jpfhir.jp/fhir/core 1.x) profiles, extensions and identifier systems (STANDARDS.md). */
const JP = {
  organization: 'http://jpfhir.jp/fhir/core/StructureDefinition/JP_Organization',
  location: 'http://jpfhir.jp/fhir/core/StructureDefinition/JP_Location',
  medicalInstitutionCode: 'http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no',
  prefectureNoExtension:
    'http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Organization_PrefectureNo',
  prefectureNoSystem: 'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/PrefectureNo-2digits',
  categoryExtension:
    'http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Organization_InsuranceOrganizationCategory',
  categorySystem: 'http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationFeeScoreType',
  organizationNoExtension:
    'http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_Organization_InsuranceOrganizationNo',
  organizationNoSystem: 'urn:oid:1.2.392.100495.20.3.23',
};
/** Our own code systems: facility ids, 介護保険事業所番号 and the home-care capabilities. */
const OURS = {
  facilityId: 'urn:zaitaku:facility-id',
  careOfficeNumber: 'urn:zaitaku:care-office-number',
  capability: 'urn:zaitaku:CodeSystem:home-care-capability',
  facilityType: 'urn:zaitaku:CodeSystem:facility-type',
};

/**
 * HL7 FHIR R4 Bundle (type collection): per facility a JP Core Organization, a JP Core Location and
 * a base R4 HealthcareService carrying the home-care capabilities (JP Core has no profile for it).
 * Streamed entry by entry.
 */
export async function* fhirBundle(
  db: Kysely<Database>,
  municipality: MunicipalityInfo,
): AsyncGenerator<string> {
  const capabilities = new Map((await listCapabilities(db, municipality.code)).map((c) => [c.code, c]));
  const head = {
    resourceType: 'Bundle',
    id: stableUuid(municipality.code, 'bundle', new Date().toISOString()),
    meta: { lastUpdated: new Date().toISOString() },
    type: 'collection',
    timestamp: new Date().toISOString(),
  };
  yield `${JSON.stringify(head).slice(0, -1)},"entry":[`;
  yield* jsonArray(exportFacilities(db, municipality.code, FACILITY_TYPES), (f) =>
    fhirEntries(f, capabilities),
  );
  yield ']}\n';
}

type Capabilities = Map<string, { code: string; name_ja: string; name_en: string }>;

function fhirEntries(f: ExportFacility, capabilities: Capabilities) {
  const ids = {
    organization: stableUuid(f.id, 'fhir', 'Organization'),
    location: stableUuid(f.id, 'fhir', 'Location'),
    service: stableUuid(f.id, 'fhir', 'HealthcareService'),
  };
  const telecom = [
    f.phone && { system: 'phone', value: f.phone, use: 'work' },
    f.fax && { system: 'fax', value: f.fax, use: 'work' },
    f.email && { system: 'email', value: f.email },
    f.url && { system: 'url', value: f.url },
  ].filter(Boolean);
  const address = fhirAddress(f);
  const entry = (id: string, resource: object) => ({
    fullUrl: `urn:uuid:${id}`,
    resource: { id, ...resource },
  });
  return [
    entry(ids.organization, {
      resourceType: 'Organization',
      meta: { profile: [JP.organization] },
      ...organizationCodes(f),
      active: f.status !== 'closed',
      type: [
        { coding: [{ system: OURS.facilityType, code: f.type, display: facilityTypeLabels[f.type].ja }] },
      ],
      name: f.name,
      alias: f.name_en ? [f.name_en] : undefined,
      telecom,
      address: [address],
    }),
    entry(ids.location, {
      resourceType: 'Location',
      meta: { profile: [JP.location] },
      identifier: [{ system: OURS.facilityId, value: f.id }],
      status: f.status === 'active' ? 'active' : f.status === 'suspended' ? 'suspended' : 'inactive',
      name: f.name,
      telecom,
      address,
      position: f.lat !== null && f.lng !== null ? { latitude: f.lat, longitude: f.lng } : undefined,
      managingOrganization: { reference: `urn:uuid:${ids.organization}` },
      hoursOfOperation: hoursOfOperation(f),
    }),
    entry(ids.service, {
      resourceType: 'HealthcareService',
      meta: { lastUpdated: new Date(f.updated_at).toISOString() },
      active: f.status === 'active',
      providedBy: { reference: `urn:uuid:${ids.organization}` },
      location: [{ reference: `urn:uuid:${ids.location}` }],
      name: f.name,
      type: [
        { coding: [{ system: OURS.facilityType, code: f.type, display: facilityTypeLabels[f.type].ja }] },
      ],
      specialty: f.departments.length > 0 ? f.departments.map((d) => ({ text: d })) : undefined,
      characteristic: f.capabilities
        .filter(([code]) => capabilities.has(code))
        .map(([code, confirmedAt]) => ({
          coding: [{ system: OURS.capability, code, display: capabilities.get(code)!.name_ja }],
          text: `${capabilities.get(code)!.name_ja}（${tokyoDate(confirmedAt)} 確認）`,
        })),
      telecom,
      availableTime: hoursOfOperation(f).map((h) => ({
        daysOfWeek: h.daysOfWeek,
        availableStartTime: h.openingTime,
        availableEndTime: h.closingTime,
      })),
      notAvailable: notAvailable(f),
      availabilityExceptions: [f.hours_note, closureNote(f)].filter(Boolean).join('\n') || undefined,
    }),
  ];
}

/** The 医療機関コード slice and JP Core's prefecture, 点数表 and 7-digit number extensions. */
function organizationCodes(f: ExportFacility) {
  const identifier: object[] = [{ system: OURS.facilityId, value: f.id }];
  const code = f.medical_institution_code;
  if (f.care_office_number) identifier.push({ system: OURS.careOfficeNumber, value: f.care_office_number });
  if (!code) return { identifier };
  identifier.unshift({ system: JP.medicalInstitutionCode, value: code });
  return {
    identifier,
    extension: [
      {
        url: JP.prefectureNoExtension,
        valueCoding: { system: JP.prefectureNoSystem, code: code.slice(0, 2) },
      },
      { url: JP.categoryExtension, valueCoding: { system: JP.categorySystem, code: code.slice(2, 3) } },
      {
        url: JP.organizationNoExtension,
        valueIdentifier: { system: JP.organizationNoSystem, value: code.slice(3) },
      },
    ],
  };
}

function fhirAddress(f: ExportFacility) {
  const line = [`${f.address_town ?? ''}${f.address_block ?? ''}`, f.address_building].filter((s) => s);
  return {
    use: 'work',
    type: 'physical',
    line,
    city: f.address_city ?? undefined,
    state: f.address_prefecture ?? undefined,
    postalCode: f.postal_code ? `${f.postal_code.slice(0, 3)}-${f.postal_code.slice(3)}` : undefined,
    country: 'JP',
  };
}

function hoursOfOperation(f: ExportFacility) {
  return openingGroups(f).map((g) => ({
    daysOfWeek: [...g.weekly, ...g.monthly.keys()].sort().map((d) => FHIR_DAYS[d]),
    openingTime: `${g.opens === '24:00' ? '23:59' : g.opens}:00`,
    closingTime: `${g.closes === '24:00' ? '23:59' : g.closes}:00`,
  }));
}

function notAvailable(f: ExportFacility) {
  const items: object[] = [];
  if (f.closed_on_holidays) items.push({ description: '祝日休み (closed on public holidays)' });
  const note = closureNote(f);
  if (note) items.push({ description: note });
  return items.length > 0 ? items : undefined;
}
