import {
  type ConfirmationSource,
  type FacilityDetail,
  type FacilityPatch,
  freshConfirmationSources,
  type OpeningHours,
} from '../../../contracts/directory';
import { formatAddress, presentCapacity, toIso } from './facility.presenter';
import type { FacilityRecord } from './facility.queries';
import { fromHoursRows } from './opening-hours';

export function presentHours(record: FacilityRecord): OpeningHours {
  const byWeekday = new Map<number, number[]>();
  for (const c of record.closures) byWeekday.set(c.weekday, [...(byWeekday.get(c.weekday) ?? []), c.nth]);
  return {
    weekly: fromHoursRows(record.hours),
    closures: [...byWeekday.entries()].map(([weekday, nth]) => ({ weekday, nth })),
    closedOnHolidays: record.closed_on_holidays,
    closedYearEnd: record.closed_year_end,
    note: record.hours_note,
  };
}

/** True when a confirmation does not count as fresh (too old, or only an open-data file's). */
export function isStaleConfirmation(at: Date | string, by: ConfirmationSource, staleBefore: Date): boolean {
  return !freshConfirmationSources.includes(by) || new Date(at) < staleBefore;
}

/** The public facility page. `staleBefore`: confirmations older than this are flagged stale. */
export function presentFacilityDetail(record: FacilityRecord, staleBefore: Date): FacilityDetail {
  return {
    id: record.id,
    municipalityCode: record.municipality_code,
    type: record.type,
    status: record.status,
    name: record.name,
    kana: record.name_kana,
    nameEn: record.name_en,
    address: formatAddress(record),
    addressBlock: {
      prefecture: record.address_prefecture,
      city: record.address_city,
      town: record.address_town,
      block: record.address_block,
      building: record.address_building,
    },
    postalCode: record.postal_code,
    town: record.town,
    district: record.district_code,
    districtName: record.district_name,
    location: record.lat === null || record.lng === null ? null : { lat: record.lat, lng: record.lng },
    phone: record.phone,
    fax: record.fax,
    email: record.email,
    url: record.url,
    medicalInstitutionCode: record.medical_institution_code,
    careOfficeNumber: record.care_office_number,
    beds: record.beds,
    departments: record.departments,
    languages: record.languages,
    accessibility: record.accessibility,
    collaborationTools: record.collaboration_tools,
    mainStation: record.main_station_id
      ? { id: record.main_station_id, name: record.main_station_name ?? '' }
      : null,
    satellites: record.satellites,
    hours: presentHours(record),
    capabilities: record.capabilities.map((c) => ({
      code: c.code,
      name: c.name_ja ?? c.code,
      nameEn: c.name_en ?? c.code,
      confirmedAt: toIso(c.confirmed_at),
      confirmedBy: c.confirmed_by,
      confirmedFile: c.confirmed_file,
      stale: isStaleConfirmation(c.confirmed_at, c.confirmed_by, staleBefore),
    })),
    capacity: presentCapacity(record.capacity_signal, record.capacity_set_at),
    lastConfirmedAt: record.last_confirmed_at ? toIso(record.last_confirmed_at) : null,
    lastConfirmedBy: record.last_confirmed_at ? record.last_confirmed_by : null,
    lastConfirmedFile: record.last_confirmed_file,
    updatedAt: toIso(record.updated_at),
    version: record.version,
    isDemo: record.is_demo,
  };
}

/** The current state in the shape of a change (every field), for diffs and for applying changes. */
export function toPatchView(record: FacilityRecord): FacilityPatch {
  return {
    name: record.name,
    kana: record.name_kana,
    nameEn: record.name_en,
    status: record.status,
    addressBlock: {
      prefecture: record.address_prefecture,
      city: record.address_city,
      town: record.address_town,
      block: record.address_block,
      building: record.address_building,
    },
    postalCode: record.postal_code,
    location: record.lat === null || record.lng === null ? null : { lat: record.lat, lng: record.lng },
    phone: record.phone,
    fax: record.fax,
    email: record.email,
    url: record.url,
    medicalInstitutionCode: record.medical_institution_code,
    careOfficeNumber: record.care_office_number,
    beds: record.beds,
    departments: record.departments,
    languages: record.languages,
    accessibility: record.accessibility,
    collaborationTools: record.collaboration_tools,
    mainStationId: record.main_station_id,
    hours: presentHours(record),
    capabilities: record.capabilities.map((c) => c.code).sort(),
  };
}
