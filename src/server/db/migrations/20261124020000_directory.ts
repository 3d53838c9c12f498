import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

const facilityTypes = `'hospital', 'clinic', 'dental_clinic', 'pharmacy', 'visiting_nurse_station',
  'care_management_office', 'community_support_center', 'other_care_service'`;

/** The 22 capability codes of issue 3 §2, installation-wide (municipality_code null). */
const standardCapabilities: Array<[string, string, string, string[]]> = [
  ['home_visit', '訪問診療', 'Scheduled home visits', ['hospital', 'clinic']],
  ['house_call', '往診', 'Urgent house calls', ['hospital', 'clinic']],
  [
    'round_the_clock',
    '24時間対応',
    '24-hour response',
    ['hospital', 'clinic', 'pharmacy', 'visiting_nurse_station'],
  ],
  ['end_of_life', '看取り', 'End-of-life care at home', ['hospital', 'clinic', 'visiting_nurse_station']],
  ['palliative', '緩和ケア', 'Palliative care', ['hospital', 'clinic', 'visiting_nurse_station', 'pharmacy']],
  [
    'opioid_pump',
    '医療用麻薬・注入ポンプ',
    'Opioids and infusion pumps',
    ['pharmacy', 'clinic', 'visiting_nurse_station'],
  ],
  ['sterile_compounding', '無菌調剤', 'Sterile compounding', ['pharmacy']],
  ['home_oxygen', '在宅酸素', 'Home oxygen', ['hospital', 'clinic', 'visiting_nurse_station']],
  ['ventilator', '人工呼吸器', 'Ventilator care', ['hospital', 'clinic', 'visiting_nurse_station']],
  [
    'parenteral_nutrition',
    '中心静脈栄養',
    'Parenteral nutrition',
    ['hospital', 'clinic', 'pharmacy', 'visiting_nurse_station'],
  ],
  [
    'tube_feeding',
    '胃ろう・経管栄養',
    'Gastrostomy and tube feeding',
    ['hospital', 'clinic', 'visiting_nurse_station'],
  ],
  ['pressure_ulcer', '褥瘡', 'Pressure-ulcer care', ['hospital', 'clinic', 'visiting_nurse_station']],
  ['pediatric', '小児在宅', 'Paediatric home care', ['hospital', 'clinic', 'visiting_nurse_station']],
  [
    'dementia',
    '認知症',
    'Dementia care',
    ['hospital', 'clinic', 'visiting_nurse_station', 'care_management_office', 'community_support_center'],
  ],
  ['psychiatric_nursing', '精神科訪問看護', 'Psychiatric home nursing', ['visiting_nurse_station']],
  ['dental_home_visit', '訪問歯科', 'Home-visit dentistry', ['dental_clinic']],
  [
    'oral_swallowing',
    '口腔ケア・嚥下',
    'Oral care and swallowing',
    ['dental_clinic', 'visiting_nurse_station'],
  ],
  ['home_medication', '訪問服薬指導', 'Home medication guidance', ['pharmacy']],
  ['home_nutrition', '訪問栄養指導', 'Home nutrition guidance', ['hospital', 'clinic']],
  ['home_rehab', '訪問リハビリ', 'Home rehabilitation', ['hospital', 'clinic', 'visiting_nurse_station']],
  ['supplies_small_units', '医療材料の小分け', 'Medical supplies in small units', ['pharmacy']],
  ['multilingual', '多言語対応', 'Multilingual', []],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // Capability taxonomy: rows with municipality_code null apply everywhere; a municipality adds
  // its own codes (or renames one) with rows of its own code.
  await sql`
    create table directory_capabilities (
      id integer generated always as identity primary key,
      municipality_code char(6) references municipalities (code),
      code text not null check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
      name_ja text not null check (length(name_ja) between 1 and 100),
      name_en text not null check (length(name_en) between 1 and 100),
      facility_types text[] not null default '{}',
      sort_order integer not null default 0,
      active boolean not null default true
    )`.execute(db);
  await sql`
    create unique index directory_capabilities_code
    on directory_capabilities (coalesce(municipality_code, '000000'), code)`.execute(db);
  let order = 10;
  for (const [code, ja, en, types] of standardCapabilities) {
    await sql`
      insert into directory_capabilities (municipality_code, code, name_ja, name_en, facility_types, sort_order)
      values (null, ${code}, ${ja}, ${en}, ${types}::text[], ${order})`.execute(db);
    order += 10;
  }

  await sql`
    create table directory_districts (
      municipality_code char(6) not null references municipalities (code),
      code text not null check (code ~ '^[a-z0-9_-]{1,40}$'),
      name text not null check (length(name) between 1 and 50),
      name_en text,
      sort_order integer not null default 0,
      primary key (municipality_code, code)
    )`.execute(db);

  // 町丁 (Japan Post 町域) → district, with a centroid for "distance from my town".
  await sql`
    create table directory_towns (
      municipality_code char(6) not null references municipalities (code),
      name text not null check (length(name) between 1 and 50),
      kana text,
      postal_code char(7) check (postal_code ~ '^[0-9]{7}$'),
      district_code text,
      centroid point,
      search_key text not null,
      primary key (municipality_code, name),
      foreign key (municipality_code, district_code) references directory_districts (municipality_code, code)
    )`.execute(db);
  await sql`create index directory_towns_postal on directory_towns (postal_code)`.execute(db);

  await sql
    .raw(`
    create table facilities (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      type text not null check (type in (${facilityTypes})),
      status text not null default 'active' check (status in ('active', 'suspended', 'closed')),
      name text not null check (length(name) between 1 and 200),
      name_kana text,
      name_en text,
      address_prefecture text,
      address_city text,
      address_town text,
      address_block text,
      address_building text,
      postal_code char(7) check (postal_code ~ '^[0-9]{7}$'),
      town text,
      district_code text,
      location point check (location is null or (location[0] between -180 and 180 and location[1] between -90 and 90)),
      phone text,
      fax text,
      email text,
      url text,
      medical_institution_code char(10) check (medical_institution_code ~ '^[0-9]{10}$'),
      care_office_number char(10) check (care_office_number ~ '^[0-9]{10}$'),
      care_service_type text,
      beds integer check (beds >= 0),
      beds_note text,
      departments text[] not null default '{}',
      languages text[] not null default '{}',
      accessibility text[] not null default '{}',
      collaboration_tools text[] not null default '{}'
        check (collaboration_tools <@ array['mcs', 'denshi_renrakucho', 'vital_link', 'fax_only', 'phone_only']),
      main_station_id uuid references facilities (id) check (main_station_id <> id),
      closed_on_holidays boolean not null default true,
      closed_year_end boolean not null default false,
      hours_note text,
      is_demo boolean not null default false,
      source_id text,
      raw jsonb,
      imported_at timestamptz,
      edited_by_editor_at timestamptz,
      last_confirmed_at timestamptz,
      reminded_at timestamptz,
      search_text text not null default '',
      search_grams integer[] not null default '{}',
      name_key text collate "C" not null default '',
      kana_key text collate "C" not null default '',
      version integer not null default 1 check (version >= 1),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`)
    .execute(db);
  await createFacilityIndexes(db);

  // Weekly hours; minutes from 00:00 of the opening day, so 18:00–02:00 is 1080–1560.
  await sql`
    create table facility_hours (
      facility_id uuid not null references facilities (id) on delete cascade,
      municipality_code char(6) not null,
      day smallint not null check (day between 0 and 6),
      open_minute smallint not null check (open_minute between 0 and 1439),
      close_minute smallint not null,
      note text,
      primary key (facility_id, day, open_minute),
      check (close_minute > open_minute and close_minute <= open_minute + 1440)
    )`.execute(db);

  // 第n曜日 closures: (weekday 6, nth 2) and (6, 4) = 第2・第4土曜休診.
  await sql`
    create table facility_closures (
      facility_id uuid not null references facilities (id) on delete cascade,
      municipality_code char(6) not null,
      weekday smallint not null check (weekday between 0 and 6),
      nth smallint not null check (nth between 1 and 5),
      primary key (facility_id, weekday, nth)
    )`.execute(db);

  await sql`
    create table facility_capabilities (
      facility_id uuid not null references facilities (id) on delete cascade,
      municipality_code char(6) not null,
      code text not null,
      confirmed_at timestamptz not null default now(),
      primary key (facility_id, code)
    )`.execute(db);
  // The search filters and counts a municipality's capabilities with one index-only scan.
  await sql`
    create index facility_capabilities_code on facility_capabilities (municipality_code, code, confirmed_at)
    include (facility_id)`.execute(db);

  // Open-now and closure filters: one index scan per municipality and weekday.
  await sql`
    create index facility_hours_day on facility_hours (municipality_code, day, open_minute)
    include (close_minute, facility_id)`.execute(db);
  await sql`create index facility_closures_day on facility_closures (municipality_code, weekday, nth)`.execute(
    db,
  );

  await sql`
    create table facility_capacity (
      facility_id uuid primary key references facilities (id) on delete cascade,
      municipality_code char(6) not null,
      signal text not null check (signal in ('accepting', 'waitlist', 'full')),
      set_at timestamptz not null default now(),
      set_by_user_id uuid
    )`.execute(db);
  await sql`create index facility_capacity_signal on facility_capacity (municipality_code, signal)`.execute(
    db,
  );

  await sql`
    create table facility_history (
      id bigint generated always as identity primary key,
      municipality_code char(6) not null,
      facility_id uuid not null references facilities (id) on delete cascade,
      version integer not null,
      source text not null check (source in ('editor', 'admin', 'import', 'capacity', 'confirm', 'create')),
      change_request_id uuid,
      changed_at timestamptz not null default now(),
      changed_by_user_id uuid,
      changed_by_label text,
      changes jsonb not null
    )`.execute(db);
  await sql`create index facility_history_facility on facility_history (facility_id, id desc)`.execute(db);

  await sql`
    create table facility_change_requests (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null,
      facility_id uuid not null references facilities (id) on delete cascade,
      source text not null check (source in ('editor', 'resident_report')),
      status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
      base_version integer,
      changes jsonb,
      note text,
      report_category text check (report_category in ('phone', 'address', 'hours', 'closed', 'capabilities', 'other')),
      report_message text,
      submitted_by_user_id uuid,
      submitted_by_label text,
      submitted_at timestamptz not null default now(),
      decided_by_user_id uuid,
      decided_by_label text,
      decided_at timestamptz,
      reason text,
      check ((source = 'editor') = (changes is not null and base_version is not null)),
      check ((source = 'resident_report') = (report_message is not null))
    )`.execute(db);
  await sql`
    create index facility_change_requests_queue
    on facility_change_requests (municipality_code, status, submitted_at)`.execute(db);
  await sql`create index facility_change_requests_facility on facility_change_requests (facility_id)`.execute(
    db,
  );

  // Only the SHA-256 of a one-click "still correct" token is stored; the token itself is in the mail.
  await sql`
    create table facility_confirm_tokens (
      token_hash text primary key,
      municipality_code char(6) not null,
      facility_id uuid not null references facilities (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);

  // Statistics: counts only, by day. No IP, no cookie, no user.
  await sql`
    create table directory_daily_views (
      municipality_code char(6) not null,
      day date not null,
      facility_id uuid not null references facilities (id) on delete cascade,
      views integer not null default 0,
      primary key (municipality_code, day, facility_id)
    )`.execute(db);
  await sql`
    create table directory_daily_searches (
      municipality_code char(6) not null,
      day date not null,
      query_key text not null default '',
      district_code text not null default '',
      capability_codes text not null default '',
      facility_types text not null default '',
      zero_result boolean not null,
      searches integer not null default 0,
      primary key (municipality_code, day, query_key, district_code, capability_codes, facility_types, zero_result)
    )`.execute(db);
  await createSearchGeneration(db);
}

/**
 * A counter that moves whenever anything a public search reads changes, whoever writes it (the
 * directory's services, the importer, plain SQL): one nextval per statement, no row lock, so
 * concurrent writers never wait on it. The search keeps answers per counter value
 * (search-cache.ts).
 */
async function createSearchGeneration(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence directory_generation`.execute(db);
  await sql`
    create function directory_bump_generation() returns trigger language plpgsql as $$
    begin
      perform nextval('directory_generation');
      return null;
    end $$`.execute(db);
  for (const table of searchedTables) {
    await sql`
      create trigger ${sql.raw(`${table}_bump_generation`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function directory_bump_generation()`.execute(db);
  }
}

