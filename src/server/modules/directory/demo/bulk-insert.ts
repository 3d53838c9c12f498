import { type Kysely, sql } from 'kysely';
import { restoreAfterLoad, suspendForLoad } from '../../../platform/db/bulk-load';
import type { Database } from '../../../platform/db/schema';
import { toHoursRows } from '../opening-hours';
import { buildSearchFields } from '../search-document';
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
    // An array literal: PostgreSQL parses '{…}' much faster than a JSON array of numbers.
    search_grams: `{${search.search_grams.join(',')}}`,
  };
}

async function insertBatch(db: Kysely<Database>, batch: DemoFacility[]): Promise<void> {
  const facilities = JSON.stringify(batch.map(facilityRow));
  const { rows } = await sql`
    insert into facilities (id, municipality_code, type, name, name_kana, address_prefecture, address_city,
      address_town, address_block, address_building, postal_code, town, district_code, location, phone, fax,
      email, url, medical_institution_code, care_office_number, beds, departments, languages, accessibility,
      collaboration_tools, main_station_id, closed_on_holidays, closed_year_end, hours_note, is_demo, source_id,
      last_confirmed_at, search_text, search_grams, name_key, kana_key)
    select id, municipality_code, type, name, name_kana, address_prefecture, address_city, address_town,
      address_block, address_building, postal_code, town, district_code, point(lng, lat), phone, fax, email, url,
      medical_institution_code, care_office_number, beds, departments, languages, accessibility,
      collaboration_tools, main_station_id, closed_on_holidays, closed_year_end, hours_note, true, source_id,
      last_confirmed_at, search_text, search_grams::integer[], name_key, kana_key
    from jsonb_to_recordset(${facilities}::jsonb) as r(id uuid, municipality_code char(6), type text, name text,
      name_kana text, address_prefecture text, address_city text, address_town text, address_block text,
      address_building text, postal_code char(7), town text, district_code text, lat float8, lng float8,
      phone text, fax text, email text, url text, medical_institution_code char(10), care_office_number char(10),
      beds integer, departments text[], languages text[], accessibility text[], collaboration_tools text[],
      main_station_id uuid, closed_on_holidays boolean, closed_year_end boolean, hours_note text,
      source_id text, last_confirmed_at timestamptz, search_text text, search_grams text, name_key text,
      kana_key text)
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
  const h = {
    id: [] as string[],
    m: [] as string[],
    day: [] as number[],
    open: [] as number[],
    close: [] as number[],
    note: [] as Array<string | null>,
  };
  const x = { id: [] as string[], m: [] as string[], weekday: [] as number[], nth: [] as number[] };
  const c = { id: [] as string[], m: [] as string[], code: [] as string[], at: [] as string[] };
  const k = { id: [] as string[], m: [] as string[], signal: [] as string[], at: [] as string[] };
  for (const f of batch) {
    for (const row of toHoursRows(f.hours.weekly)) {
      h.id.push(f.id);
      h.m.push(f.municipalityCode);
      h.day.push(row.day);
      h.open.push(row.open_minute);
      h.close.push(row.close_minute);
      h.note.push(row.note);
    }
    for (const closure of f.hours.closures) {
      for (const nth of closure.nth) {
        x.id.push(f.id);
        x.m.push(f.municipalityCode);
        x.weekday.push(closure.weekday);
        x.nth.push(nth);
      }
    }
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
  await sql`
    insert into facility_hours (facility_id, municipality_code, day, open_minute, close_minute, note)
    select * from unnest(${h.id}::uuid[], ${h.m}::text[], ${h.day}::smallint[], ${h.open}::smallint[],
      ${h.close}::smallint[], ${h.note}::text[])`.execute(db);
  await sql`
    insert into facility_closures (facility_id, municipality_code, weekday, nth)
    select * from unnest(${x.id}::uuid[], ${x.m}::text[], ${x.weekday}::smallint[], ${x.nth}::smallint[])`.execute(
    db,
  );
  await sql`
    insert into facility_capabilities (facility_id, municipality_code, code, confirmed_at)
    select * from unnest(${c.id}::uuid[], ${c.m}::text[], ${c.code}::text[], ${c.at}::timestamptz[])`.execute(
    db,
  );
  await sql`
    insert into facility_capacity (facility_id, municipality_code, signal, set_at)
    select * from unnest(${k.id}::uuid[], ${k.m}::text[], ${k.signal}::text[], ${k.at}::timestamptz[])`.execute(
    db,
  );
}

const LOADED_TABLES = [
  'facilities',
  'facility_hours',
  'facility_closures',
  'facility_capabilities',
  'facility_capacity',
];

const CHILD_TABLES = LOADED_TABLES.filter((t) => t !== 'facilities');

/**
 * Inserts generated facilities (with hours, closures, capabilities, capacity) in batches of
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
  await sql`analyze facilities, facility_capabilities, facility_hours`.execute(db);
  return inserted;
}
