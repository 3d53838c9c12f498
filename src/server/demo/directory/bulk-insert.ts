import { type Kysely, sql } from 'kysely';
import { hoursColumns, toHoursRows } from '../../modules/directory/opening-hours';
import { buildSearchFields } from '../../modules/directory/search-document';
import { restoreAfterLoad, suspendForLoad } from '../../platform/db/bulk-load';
import type { Database } from '../../platform/db/schema';
import { capabilityNameJa, type DemoFacility } from './facility-generator';

type Row = Record<string, unknown>;

function facilityRow(f: DemoFacility): Row {
  const search = buildSearchFields({
    name: f.name,
    name_kana: f.kana,
    name_en: null,
    type: f.type,
    address_city: f.address.city,
    address_town: f.address.town,
    address_block: f.address.block,
    address_building: f.address.building,
    town: f.town,
    districtName: f.districtName,
    departments: f.departments,
    languages: f.languages,
    capabilityNames: f.capabilities.map((c) => capabilityNameJa.get(c.code) ?? c.code),
  });
  const hours = hoursColumns(toHoursRows(f.hours.weekly), f.hours.closures);
  return {
    id: f.id,
    municipality_code: f.municipalityCode,
    type: f.type,
    name: f.name,
    name_kana: f.kana,
    address_prefecture: f.address.prefecture,
    address_city: f.address.city,
    address_town: f.address.town,
    address_block: f.address.block,
    address_building: f.address.building,
    postal_code: f.postalCode,
    town: f.town,
    district_code: f.districtCode,
    lat: f.location.lat,
    lng: f.location.lng,
    phone: f.phone,
    fax: f.fax,
    email: f.email,
    url: f.url,
    medical_institution_code: f.medicalInstitutionCode,
    care_office_number: f.careOfficeNumber,
    beds: f.beds,
    departments: f.departments,
    languages: f.languages,
    accessibility: f.accessibility,
    collaboration_tools: f.collaborationTools,
    main_station_id: f.mainStationId,
    closed_on_holidays: f.hours.closedOnHolidays,
    closed_year_end: f.hours.closedYearEnd,
    hours_note: f.hours.note,
    source_id: f.sourceId,
    last_confirmed_at: f.capabilities.reduce<Date | null>(
      (latest, c) => (!latest || c.confirmedAt > latest ? c.confirmedAt : latest),
      null,
    ),
    ...search,
    // Array literals: PostgreSQL parses '{…}' much faster than a JSON array of numbers.
    search_grams: `{${search.search_grams.join(',')}}`,
    hours_day: `{${hours.hours_day.join(',')}}`,
    hours_open: `{${hours.hours_open.join(',')}}`,
    hours_close: `{${hours.hours_close.join(',')}}`,
    hours_shift_notes: hours.hours_shift_notes,
    nth_closures: `{${hours.nth_closures.join(',')}}`,
  };
}

async function insertBatch(db: Kysely<Database>, batch: DemoFacility[]): Promise<void> {
  const facilities = JSON.stringify(batch.map(facilityRow));
  // raw sql: bulk load: a batch of facilities as one jsonb parameter (jsonb_to_recordset).
  const { rows } = await sql`
    insert into facilities (id, municipality_code, type, name, name_kana, address_prefecture, address_city,
      address_town, address_block, address_building, postal_code, town, district_code, location, phone, fax,
      email, url, medical_institution_code, care_office_number, beds, departments, languages, accessibility,
      collaboration_tools, main_station_id, closed_on_holidays, closed_year_end, hours_note, is_demo, source_id,
      last_confirmed_at, last_confirmed_by, search_text, search_grams, name_key, kana_key, hours_day,
      hours_open, hours_close, hours_shift_notes, nth_closures)
    select id, municipality_code, type, name, name_kana, address_prefecture, address_city, address_town,
      address_block, address_building, postal_code, town, district_code, point(lng, lat), phone, fax, email, url,
      medical_institution_code, care_office_number, beds, departments, languages, accessibility,
      collaboration_tools, main_station_id, closed_on_holidays, closed_year_end, hours_note, true, source_id,
      -- The synthetic facilities stand for ones that confirmed their own entries.
      last_confirmed_at, case when last_confirmed_at is not null then 'facility' end, search_text,
      search_grams::integer[], name_key, kana_key, hours_day::smallint[],
      hours_open::smallint[], hours_close::smallint[], hours_shift_notes, nth_closures::smallint[]
    from jsonb_to_recordset(${facilities}::jsonb) as r(id uuid, municipality_code char(6), type text, name text,
      name_kana text, address_prefecture text, address_city text, address_town text, address_block text,
      address_building text, postal_code char(7), town text, district_code text, lat float8, lng float8,
      phone text, fax text, email text, url text, medical_institution_code char(10), care_office_number char(10),
      beds integer, departments text[], languages text[], accessibility text[], collaboration_tools text[],
      main_station_id uuid, closed_on_holidays boolean, closed_year_end boolean, hours_note text,
      source_id text, last_confirmed_at timestamptz, search_text text, search_grams text, name_key text,
      kana_key text, hours_day text, hours_open text, hours_close text, hours_shift_notes text[], nth_closures text)
    on conflict (id) do nothing
    returning id`.execute(db);
  // Children only for the facilities really inserted: a re-run adds nothing and needs no conflict checks.
  const inserted = new Set((rows as Array<{ id: string }>).map((r) => r.id));
  await insertChildren(
    db,
    batch.filter((f) => inserted.has(f.id)),
  );
}

