import { sql, type Transaction } from 'kysely';
import type { OpenDataLayout } from '../../../../contracts/opendata';
import { type CopyColumns, copyRows } from '../../../platform/db/copy';
import type { Database } from '../../../platform/db/schema';
import type { HoursColumns } from '../../directory';
import type { DirectoryRow } from './facility-row';

type Trx = Transaction<Database>;

/**
 * Bulk writes of the importer, one statement per batch. New rows go in by COPY (several times
 * faster than INSERT on both engines); updates and upserts take one JSON parameter expanded with
 * jsonb_to_recordset: no parameter limit, the same SQL on both engines.
 */

// raw sql: the record type jsonb_to_recordset expands the batch into; the builder cannot declare it.
const ROW_TYPE = sql`
  id uuid, municipality_code char(6), type text, status text, name text, name_kana text, name_en text,
  address_prefecture text, address_city text, address_town text, address_block text, address_building text,
  postal_code char(7), town text, district_code text, lat float8, lng float8, phone text, fax text,
  email text, url text, medical_institution_code char(10), care_office_number char(10),
  care_service_type text, beds integer, beds_note text, departments text[], closed_on_holidays boolean,
  hours_note text, source_id text, raw text, last_confirmed_at timestamptz, search_text text, search_grams integer[], name_key text,
  kana_key text, hours_set boolean, hours_day smallint[], hours_open smallint[], hours_close smallint[],
  hours_shift_notes text[], nth_closures smallint[]`;

/**
 * A facility row to write, with the file's cells as JSON text (ResolvedRow.rawJson) and its hours
 * and closures (null: an update keeps the stored ones).
 */
export type RowWrite = DirectoryRow & { raw: string; hours: HoursColumns | null };

const NO_HOURS: HoursColumns = {
  hours_day: [],
  hours_open: [],
  hours_close: [],
  hours_shift_notes: [],
  nth_closures: [],
};

export type SearchColumns = {
  search_text: string;
  search_grams: number[];
  name_key: string;
  kana_key: string;
};

