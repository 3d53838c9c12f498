-- Generated from src/server/modules/directory/search.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- runSearch (the municipality, no filter)
with base as materialized (
  select f.id, f.type, f.district_code, f.kana_key, 0 as relevance, null::float8 as distance_m
  from facilities f
  where f.municipality_code = $1 and f.status = 'active'), matched as (
  select *
  from base b
  where true and true), page as (
  select m.*, row_number() over (order by m.kana_key, m.id) as ord
  from matched m
  order by m.kana_key, m.id
  limit $2
  offset $3)
select (
  select count(*)::int
  from matched) as total, (
  select coalesce(jsonb_object_agg(t.type, t.n), '{}'::jsonb)
  from (
    select b.type, count(*)::int as n
    from base b
    where true
    group by b.type) t) as type_facet, (
  select coalesce(jsonb_object_agg(t.k, t.n), '{}'::jsonb)
  from (
    select coalesce(b.district_code, '') as k, count(*)::int as n
    from base b
    where true
    group by b.district_code) t) as district_facet, (
  select coalesce(jsonb_object_agg(t.code, t.n), '{}'::jsonb)
  from (
    select c.code, count(*)::int as n
    from facility_capabilities c
    join matched b on b.id = c.facility_id
    where c.municipality_code = $4
    group by c.code) t) as capability_facet, (
  select coalesce(jsonb_agg(to_jsonb(i) order by i.ord), '[]'::jsonb)
  from (
    select p.ord, f.id, f.name, f.name_kana, f.type, f.address_prefecture, f.address_city, f.address_town, f.address_block, f.address_building, f.district_code, d.name as district_name, f.town, f.phone, f.location[1] as lat, f.location[0] as lng, array(
      select c.code
      from facility_capabilities c
      where c.facility_id = f.id
      order by c.code) as capabilities, '[]'::jsonb as confirmations, k.signal as capacity_signal, k.set_at as capacity_set_at, round(p.distance_m)::int as distance_m
    from page p
    join facilities f on f.id = p.id
    left join directory_districts d on d.municipality_code = f.municipality_code and d.code = f.district_code
    left join facility_capacity k on k.facility_id = f.id) i) as items;

-- readDirectoryGeneration
select last_value::text as g
from directory_generation;

-- runSearch (keywords, type, district, a capability, relevance)
with base as materialized (
  select f.id, f.type, f.district_code, f.kana_key, ((case when f.name_key like $1 then 3 when f.name_key like $2 then 2 else 0 end) + (case when f.name_key like $3 then 3 when f.name_key like $4 then 2 else 0 end)) as relevance, null::float8 as distance_m
  from facilities f
  where f.municipality_code = $5 and f.status = 'active' and (((array[f.municipality_code::integer + (-2147483647 - 1)] || f.search_grams) @> $6::integer[] and f.search_text like $7) or ((array[f.municipality_code::integer + (-2147483647 - 1)] || f.search_grams) @> $8::integer[] and f.search_text like $9) or ((array[f.municipality_code::integer + (-2147483647 - 1)] || f.search_grams) @> $10::integer[] and f.search_text like $11)) and (array[f.municipality_code::integer + (-2147483647 - 1)] || f.search_grams) @> $12::integer[] and f.id in (
    select c.facility_id
    from facility_capabilities c
    where c.municipality_code = $13 and c.code = any($14::text[])
    group by c.facility_id
    having count(*) = $15)), matched as (
  select *
  from base b
  where b.type = any($16::text[]) and b.district_code = $17), page as (
  select m.*, row_number() over (order by m.relevance desc, m.kana_key, m.id) as ord
  from matched m
  order by m.relevance desc, m.kana_key, m.id
  limit $18
  offset $19)
select (
  select count(*)::int
  from matched) as total, (
  select coalesce(jsonb_object_agg(t.type, t.n), '{}'::jsonb)
  from (
    select b.type, count(*)::int as n
    from base b
    where b.district_code = $20
    group by b.type) t) as type_facet, (
  select coalesce(jsonb_object_agg(t.k, t.n), '{}'::jsonb)
  from (
    select coalesce(b.district_code, '') as k, count(*)::int as n
    from base b
    where b.type = any($21::text[])
    group by b.district_code) t) as district_facet, (
  select coalesce(jsonb_object_agg(t.code, t.n), '{}'::jsonb)
  from (
    select c.code, count(*)::int as n
    from facility_capabilities c
    join matched b on b.id = c.facility_id
    where c.municipality_code = $22
    group by c.code) t) as capability_facet, (
  select coalesce(jsonb_agg(to_jsonb(i) order by i.ord), '[]'::jsonb)
  from (
    select p.ord, f.id, f.name, f.name_kana, f.type, f.address_prefecture, f.address_city, f.address_town, f.address_block, f.address_building, f.district_code, d.name as district_name, f.town, f.phone, f.location[1] as lat, f.location[0] as lng, array(
      select c.code
      from facility_capabilities c
      where c.facility_id = f.id
      order by c.code) as capabilities, (
      select coalesce(jsonb_agg(jsonb_build_object('code', c.code, 'confirmed_at', c.confirmed_at, 'confirmed_by', c.confirmed_by) order by c.code), '[]'::jsonb)
      from facility_capabilities c
      where c.facility_id = f.id and c.code = any($23::text[])) as confirmations, k.signal as capacity_signal, k.set_at as capacity_set_at, round(p.distance_m)::int as distance_m
    from page p
    join facilities f on f.id = p.id
    left join directory_districts d on d.municipality_code = f.municipality_code and d.code = f.district_code
    left join facility_capacity k on k.facility_id = f.id) i) as items;

