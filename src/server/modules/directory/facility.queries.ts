import { type RawBuilder, sql } from 'kysely';
import type {
  CapacitySignal,
  CollaborationTool,
  ConfirmationSource,
  FacilityStatus,
  FacilityType,
  LatLng,
} from '../../../contracts/directory';
import type { Executor } from '../../platform/db/schema';
import { closuresOf, type HoursColumns, type HoursRow, hoursRowsOf } from './opening-hours';
import './facility.table';

/** A facility with everything its page shows, loaded in one statement. */
export type FacilityRecord = {
  id: string;
  municipality_code: string;
  type: FacilityType;
  status: FacilityStatus;
  name: string;
  name_kana: string | null;
  name_en: string | null;
  address_prefecture: string | null;
  address_city: string | null;
  address_town: string | null;
  address_block: string | null;
  address_building: string | null;
  postal_code: string | null;
  town: string | null;
  district_code: string | null;
  district_name: string | null;
  lat: number | null;
  lng: number | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  url: string | null;
  medical_institution_code: string | null;
  care_office_number: string | null;
  beds: number | null;
  departments: string[];
  languages: string[];
  accessibility: string[];
  collaboration_tools: CollaborationTool[];
  main_station_id: string | null;
  main_station_name: string | null;
  closed_on_holidays: boolean;
  closed_year_end: boolean;
  hours_note: string | null;
  is_demo: boolean;
  last_confirmed_at: Date | null;
  last_confirmed_by: ConfirmationSource | null;
  last_confirmed_file: string | null;
  edited_by_editor_at: Date | null;
  version: number;
  updated_at: Date;
  hours: HoursRow[];
  closures: Array<{ weekday: number; nth: number }>;
  capabilities: Array<{
    code: string;
    name_ja: string | null;
    name_en: string | null;
    confirmed_at: string;
    confirmed_by: ConfirmationSource;
    confirmed_file: string | null;
  }>;
  satellites: Array<{ id: string; name: string }>;
  capacity_signal: CapacitySignal | null;
  capacity_set_at: Date | null;
};

/**
 * Loads one facility (optionally only within a municipality) or undefined; `forUpdate` locks the
 * facility row for a write in the caller's transaction.
 */
export async function findFacilityRecord(
  executor: Executor,
  id: string,
  options: { municipalityCode?: string; forUpdate?: boolean } = {},
): Promise<FacilityRecord | undefined> {
  // raw sql: the fragments of the one statement below (the builder cannot mix them into a raw statement).
  const scope = options.municipalityCode ? sql`and f.municipality_code = ${options.municipalityCode}` : sql``;
  const lock = options.forUpdate ? sql`for update of f` : sql``;
  // raw sql: one statement with the point's coordinates (location[1], location[0]: Kysely has no point
  // type), the capabilities through a lateral join and jsonb_agg; the facility page's hot path.
  const { rows } = await sql<Omit<FacilityRecord, 'hours' | 'closures'> & HoursColumns>`
    select f.id, f.municipality_code, f.type, f.status, f.name, f.name_kana, f.name_en,
      f.address_prefecture, f.address_city, f.address_town, f.address_block, f.address_building,
      f.postal_code, f.town, f.district_code, d.name as district_name,
      f.location[1] as lat, f.location[0] as lng,
      f.phone, f.fax, f.email, f.url, f.medical_institution_code, f.care_office_number, f.beds,
      f.departments, f.languages, f.accessibility, f.collaboration_tools, f.main_station_id,
      (select m.name from facilities m where m.id = f.main_station_id) as main_station_name,
      f.closed_on_holidays, f.closed_year_end, f.hours_note, f.is_demo, f.last_confirmed_at,
      f.last_confirmed_by, f.last_confirmed_file, f.edited_by_editor_at, f.version, f.updated_at,
      f.hours_day, f.hours_open, f.hours_close, f.hours_shift_notes, f.nth_closures,
      coalesce((select jsonb_agg(jsonb_build_object('code', c.code, 'confirmed_at', c.confirmed_at,
          'confirmed_by', c.confirmed_by, 'confirmed_file', c.confirmed_file,
          'name_ja', t.name_ja, 'name_en', t.name_en) order by t.sort_order nulls last, c.code)
        from facility_capabilities c
        left join lateral (select name_ja, name_en, sort_order from directory_capabilities t
          where t.code = c.code and (t.municipality_code is null or t.municipality_code = f.municipality_code)
          order by t.municipality_code nulls last limit 1) t on true
        where c.facility_id = f.id), '[]'::jsonb) as capabilities,
      coalesce((select jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name) order by s.name)
        from facilities s where s.main_station_id = f.id and s.status <> 'closed'), '[]'::jsonb) as satellites,
      k.signal as capacity_signal, k.set_at as capacity_set_at
    from facilities f
    left join directory_districts d on d.municipality_code = f.municipality_code and d.code = f.district_code
    left join facility_capacity k on k.facility_id = f.id
    where f.id = ${id} ${scope}
    ${lock}`.execute(executor);
  const row = rows[0];
  if (!row) return undefined;
  const { hours_day, hours_open, hours_close, hours_shift_notes, nth_closures, ...rest } = row;
  return {
    ...rest,
    hours: hoursRowsOf({ hours_day, hours_open, hours_close, hours_shift_notes }),
    closures: closuresOf(nth_closures),
  };
}

/** The value of facilities.location for a place (PostgreSQL's point is x, y: longitude first). */
export function pointOf(location: LatLng): RawBuilder<unknown> {
  // raw sql: Kysely has no point type; the column is written with point(lng, lat) (facility.table.ts).
  return sql`point(${location.lng}, ${location.lat})`;
}

export type SearchColumns = {
  id: string;
  search_text: string;
  search_grams: number[];
  name_key: string;
  kana_key: string;
};

/** Writes the search columns of a batch of facilities in one statement. */
export async function writeSearchColumns(executor: Executor, values: SearchColumns[]): Promise<void> {
  // raw sql: one UPDATE … FROM jsonb_to_recordset(…) AS v(…) writes the whole batch with one parameter;
  // the builder cannot declare the record's column list.
  await sql`
    update facilities f
    set search_text = v.search_text, search_grams = v.search_grams, name_key = v.name_key, kana_key = v.kana_key
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
      as v(id uuid, search_text text, search_grams integer[], name_key text, kana_key text)
    where f.id = v.id`.execute(executor);
}