const FACILITY_COPY_COLUMNS: CopyColumns = {
  id: 'uuid',
  municipality_code: 'text',
  type: 'text',
  status: 'text',
  name: 'text',
  name_kana: 'text',
  name_en: 'text',
  address_prefecture: 'text',
  address_city: 'text',
  address_town: 'text',
  address_block: 'text',
  address_building: 'text',
  postal_code: 'text',
  town: 'text',
  district_code: 'text',
  location: 'point',
  phone: 'text',
  fax: 'text',
  email: 'text',
  url: 'text',
  medical_institution_code: 'text',
  care_office_number: 'text',
  care_service_type: 'text',
  beds: 'int4',
  beds_note: 'text',
  departments: 'text[]',
  closed_on_holidays: 'bool',
  hours_note: 'text',
  source_id: 'text',
  raw: 'jsonb',
  search_text: 'text',
  search_grams: 'int4[]',
  name_key: 'text',
  kana_key: 'text',
  hours_day: 'int2[]',
  hours_open: 'int2[]',
  hours_close: 'int2[]',
  hours_shift_notes: 'text[]',
  nth_closures: 'int2[]',
  imported_at: 'timestamptz',
  last_confirmed_at: 'timestamptz',
  last_confirmed_by: 'text',
  last_confirmed_file: 'text',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

/**
 * Inserts new facilities (ids chosen by the caller) with their search columns, by COPY. Their
 * basic data counts as confirmed by the file `fileName`, on its 確認日 or else today.
 */
export async function insertFacilities(
  trx: Trx,
  rows: Array<RowWrite & SearchColumns>,
  now: Date,
  fileName: string,
): Promise<void> {
  await copyRows(
    trx,
    'facilities',
    FACILITY_COPY_COLUMNS,
    rows.map((v) => {
      const hours = v.hours ?? NO_HOURS;
      return [
        v.id,
        v.municipality_code,
        v.type,
        v.status,
        v.name,
        v.name_kana,
        v.name_en,
        v.address_prefecture,
        v.address_city,
        v.address_town,
        v.address_block,
        v.address_building,
        v.postal_code,
        v.town,
        v.district_code,
        v.lat === null || v.lng === null ? null : [v.lng, v.lat],
        v.phone,
        v.fax,
        v.email,
        v.url,
        v.medical_institution_code,
        v.care_office_number,
        v.care_service_type,
        v.beds,
        v.beds_note,
        v.departments ?? [],
        v.closed_on_holidays,
        v.hours_note,
        v.source_id,
        v.raw,
        v.search_text,
        v.search_grams ?? [],
        v.name_key,
        v.kana_key,
        hours.hours_day,
        hours.hours_open,
        hours.hours_close,
        hours.hours_shift_notes,
        hours.nth_closures,
        now,
        v.last_confirmed_at ?? now,
        'open_data',
        fileName,
        now,
        now,
      ];
    }),
  );
}

/**
 * Rewrites the imported columns of existing facilities (hours when given); version + 1. The basic
 * data is then the file's, so its confirmation is too (`fileName`, its 確認日 or today), even when
 * the facility had confirmed its former data later.
 */
export async function updateFacilities(
  trx: Trx,
  rows: RowWrite[],
  now: Date,
  fileName: string,
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(({ hours, ...row }) => ({ ...row, ...hours, hours_set: hours !== null }));
  // raw sql: UPDATE … FROM jsonb_to_recordset(one parameter): the whole batch in one statement.
  await sql`
    update facilities f set type = v.type, status = v.status, name = v.name, name_kana = v.name_kana,
      name_en = v.name_en, address_prefecture = v.address_prefecture, address_city = v.address_city,
      address_town = v.address_town, address_block = v.address_block, address_building = v.address_building,
      postal_code = v.postal_code, town = v.town, district_code = v.district_code,
      location = case when v.lat is null or v.lng is null then null else point(v.lng, v.lat) end,
      phone = v.phone, fax = v.fax, email = v.email, url = v.url,
      medical_institution_code = v.medical_institution_code, care_office_number = v.care_office_number,
      care_service_type = v.care_service_type, beds = v.beds, beds_note = v.beds_note,
      departments = coalesce(v.departments, '{}'), closed_on_holidays = v.closed_on_holidays,
      hours_note = v.hours_note, source_id = v.source_id, raw = v.raw::jsonb,
      hours_day = case when v.hours_set then v.hours_day else f.hours_day end,
      hours_open = case when v.hours_set then v.hours_open else f.hours_open end,
      hours_close = case when v.hours_set then v.hours_close else f.hours_close end,
      hours_shift_notes = case when v.hours_set then v.hours_shift_notes else f.hours_shift_notes end,
      nth_closures = case when v.hours_set then v.nth_closures else f.nth_closures end,
      last_confirmed_at = coalesce(v.last_confirmed_at, ${now}), last_confirmed_by = 'open_data',
      last_confirmed_file = ${fileName},
      imported_at = ${now}, updated_at = ${now}, version = f.version + 1
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(${ROW_TYPE})
    where f.id = v.id`.execute(trx);
}

export type SourceWrite = {
  facility_id: string;
  municipality_code: string;
  layout: OpenDataLayout;
  content_hash: string;
  extras: Record<string, unknown>;
  source_file: string;
  source_line: number;
  synced_at: string;
  overwritten: boolean;
};

/** Records what the file said beside facilities just created (they have no such row yet), by COPY. */
export async function insertSources(trx: Trx, rows: SourceWrite[], now: Date): Promise<void> {
  await copyRows(
    trx,
    'opendata_facility_sources',
    {
      facility_id: 'uuid',
      municipality_code: 'text',
      layout: 'text',
      content_hash: 'text',
      extras: 'jsonb',
      source_file: 'text',
      source_line: 'int4',
      synced_at: 'timestamptz',
      editor_edits_overwritten_at: 'timestamptz',
    },
    rows.map((v) => [
      v.facility_id,
      v.municipality_code,
      v.layout,
      v.content_hash,
      v.extras,
      v.source_file,
      v.source_line,
      v.synced_at,
      v.overwritten ? now : null,
    ]),
  );
}

/** Records what the file said (hash, extra columns) beside each existing facility written. */
export async function upsertSources(trx: Trx, rows: SourceWrite[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  // raw sql: INSERT … SELECT FROM jsonb_to_recordset(one parameter) ON CONFLICT: one statement per batch.
  await sql`
    insert into opendata_facility_sources as s (facility_id, municipality_code, layout, content_hash, extras,
      source_file, source_line, synced_at, editor_edits_overwritten_at)
    select v.facility_id, v.municipality_code, v.layout, v.content_hash, v.extras, v.source_file, v.source_line,
      v.synced_at, case when v.overwritten then ${now}::timestamptz else null end
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(facility_id uuid, municipality_code char(6),
      layout text, content_hash text, extras jsonb, source_file text, source_line integer, synced_at timestamptz,
      overwritten boolean)
    on conflict (facility_id) do update set layout = excluded.layout, content_hash = excluded.content_hash,
      extras = s.extras || excluded.extras, source_file = excluded.source_file, source_line = excluded.source_line,
      synced_at = excluded.synced_at,
      editor_edits_overwritten_at = coalesce(excluded.editor_edits_overwritten_at, s.editor_edits_overwritten_at)`.execute(
    trx,
  );
}

export type HistoryWrite = {
  municipality_code: string;
  facility_id: string;
  version: number;
  changes: Record<string, { before: unknown; after: unknown }>;
};

/** One facility_history row (source `import`) per facility created or changed, by COPY. */
export async function insertHistory(
  trx: Trx,
  rows: HistoryWrite[],
  actor: { userId: string | null; label: string | null },
  now: Date,
): Promise<void> {
  await copyRows(
    trx,
    'facility_history',
    {
      municipality_code: 'text',
      facility_id: 'uuid',
      version: 'int4',
      source: 'text',
      changed_at: 'timestamptz',
      changed_by_user_id: 'uuid',
      changed_by_label: 'text',
      changes: 'jsonb',
    },
    rows.map((v) => [
      v.municipality_code,
      v.facility_id,
      v.version,
      'import',
      now,
      actor.userId,
      actor.label,
      v.changes,
    ]),
  );
}