-- runSearch (open now, accepting, near a place, fresh confirmations only)
with base as materialized (
  select f.id, f.type, f.district_code, f.kana_key, 0 as relevance, (2 * 6371008.8 * asin(least(1, sqrt(power(sin(radians(f.location[1] - $1::float8) / 2), 2) + cos(radians($2::float8)) * cos(radians(f.location[1])) * power(sin(radians(f.location[0] - $3::float8) / 2), 2))))) as distance_m
  from facilities f
  where f.municipality_code = $4 and f.status = 'active' and f.id in (
    select c.facility_id
    from facility_capabilities c
    where c.municipality_code = $5 and c.code = any($6::text[]) and c.confirmed_at >= $7 and c.confirmed_by = any($8::text[])
    group by c.facility_id
    having count(*) = $9) and f.town = $10 and f.id in (
    select k.facility_id
    from facility_capacity k
    where k.municipality_code = $11 and k.signal = 'accepting') and (f.hours_day @> array[$12]::smallint[] and $13 >= any(f.hours_open) and exists (
      select
      from unnest(f.hours_day, f.hours_open, f.hours_close) as h(day, open, close)
      where h.day = $14 and h.open <= $15 and h.close > $16) and not (f.nth_closures @> array[$17]::smallint[]) or $18 < any(f.hours_close) and exists (
      select
      from unnest(f.hours_day, f.hours_close) as h(day, close)
      where h.day = $19 and h.close > $20) and not (f.nth_closures @> array[$21]::smallint[]) and not f.closed_on_holidays) and f.location <@ box(point($22::float8, $23::float8), point($24::float8, $25::float8)) and (2 * 6371008.8 * asin(least(1, sqrt(power(sin(radians(f.location[1] - $26::float8) / 2), 2) + cos(radians($27::float8)) * cos(radians(f.location[1])) * power(sin(radians(f.location[0] - $28::float8) / 2), 2))))) <= $29::float8), matched as (
  select *
  from base b
  where true and true), page as (
  select m.*, row_number() over (order by m.distance_m asc nulls last, m.kana_key, m.id) as ord
  from matched m
  order by m.distance_m asc nulls last, m.kana_key, m.id
  limit $30
  offset $31)
select (
  select count(*)::int
  from matched) as total, (
  select coalesce(jsonb_object_agg(t.type, t.n), '{}'::jsonb)
  from (
    select b.type, count(*)::int as n
    from base b
    where true
    group by b.type) t) as type_facet, (
  select coalesce(jsonb_object_agg(t.k, t.n), '{}'::jsonb)
  from (
    select coalesce(b.district_code, '') as k, count(*)::int as n
    from base b
    where true
    group by b.district_code) t) as district_facet, (
  select coalesce(jsonb_object_agg(t.code, t.n), '{}'::jsonb)
  from (
    select c.code, count(*)::int as n
    from facility_capabilities c
    join matched b on b.id = c.facility_id
    where c.municipality_code = $32 and c.confirmed_at >= $33 and c.confirmed_by = any($34::text[])
    group by c.code) t) as capability_facet, (
  select coalesce(jsonb_agg(to_jsonb(i) order by i.ord), '[]'::jsonb)
  from (
    select p.ord, f.id, f.name, f.name_kana, f.type, f.address_prefecture, f.address_city, f.address_town, f.address_block, f.address_building, f.district_code, d.name as district_name, f.town, f.phone, f.location[1] as lat, f.location[0] as lng, array(
      select c.code
      from facility_capabilities c
      where c.facility_id = f.id and c.confirmed_at >= $35 and c.confirmed_by = any($36::text[])
      order by c.code) as capabilities, (
      select coalesce(jsonb_agg(jsonb_build_object('code', c.code, 'confirmed_at', c.confirmed_at, 'confirmed_by', c.confirmed_by) order by c.code), '[]'::jsonb)
      from facility_capabilities c
      where c.facility_id = f.id and c.code = any($37::text[])) as confirmations, k.signal as capacity_signal, k.set_at as capacity_set_at, round(p.distance_m)::int as distance_m
    from page p
    join facilities f on f.id = p.id
    left join directory_districts d on d.municipality_code = f.municipality_code and d.code = f.district_code
    left join facility_capacity k on k.facility_id = f.id) i) as items;
