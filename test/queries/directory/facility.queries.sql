-- Generated from src/server/modules/directory/facility.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- findFacilityRecord
select f.id, f.municipality_code, f.type, f.status, f.name, f.name_kana, f.name_en, f.address_prefecture, f.address_city, f.address_town, f.address_block, f.address_building, f.postal_code, f.town, f.district_code, d.name as district_name, f.location[1] as lat, f.location[0] as lng, f.phone, f.fax, f.email, f.url, f.medical_institution_code, f.care_office_number, f.beds, f.departments, f.languages, f.accessibility, f.collaboration_tools, f.main_station_id, (
  select m.name
  from facilities m
  where m.id = f.main_station_id) as main_station_name, f.closed_on_holidays, f.closed_year_end, f.hours_note, f.is_demo, f.last_confirmed_at, f.last_confirmed_by, f.last_confirmed_file, f.edited_by_editor_at, f.version, f.updated_at, f.hours_day, f.hours_open, f.hours_close, f.hours_shift_notes, f.nth_closures, coalesce((
    select jsonb_agg(jsonb_build_object('code', c.code, 'confirmed_at', c.confirmed_at, 'confirmed_by', c.confirmed_by, 'confirmed_file', c.confirmed_file, 'name_ja', t.name_ja, 'name_en', t.name_en) order by t.sort_order nulls last, c.code)
    from facility_capabilities c
    left join lateral (
      select name_ja, name_en, sort_order
      from directory_capabilities t
      where t.code = c.code and (t.municipality_code is null or t.municipality_code = f.municipality_code)
      order by t.municipality_code nulls last
      limit 1) t on true
    where c.facility_id = f.id), '[]'::jsonb) as capabilities, coalesce((
    select jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name) order by s.name)
    from facilities s
    where s.main_station_id = f.id and s.status <> 'closed'), '[]'::jsonb) as satellites, k.signal as capacity_signal, k.set_at as capacity_set_at
from facilities f
left join directory_districts d on d.municipality_code = f.municipality_code and d.code = f.district_code
left join facility_capacity k on k.facility_id = f.id
where f.id = $1;

-- findFacilityRecord (within a municipality, locked for a write)
select f.id, f.municipality_code, f.type, f.status, f.name, f.name_kana, f.name_en, f.address_prefecture, f.address_city, f.address_town, f.address_block, f.address_building, f.postal_code, f.town, f.district_code, d.name as district_name, f.location[1] as lat, f.location[0] as lng, f.phone, f.fax, f.email, f.url, f.medical_institution_code, f.care_office_number, f.beds, f.departments, f.languages, f.accessibility, f.collaboration_tools, f.main_station_id, (
  select m.name
  from facilities m
  where m.id = f.main_station_id) as main_station_name, f.closed_on_holidays, f.closed_year_end, f.hours_note, f.is_demo, f.last_confirmed_at, f.last_confirmed_by, f.last_confirmed_file, f.edited_by_editor_at, f.version, f.updated_at, f.hours_day, f.hours_open, f.hours_close, f.hours_shift_notes, f.nth_closures, coalesce((
    select jsonb_agg(jsonb_build_object('code', c.code, 'confirmed_at', c.confirmed_at, 'confirmed_by', c.confirmed_by, 'confirmed_file', c.confirmed_file, 'name_ja', t.name_ja, 'name_en', t.name_en) order by t.sort_order nulls last, c.code)
    from facility_capabilities c
    left join lateral (
      select name_ja, name_en, sort_order
      from directory_capabilities t
      where t.code = c.code and (t.municipality_code is null or t.municipality_code = f.municipality_code)
      order by t.municipality_code nulls last
      limit 1) t on true
    where c.facility_id = f.id), '[]'::jsonb) as capabilities, coalesce((
    select jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name) order by s.name)
    from facilities s
    where s.main_station_id = f.id and s.status <> 'closed'), '[]'::jsonb) as satellites, k.signal as capacity_signal, k.set_at as capacity_set_at
from facilities f
left join directory_districts d on d.municipality_code = f.municipality_code and d.code = f.district_code
left join facility_capacity k on k.facility_id = f.id
where f.id = $1 and f.municipality_code = $2
for update of f;

-- writeSearchColumns (a batch as one jsonb parameter)
update facilities f
set search_text = v.search_text, search_grams = v.search_grams, name_key = v.name_key, kana_key = v.kana_key
from jsonb_to_recordset($1::jsonb) as v(id uuid, search_text text, search_grams integer[], name_key text, kana_key text)
where f.id = v.id;
