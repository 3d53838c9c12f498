import type { Kysely } from 'kysely';
import { facilityTypeLabels } from '../../../../contracts/directory';
import { OPEN_DATA_LICENCE } from '../../../../contracts/opendata';
import type { Database } from '../../../platform/db/schema';
import type { MunicipalityInfo } from '../../../platform/municipality.queries';
import { listCapabilities } from '../../directory';
import { FACILITY_TYPES } from '../parse/facility-kinds';
import { joinAddress } from '../parse/normalise-address';
import { closureNote, ICAL_DAYS, jsonArray, openingGroups, stableUuid, tokyoDate } from './exchange-common';
import { type ExportFacility, exportFacilities } from './export-source';

const CAPABILITY_TAXONOMY = 'zaitaku-home-care-capabilities';
const FLAG_TAXONOMY = 'zaitaku-schedule-flags';
const HOLIDAY_TERM = 'closed_on_public_holidays';

const STATUS: Record<string, string> = {
  active: 'active',
  suspended: 'temporarily closed',
  closed: 'defunct',
};

/**
 * Open Referral HSDS 3.x: one JSON document with the taxonomies first, then every facility as a
 * compiled service (organization, service_at_locations → location → addresses, phones, schedules
 * with RFC 5545 rules, attributes for the home-care capabilities, assured_date). Streamed.
 */
export async function* hsdsDocument(
  db: Kysely<Database>,
  municipality: MunicipalityInfo,
): AsyncGenerator<string> {
  const capabilities = await listCapabilities(db, municipality.code);
  const terms = new Map(capabilities.map((c) => [c.code, c]));
  const taxonomyId = stableUuid(municipality.code, CAPABILITY_TAXONOMY);
  const flagTaxonomyId = stableUuid(municipality.code, FLAG_TAXONOMY);
  const head = {
    hsds_version: '3.0',
    generator: 'Zaitaku',
    generated_at: new Date().toISOString(),
    publisher: {
      municipality_code: municipality.code,
      name: municipality.name,
      prefecture: municipality.prefecture,
    },
    license: OPEN_DATA_LICENCE,
    taxonomies: [
      {
        id: taxonomyId,
        name: CAPABILITY_TAXONOMY,
        description: '在宅療養の対応機能 (home-care capabilities)',
        version: '1',
      },
      { id: flagTaxonomyId, name: FLAG_TAXONOMY, description: '診療日の補足 (schedule flags)', version: '1' },
    ],
    taxonomy_terms: [
      ...capabilities.map((c) => ({
        id: stableUuid(municipality.code, CAPABILITY_TAXONOMY, c.code),
        code: c.code,
        name: c.name_ja,
        description: c.name_en,
        taxonomy: CAPABILITY_TAXONOMY,
        taxonomy_id: taxonomyId,
        language: 'ja',
      })),
      {
        id: stableUuid(municipality.code, FLAG_TAXONOMY, HOLIDAY_TERM),
        code: HOLIDAY_TERM,
        name: '祝日休み',
        description: 'Closed on Japanese public holidays',
        taxonomy: FLAG_TAXONOMY,
        taxonomy_id: flagTaxonomyId,
        language: 'ja',
      },
    ],
  };
  const opening = JSON.stringify(head, null, 1);
  yield `${opening.slice(0, -2)},\n "services": [`;
  const context = { municipality, terms };
  yield* jsonArray(exportFacilities(db, municipality.code, FACILITY_TYPES), (f) => [hsdsService(f, context)]);
  yield ']\n}\n';
}

type Context = {
  municipality: MunicipalityInfo;
  terms: Map<string, { code: string; name_ja: string; name_en: string }>;
};

