import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

/**
 * Indexes for the open-now, closure, capacity and capability filters of the facility search, so
 * that a large municipality (thousands of facilities) is filtered by one index scan per filter
 * instead of one lookup per facility.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index facility_hours_day on facility_hours (municipality_code, day, open_minute)
    include (close_minute, facility_id)`.execute(db);
  await sql`create index facility_closures_day on facility_closures (municipality_code, weekday, nth)`.execute(
    db,
  );
  await sql`create index facility_capacity_signal on facility_capacity (municipality_code, signal)`.execute(
    db,
  );
  await sql`drop index facility_capabilities_code`.execute(db);
  await sql`
    create index facility_capabilities_code on facility_capabilities (municipality_code, code, confirmed_at)
    include (facility_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index facility_hours_day, facility_closures_day, facility_capacity_signal`.execute(db);
  await sql`drop index facility_capabilities_code`.execute(db);
  await sql`create index facility_capabilities_code on facility_capabilities (municipality_code, code, confirmed_at)`.execute(
    db,
  );
}
