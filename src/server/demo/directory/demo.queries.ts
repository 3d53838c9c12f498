import { sql, type Transaction } from 'kysely';
import { pointOf } from '../../modules/directory/facility.queries';
import type { Database, Executor } from '../../platform/db/schema';

/**
 * Links the organisation `name` (the demo facility_editor's) to one demo visiting-nurse station,
 * a ひまわり one when there is one; an organisation already linked is left as it is.
 */
export async function linkOrganisationToDemoStation(
  trx: Transaction<Database>,
  municipalityCode: string,
  name: string,
): Promise<void> {
  await trx
    .updateTable('organisations')
    .set((eb) => ({
      facility_id: eb
        .selectFrom('facilities as f')
        .select('f.id')
        .where('f.municipality_code', '=', municipalityCode)
        .where('f.is_demo', '=', true)
        .where('f.type', '=', 'visiting_nurse_station')
        .where('f.main_station_id', 'is', null)
        .orderBy((ob) => ob('f.name', 'like', '%ひまわり%'), 'desc')
        .orderBy('f.source_id')
        .limit(1),
    }))
    .where('municipality_code', '=', municipalityCode)
    .where('name', '=', name)
    .where('facility_id', 'is', null)
    .execute();
}

/** Links the organisation `name` (the demo clinician's) to the first demo clinic no organisation has. */
export async function linkOrganisationToDemoClinic(
  trx: Transaction<Database>,
  municipalityCode: string,
  name: string,
): Promise<void> {
  await trx
    .updateTable('organisations')
    .set((eb) => ({
      facility_id: eb
        .selectFrom('facilities as f')
        .select('f.id')
        .where('f.municipality_code', '=', municipalityCode)
        .where('f.is_demo', '=', true)
        .where('f.type', '=', 'clinic')
        .where((w) =>
          w.not(
            w.exists(
              w
                .selectFrom('organisations as o')
                .select(w.lit(1).as('one'))
                .whereRef('o.facility_id', '=', 'f.id'),
            ),
          ),
        )
        .orderBy('f.source_id')
        .limit(1),
    }))
    .where('municipality_code', '=', municipalityCode)
    .where('name', '=', name)
    .where('facility_id', 'is', null)
    .execute();
}

/** Writes (or refreshes) one district. */
export async function upsertDistrict(
  executor: Executor,
  row: { municipality_code: string; code: string; name: string; name_en: string | null; sort_order: number },
): Promise<void> {
  await executor
    .insertInto('directory_districts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['municipality_code', 'code']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        name_en: eb.ref('excluded.name_en'),
        sort_order: eb.ref('excluded.sort_order'),
      })),
    )
    .execute();
}

/** Writes (or refreshes) one 町丁 with its centre. */
export async function upsertTown(
  executor: Executor,
  row: {
    municipality_code: string;
    name: string;
    kana: string | null;
    postal_code: string | null;
    district_code: string | null;
    center: { lat: number; lng: number };
    search_key: string;
  },
): Promise<void> {
  const { center, ...columns } = row;
  await executor
    .insertInto('directory_towns')
    .values({ ...columns, centroid: pointOf(center) })
    .onConflict((oc) =>
      oc.columns(['municipality_code', 'name']).doUpdateSet((eb) => ({
        kana: eb.ref('excluded.kana'),
        postal_code: eb.ref('excluded.postal_code'),
        district_code: eb.ref('excluded.district_code'),
        centroid: eb.ref('excluded.centroid'),
        search_key: eb.ref('excluded.search_key'),
      })),
    )
    .execute();
}

/** The demo's daily page views, 5,000 rows per statement; a day already counted is kept. */
export async function insertDemoViews(
  trx: Transaction<Database>,
  municipalityCode: string,
  views: Array<{ facility_id: string; day: string; views: number }>,
): Promise<void> {
  // raw sql: bulk load of generated rows as one jsonb parameter (jsonb_to_recordset): a year of
  // views is tens of thousands of rows, past what one VALUES list may bind.
  await sql`
    insert into directory_daily_views (municipality_code, day, facility_id, views)
    select ${municipalityCode}, day, facility_id, views
    from jsonb_to_recordset(${JSON.stringify(views)}::jsonb) as r(facility_id uuid, day date, views integer)
    on conflict do nothing`.execute(trx);
}

export type DemoSearchRow = {
  day: string;
  query_key: string;
  district_code: string;
  capability_codes: string;
  zero_result: boolean;
  searches: number;
};

/** The demo's daily searches, as insertDemoViews. */
export async function insertDemoSearches(
  trx: Transaction<Database>,
  municipalityCode: string,
  searches: DemoSearchRow[],
): Promise<void> {
  // raw sql: bulk load of generated rows as one jsonb parameter, as insertDemoViews.
  await sql`
    insert into directory_daily_searches
      (municipality_code, day, query_key, district_code, capability_codes, facility_types, zero_result, searches)
    select ${municipalityCode}, day, query_key, district_code, capability_codes, '', zero_result, searches
    from jsonb_to_recordset(${JSON.stringify(searches)}::jsonb)
      as r(day date, query_key text, district_code text, capability_codes text, zero_result boolean, searches integer)
    on conflict do nothing`.execute(trx);
}
