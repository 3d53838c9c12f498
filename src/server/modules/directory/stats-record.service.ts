import { type Kysely, sql } from 'kysely';
import type { DirectoryEventBody } from '../../../contracts/directory';
import { splitSearchKeywords } from '../../../contracts/japanese-text';
import type { Database } from '../../platform/db/schema';
import { municipalityExists } from './taxonomy.queries';
import './stats.table';

/** The Tokyo calendar day of an instant ('YYYY-MM-DD'): statistics are reported in Japanese days. */
export function tokyoDay(now: Date): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** Counts one page view of a facility; an unknown id counts nothing. */
export async function recordFacilityView(
  db: Kysely<Database>,
  facilityId: string,
  now = new Date(),
): Promise<void> {
  await sql`
    insert into directory_daily_views (municipality_code, day, facility_id, views)
    select f.municipality_code, ${tokyoDay(now)}::date, f.id, 1 from facilities f where f.id = ${facilityId}
    on conflict (municipality_code, day, facility_id)
    do update set views = directory_daily_views.views + 1`.execute(db);
}

/** Counts one search with its filters; the keywords are stored normalised and cut to 50 characters. */
export async function recordSearch(
  db: Kysely<Database>,
  event: Extract<DirectoryEventBody, { kind: 'search' }>,
  defaultMunicipality: string,
  now = new Date(),
): Promise<void> {
  const municipalityCode = event.municipality ?? defaultMunicipality;
  if (!(await municipalityExists(db, municipalityCode))) return;
  const row = {
    municipality_code: municipalityCode,
    day: tokyoDay(now),
    query_key: splitSearchKeywords(event.q ?? '')
      .join(' ')
      .slice(0, 50),
    district_code: event.district ?? '',
    capability_codes: [...new Set(event.capabilities)].sort().join(','),
    facility_types: [...new Set(event.types)].sort().join(','),
    zero_result: event.resultCount === 0,
    searches: 1,
  };
  await db
    .insertInto('directory_daily_searches')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns([
          'municipality_code',
          'day',
          'query_key',
          'district_code',
          'capability_codes',
          'facility_types',
          'zero_result',
        ])
        .doUpdateSet({ searches: sql`directory_daily_searches.searches + 1` }),
    )
    .execute();
}
