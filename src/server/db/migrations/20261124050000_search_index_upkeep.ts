import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

/** Columns only shown and exported, never filtered, joined or grouped on by any query. */
const DISPLAY_ONLY = [
  'name',
  'name_kana',
  'name_en',
  'address_prefecture',
  'address_city',
  'address_town',
  'address_block',
  'address_building',
  'postal_code',
  'phone',
  'fax',
  'email',
  'url',
  'beds_note',
  'hours_note',
  'name_key',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // The pg_trgm index on search_text served no search: every keyword goes through the scoped gram
  // index (facilities_search_scoped) and LIKE only confirms. Measured with the search mix at
  // national scale (300,000 facilities on PostgreSQL, 100,000 on PGlite), dropping it left every
  // query as fast or faster, and it was the costliest index to rebuild after a large import
  // (5.8 s of a 300,000-facility load on PostgreSQL; 1.1 s of a 50,000-row import on PGlite).
  await sql`drop index if exists facilities_search_trgm`.execute(db);
  // Three B-trees led by the municipality did not pay for their upkeep either: with the
  // same search mix and sizes, every query was as fast or faster without (municipality, type),
  // (municipality, district_code) and (municipality, kana_key). A municipality's facilities are
  // found through the scoped gram index or opendata_facilities_keyset (municipality_code, id),
  // and sorting one municipality's matches by kana costs less than keeping an index for it.
  // Together they were 2–3 s of a 500,000-row import's rebuild on PGlite.
  await sql`drop index if exists facilities_municipality_type`.execute(db);
  await sql`drop index if exists facilities_municipality_district`.execute(db);
  await sql`drop index if exists facilities_municipality_kana`.execute(db);
  // The planner needs no statistics of columns it never filters on: gathering them was about a
  // third of the ANALYZE that ends a large import. Search plans keep theirs (municipality, type,
  // status, district, town, kana key, location, search_text for LIKE, the scoped gram index).
  for (const column of DISPLAY_ONLY) {
    await sql`alter table facilities alter column ${sql.ref(column)} set statistics 0`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of DISPLAY_ONLY) {
    await sql`alter table facilities alter column ${sql.ref(column)} set statistics -1`.execute(db);
  }
  await sql`create index facilities_municipality_type on facilities (municipality_code, type)`.execute(db);
  await sql`create index facilities_municipality_district on facilities (municipality_code, district_code)`.execute(
    db,
  );
  await sql`create index facilities_municipality_kana on facilities (municipality_code, kana_key)`.execute(
    db,
  );
  await sql`create index facilities_search_trgm on facilities using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
}
