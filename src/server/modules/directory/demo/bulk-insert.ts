import { type Kysely, sql } from 'kysely';
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
  };
}

async function insertBatch(db: Kysely<Database>, batch: DemoFacility[]): Promise<void> {
  const facilities = JSON.stringify(batch.map(facilityRow));
  await sql`
    insert into facilities (id, municipality_code, type, name, name_kana, address_prefecture, address_city,
      address_town, address_block, address_building, postal_code, town, district_code, location, phone, fax,
      email, url, medical_institution_code, care_office_number, beds, departments, languages, accessibility,
      collaboration_tools, main_station_id, closed_on_holidays, closed_year_end, hours_note, is_demo, source_id,
      last_confirmed_at, search_text, search_grams, name_key, kana_key)
    select id, municipality_code, type, name, name_kana, address_prefecture, address_city, address_town,
      address_block, address_building, postal_code, town, district_code, point(lng, lat), phone, fax, email, url,
      medical_institution_code, care_office_number, beds, departments, languages, accessibility,
      collaboration_tools, main_station_id, closed_on_holidays, closed_year_end, hours_note, true, source_id,
      last_confirmed_at, search_text, search_grams, name_key, kana_key
    from jsonb_to_recordset(${facilities}::jsonb) as r(id uuid, municipality_code char(6), type text, name text,
      name_kana text, address_prefecture text, address_city text, address_town text, address_block text,
      address_building text, postal_code char(7), town text, district_code text, lat float8, lng float8,
      phone text, fax text, email text, url text, medical_institution_code char(10), care_office_number char(10),
      beds integer, departments text[], languages text[], accessibility text[], collaboration_tools text[],
      main_station_id uuid, closed_on_holidays boolean, closed_year_end boolean, hours_note text,
      source_id text, last_confirmed_at timestamptz, search_text text, search_grams integer[], name_key text,
      kana_key text)
    on conflict (id) do nothing`.execute(db);
  const hours = batch.flatMap((f) =>
    toHoursRows(f.hours.weekly).map((h) => ({
      ...h,
      facility_id: f.id,
      municipality_code: f.municipalityCode,
    })),
  );
  const closures = batch.flatMap((f) =>
    f.hours.closures.flatMap((c) =>
      c.nth.map((nth) => ({
        facility_id: f.id,
        municipality_code: f.municipalityCode,
        weekday: c.weekday,
        nth,
      })),
    ),
  );
  const capabilities = batch.flatMap((f) =>
    f.capabilities.map((c) => ({
      facility_id: f.id,
      municipality_code: f.municipalityCode,
      code: c.code,
      confirmed_at: c.confirmedAt,
    })),
  );
  const capacity = batch.flatMap((f) =>
    f.capacity
      ? [
          {
            facility_id: f.id,
            municipality_code: f.municipalityCode,
            signal: f.capacity.signal,
            set_at: f.capacity.setAt,
          },
        ]
      : [],
  );
  await sql`
    insert into facility_hours (facility_id, municipality_code, day, open_minute, close_minute, note)
    select * from jsonb_to_recordset(${JSON.stringify(hours)}::jsonb)
      as r(facility_id uuid, municipality_code char(6), day smallint, open_minute smallint, close_minute smallint,
        note text)
    on conflict do nothing`.execute(db);
  if (closures.length > 0) {
    await sql`
      insert into facility_closures (facility_id, municipality_code, weekday, nth)
      select * from jsonb_to_recordset(${JSON.stringify(closures)}::jsonb)
        as r(facility_id uuid, municipality_code char(6), weekday smallint, nth smallint)
      on conflict do nothing`.execute(db);
  }
  await sql`
    insert into facility_capabilities (facility_id, municipality_code, code, confirmed_at)
    select * from jsonb_to_recordset(${JSON.stringify(capabilities)}::jsonb)
      as r(facility_id uuid, municipality_code char(6), code text, confirmed_at timestamptz)
    on conflict do nothing`.execute(db);
  await sql`
    insert into facility_capacity (facility_id, municipality_code, signal, set_at)
    select * from jsonb_to_recordset(${JSON.stringify(capacity)}::jsonb)
      as r(facility_id uuid, municipality_code char(6), signal text, set_at timestamptz)
    on conflict do nothing`.execute(db);
}

const LOADED_TABLES = [
  'facilities',
  'facility_hours',
  'facility_closures',
  'facility_capabilities',
  'facility_capacity',
];

/**
 * Drops the secondary indexes of the loaded tables and returns their definitions (as PostgreSQL
 * prints them) so that exactly the same indexes are built again after the load.
 */
async function dropSecondaryIndexes(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = current_schema() and i.tablename = any(${LOADED_TABLES}::text[])
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(db);
  for (const row of rows) await sql`drop index ${sql.ref(row.indexname)}`.execute(db);
  return rows.map((r) => r.indexdef);
}

/**
 * Inserts generated facilities (with hours, closures, capabilities, capacity) in batches of
 * multi-row statements (one JSON parameter each). With `rebuildIndexes`, the secondary indexes
 * are dropped first and built once at the end, which is much faster for large loads (the
 * benchmark's 500,000); do not use it while the application serves requests.
 */
export async function bulkInsertFacilities(
  db: Kysely<Database>,
  facilities: Iterable<DemoFacility>,
  options: { batchSize?: number; rebuildIndexes?: boolean; onProgress?: (inserted: number) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 1000;
  const indexDefinitions = options.rebuildIndexes ? await dropSecondaryIndexes(db) : [];
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
  for (const definition of indexDefinitions) await sql.raw(definition).execute(db);
  await sql`analyze facilities, facility_capabilities, facility_hours`.execute(db);
  return inserted;
}
