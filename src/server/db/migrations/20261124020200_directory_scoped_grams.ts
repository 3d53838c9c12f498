import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

/**
 * Every search is scoped to one municipality. Measured at national scale (500,000 facilities),
 * a plain GIN index on the grams let the planner fetch every facility of the country sharing a
 * common word (訪問看護ステーション: 23,714 rows) and then filter by municipality (128 ms). Indexing
 * the grams together with one extra element for the municipality makes GIN intersect the small
 * municipality list with the keyword lists (0.2 ms). The extra element is the 6-digit code minus
 * 2³¹, which no character gram can equal (grams of control characters never occur).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index facilities_search_scoped on facilities
    using gin ((array[municipality_code::integer + (-2147483647 - 1)] || search_grams))`.execute(db);
  await sql`drop index facilities_search_grams`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index facilities_search_grams on facilities using gin (search_grams)`.execute(db);
  await sql`drop index facilities_search_scoped`.execute(db);
}