/** Column arrays of the child rows: `unnest` of plain arrays parses far faster than JSON objects. */
async function insertChildren(db: Kysely<Database>, batch: DemoFacility[]): Promise<void> {
  if (batch.length === 0) return;
  const c = { id: [] as string[], m: [] as string[], code: [] as string[], at: [] as string[] };
  const k = { id: [] as string[], m: [] as string[], signal: [] as string[], at: [] as string[] };
  for (const f of batch) {
    for (const capability of f.capabilities) {
      c.id.push(f.id);
      c.m.push(f.municipalityCode);
      c.code.push(capability.code);
      c.at.push(capability.confirmedAt.toISOString());
    }
    if (f.capacity) {
      k.id.push(f.id);
      k.m.push(f.municipalityCode);
      k.signal.push(f.capacity.signal);
      k.at.push(f.capacity.setAt.toISOString());
    }
  }
  // raw sql: bulk load: the batch's capabilities as parallel arrays (unnest), one statement.
  await sql`
    insert into facility_capabilities (facility_id, municipality_code, code, confirmed_at)
    select * from unnest(${c.id}::uuid[], ${c.m}::text[], ${c.code}::text[], ${c.at}::timestamptz[])`.execute(
    db,
  );
  // raw sql: bulk load: the capacity signals the same way.
  await sql`
    insert into facility_capacity (facility_id, municipality_code, signal, set_at)
    select * from unnest(${k.id}::uuid[], ${k.m}::text[], ${k.signal}::text[], ${k.at}::timestamptz[])`.execute(
    db,
  );
}

const LOADED_TABLES = ['facilities', 'facility_capabilities', 'facility_capacity'];

const CHILD_TABLES = LOADED_TABLES.filter((t) => t !== 'facilities');

/**
 * Inserts generated facilities (with their hours and closures, capabilities, capacity) in batches of
 * multi-row statements (one JSON or array parameter each). With `rebuildIndexes`, indexes and the
 * child tables' keys are dropped first and restored once at the end, which is much faster for large loads (the
 * benchmark's 500,000); do not use it while the application serves requests.
 */
export async function bulkInsertFacilities(
  db: Kysely<Database>,
  facilities: Iterable<DemoFacility>,
  options: { batchSize?: number; rebuildIndexes?: boolean; onProgress?: (inserted: number) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 1000;
  const restore = options.rebuildIndexes
    ? await suspendForLoad(db, { tables: LOADED_TABLES, dropPrimaryKeysOf: CHILD_TABLES })
    : [];
  let inserted = 0;
  let batch: DemoFacility[] = [];
  for (const facility of facilities) {
    batch.push(facility);
    if (batch.length >= batchSize) {
      await insertBatch(db, batch);
      inserted += batch.length;
      options.onProgress?.(inserted);
      batch = [];
    }
  }
  if (batch.length > 0) {
    await insertBatch(db, batch);
    inserted += batch.length;
  }
  await restoreAfterLoad(db, restore);
  // raw sql: fresh planner statistics after the load; ANALYZE has no query-builder form.
  await sql`analyze facilities, facility_capabilities`.execute(db);
  return inserted;
}