function hsdsService(f: ExportFacility, { municipality, terms }: Context) {
  const ids = {
    service: stableUuid(f.id, 'service'),
    organization: stableUuid(f.id, 'organization'),
    location: stableUuid(f.id, 'location'),
    serviceAtLocation: stableUuid(f.id, 'service_at_location'),
  };
  const phones = [
    f.phone && { id: stableUuid(f.id, 'phone'), number: f.phone, type: 'voice', languages: [] },
    f.fax && { id: stableUuid(f.id, 'fax'), number: f.fax, type: 'fax', languages: [] },
  ].filter(Boolean);
  const schedules = hsdsSchedules(f, ids.service);
  return {
    id: ids.service,
    organization_id: ids.organization,
    name: f.name,
    alternate_name: f.name_en,
    description: facilityTypeLabels[f.type].ja,
    url: f.url,
    email: f.email,
    status: STATUS[f.status] ?? 'active',
    assured_date: tokyoDate(f.last_confirmed_at),
    phones,
    schedules,
    attributes: hsdsAttributes(f, ids.service, municipality.code, terms),
    organization: {
      id: ids.organization,
      name: f.name,
      alternate_name: f.name_en,
      description: facilityTypeLabels[f.type].ja,
      email: f.email,
      website: f.url,
      organization_identifiers: [
        f.medical_institution_code && {
          id: stableUuid(f.id, 'identifier', 'mic'),
          identifier_scheme: 'JP-MIC',
          identifier_type: '医療機関コード',
          identifier: f.medical_institution_code,
        },
        f.care_office_number && {
          id: stableUuid(f.id, 'identifier', 'care'),
          identifier_scheme: 'JP-LTCI',
          identifier_type: '介護保険事業所番号',
          identifier: f.care_office_number,
        },
      ].filter(Boolean),
    },
    service_at_locations: [
      {
        id: ids.serviceAtLocation,
        service_id: ids.service,
        location_id: ids.location,
        location: {
          id: ids.location,
          location_type: 'physical',
          name: f.name,
          latitude: f.lat,
          longitude: f.lng,
          external_identifier: f.id,
          external_identifier_type: 'zaitaku-facility-id',
          addresses: [hsdsAddress(f, ids.location, municipality)],
          phones,
        },
      },
    ],
  };
}

function hsdsAddress(f: ExportFacility, locationId: string, municipality: MunicipalityInfo) {
  return {
    id: stableUuid(f.id, 'address'),
    location_id: locationId,
    address_1: joinAddress({ prefecture: null, city: null, town: f.address_town, block: f.address_block }),
    address_2: f.address_building,
    city: f.address_city ?? municipality.name,
    state_province: f.address_prefecture ?? municipality.prefecture,
    postal_code: f.postal_code ? `${f.postal_code.slice(0, 3)}-${f.postal_code.slice(3)}` : null,
    country: 'JP',
    address_type: 'physical',
  };
}

/** One schedule per opening pattern; weeks with 第n closures become MONTHLY rules. */
function hsdsSchedules(f: ExportFacility, serviceId: string) {
  const notes = [f.hours_note, closureNote(f), f.closed_on_holidays ? '祝日休み' : null]
    .filter(Boolean)
    .join('\n');
  const schedules: object[] = [];
  for (const group of openingGroups(f)) {
    const base = {
      service_id: serviceId,
      opens_at: group.opens,
      closes_at: group.closes,
      timezone: 9,
      notes,
    };
    if (group.weekly.length > 0) {
      const byday = group.weekly.map((d) => ICAL_DAYS[d]).join(',');
      schedules.push({
        id: stableUuid(f.id, 'schedule', group.opens, byday),
        freq: 'WEEKLY',
        byday,
        ...base,
      });
    }
    for (const [weekday, weeks] of group.monthly) {
      const byday = weeks.map((n) => `${n}${ICAL_DAYS[weekday]}`).join(',');
      schedules.push({
        id: stableUuid(f.id, 'schedule', group.opens, byday),
        freq: 'MONTHLY',
        byday,
        ...base,
      });
    }
  }
  return schedules;
}

function hsdsAttributes(f: ExportFacility, serviceId: string, code: string, terms: Context['terms']) {
  const attributes: object[] = f.capabilities
    .filter(([capability]) => terms.has(capability))
    .map(([capability, confirmedAt]) => {
      const term = terms.get(capability)!;
      return {
        id: stableUuid(f.id, 'attribute', capability),
        link_id: serviceId,
        link_type: 'capability',
        link_entity: 'service',
        taxonomy_term_id: stableUuid(code, CAPABILITY_TAXONOMY, capability),
        // The day the facility last confirmed it: older than 12 months counts as unconfirmed.
        value: tokyoDate(confirmedAt),
        label: term.name_ja,
        taxonomy_term: {
          code: term.code,
          name: term.name_ja,
          description: term.name_en,
          taxonomy: CAPABILITY_TAXONOMY,
        },
      };
    });
  if (f.closed_on_holidays) {
    attributes.push({
      id: stableUuid(f.id, 'attribute', HOLIDAY_TERM),
      link_id: serviceId,
      link_type: 'schedule_flag',
      link_entity: 'service',
      taxonomy_term_id: stableUuid(code, FLAG_TAXONOMY, HOLIDAY_TERM),
      value: 'true',
      label: '祝日休み',
    });
  }
  return attributes;
}