const searchedTables = [
  'facilities',
  'facility_hours',
  'facility_closures',
  'facility_capabilities',
  'facility_capacity',
  'directory_capabilities',
  'directory_districts',
  'directory_towns',
];

/** Search and filter indexes of facilities (bulk loads drop and rebuild them the same way). */
async function createFacilityIndexes(db: Kysely<unknown>): Promise<void> {
  await sql`create index facilities_municipality_type on facilities (municipality_code, type)`.execute(db);
  await sql`create index facilities_municipality_district on facilities (municipality_code, district_code)`.execute(
    db,
  );
  await sql`create index facilities_municipality_kana on facilities (municipality_code, kana_key)`.execute(
    db,
  );
  await sql`create index facilities_location on facilities using gist (location)`.execute(db);
  await sql`create index facilities_search_trgm on facilities using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  // Every search is scoped to one municipality. At national scale (500,000 facilities) a plain GIN
  // index on the grams let the planner fetch every facility of the country sharing a common word
  // (訪問看護ステーション: 23,714 rows) and then filter by municipality (128 ms). Indexing the grams
  // with one extra element for the municipality makes GIN intersect the small municipality list
  // with the keyword lists (0.2 ms). The element is the 6-digit code minus 2³¹, which no character
  // gram can equal (search keys contain no control characters). See docs/decisions.
  await sql`
    create index facilities_search_scoped on facilities
    using gin ((array[municipality_code::integer + (-2147483647 - 1)] || search_grams))`.execute(db);
  await sql`create index facilities_main_station on facilities (main_station_id) where main_station_id is not null`.execute(
    db,
  );
  await sql`
    create unique index facilities_medical_code
    on facilities (municipality_code, medical_institution_code) where medical_institution_code is not null`.execute(
    db,
  );
  await sql`
    create unique index facilities_care_office
    on facilities (municipality_code, care_office_number, coalesce(care_service_type, ''))
    where care_office_number is not null`.execute(db);
  await sql`
    create unique index facilities_source_id
    on facilities (municipality_code, source_id) where source_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table directory_daily_searches, directory_daily_views, facility_confirm_tokens,
      facility_change_requests, facility_history, facility_capacity, facility_capabilities,
      facility_closures, facility_hours, facilities, directory_towns, directory_districts,
      directory_capabilities cascade`.execute(db);
  await sql`drop function directory_bump_generation`.execute(db);
  await sql`drop sequence directory_generation`.execute(db);
}
