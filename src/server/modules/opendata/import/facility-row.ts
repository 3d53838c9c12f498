import type { Selectable } from 'kysely';
import type { FacilityTable } from '../../directory';
import { splitAddress } from '../parse/normalise-address';
import type { DayCode } from '../parse/normalise-schedule';
import type { FacilityContent, ResolvedRow } from '../parse/row-resolution';
import { serviceCodeOf } from './care-service-codes';

/** The directory's facility columns an import writes (the directory's own table type). */
type ImportedColumn =
  | 'id'
  | 'municipality_code'
  | 'type'
  | 'status'
  | 'name'
  | 'name_kana'
  | 'name_en'
  | 'address_prefecture'
  | 'address_city'
  | 'address_town'
  | 'address_block'
  | 'address_building'
  | 'postal_code'
  | 'town'
  | 'district_code'
  | 'phone'
  | 'fax'
  | 'email'
  | 'url'
  | 'medical_institution_code'
  | 'care_office_number'
  | 'care_service_type'
  | 'beds'
  | 'beds_note'
  | 'departments'
  | 'closed_on_holidays'
  | 'hours_note'
  | 'source_id';

/** The directory columns an import writes, as one record per facility. */
export type DirectoryRow = Pick<Selectable<FacilityTable>, ImportedColumn> & {
  lat: number | null;
  lng: number | null;
  /** The file's check date (Tokyo midnight, ISO); the facility keeps a later confirmation of its own. */
  last_confirmed_at: string | null;
};

/**
 * The facility fields (FacilityPatch names of the directory) each content field belongs to: an
 * editor's approved change of `phone` keeps the file's 電話番号 from overwriting it.
 */
export const PATCH_FIELD_OF: Readonly<Record<string, string>> = {
  name: 'name',
  nameKana: 'kana',
  nameEn: 'nameEn',
  status: 'status',
  addressFull: 'addressBlock',
  prefecture: 'addressBlock',
  city: 'addressBlock',
  town: 'addressBlock',
  block: 'addressBlock',
  building: 'addressBlock',
  postalCode: 'postalCode',
  latitude: 'location',
  longitude: 'location',
  phone: 'phone',
  fax: 'fax',
  email: 'email',
  url: 'url',
  medicalInstitutionCode: 'medicalInstitutionCode',
  careOfficeNumber: 'careOfficeNumber',
  beds: 'beds',
  departments: 'departments',
  days: 'hours',
  opensAt: 'hours',
  closesAt: 'hours',
  hoursNote: 'hours',
};

/** The row to write over a stored facility (a FacilityState of facility-state.ts, which builds on DirectoryRow). */
export function rowFromState(state: Omit<DirectoryRow, 'last_confirmed_at'>): DirectoryRow {
  const { lat, lng } = state;
  return {
    id: state.id,
    municipality_code: state.municipality_code,
    type: state.type,
    status: state.status,
    name: state.name,
    name_kana: state.name_kana,
    name_en: state.name_en,
    address_prefecture: state.address_prefecture,
    address_city: state.address_city,
    address_town: state.address_town,
    address_block: state.address_block,
    address_building: state.address_building,
    postal_code: state.postal_code,
    town: state.town,
    district_code: state.district_code,
    lat,
    lng,
    phone: state.phone,
    fax: state.fax,
    email: state.email,
    url: state.url,
    medical_institution_code: state.medical_institution_code,
    care_office_number: state.care_office_number,
    care_service_type: state.care_service_type,
    beds: state.beds,
    beds_note: state.beds_note,
    departments: state.departments,
    closed_on_holidays: state.closed_on_holidays,
    hours_note: state.hours_note,
    source_id: state.source_id,
    last_confirmed_at: null,
  };
}

export function emptyRow(id: string, row: ResolvedRow): DirectoryRow {
  return {
    id,
    municipality_code: row.municipalityCode,
    type: row.type,
    status: 'active',
    name: '',
    name_kana: null,
    name_en: null,
    address_prefecture: null,
    address_city: null,
    address_town: null,
    address_block: null,
    address_building: null,
    postal_code: null,
    town: null,
    district_code: null,
    lat: null,
    lng: null,
    phone: null,
    fax: null,
    email: null,
    url: null,
    medical_institution_code: null,
    care_office_number: null,
    care_service_type: null,
    beds: null,
    beds_note: null,
    departments: [],
    closed_on_holidays: true,
    hours_note: null,
    source_id: null,
    last_confirmed_at: null,
  };
}

const SIMPLE = new Map<string, keyof DirectoryRow>([
  ['name', 'name'],
  ['nameKana', 'name_kana'],
  ['nameEn', 'name_en'],
  ['status', 'status'],
  ['building', 'address_building'],
  ['phone', 'phone'],
  ['fax', 'fax'],
  ['email', 'email'],
  ['url', 'url'],
  ['careOfficeNumber', 'care_office_number'],
  ['hoursNote', 'hours_note'],
  ['departments', 'departments'],
] satisfies Array<[keyof FacilityContent, keyof DirectoryRow]>);

/**
 * Writes the given content fields onto a directory row (mutating it). Fields in `skip` (an
 * editor's kept edits) are left alone. Returns whether the weekly hours must be rewritten.
 */
export function applyContent(
  target: DirectoryRow,
  row: ResolvedRow,
  fields: Iterable<string>,
): { hours: boolean } {
  const content = row.content as Record<string, unknown>;
  const set = target as Record<string, unknown>;
  let hours = false;
  for (const field of fields) {
    const value = content[field];
    const column = SIMPLE.get(field);
    if (column) {
      set[column] = value ?? (column === 'departments' ? [] : null);
      continue;
    }
    switch (field) {
      case 'type':
        target.type = row.type;
        break;
      case 'serviceKind':
        target.care_service_type = typeof value === 'string' ? serviceCodeOf(value) : null;
        break;
      case 'addressFull':
        Object.assign(target, addressColumns(splitAddress((value as string | null) ?? '', row.cityName)));
        break;
      case 'prefecture':
      case 'city':
      case 'town':
      case 'block':
        set[`address_${field}`] = value ?? null;
        break;
      case 'latitude':
      case 'longitude':
        target.lat = (content.latitude as number | null) ?? null;
        target.lng = (content.longitude as number | null) ?? null;
        break;
      case 'postalCode':
        target.postal_code = typeof value === 'string' ? value.replace('-', '') : null;
        break;
      case 'medicalInstitutionCode':
        target.medical_institution_code = typeof value === 'string' && /^\d{10}$/.test(value) ? value : null;
        break;
      case 'beds':
        target.beds = (value as number | null) ?? null;
        target.beds_note = row.bedsNote;
        break;
      case 'days':
        target.closed_on_holidays = !((value as DayCode[] | undefined) ?? []).includes('holiday');
        hours = true;
        break;
      case 'opensAt':
      case 'closesAt':
        hours = true;
        break;
      case 'confirmedOn':
        target.last_confirmed_at = typeof value === 'string' ? `${value}T00:00:00+09:00` : null;
        break;
    }
  }
  return { hours };
}

function addressColumns(parts: ReturnType<typeof splitAddress>) {
  return {
    address_prefecture: parts.prefecture,
    address_city: parts.city,
    address_town: parts.town,
    address_block: parts.block,
  };
}
