import type { Kysely } from 'kysely';
import type { DirectoryEventBody } from '../../../contracts/directory';
import { splitSearchKeywords } from '../../../contracts/japanese-text';
import type { Database } from '../../platform/db/schema';
import { countFacilityView, countSearch } from './stats.queries';
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
  await countFacilityView(db, facilityId, tokyoDay(now));
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
  await countSearch(db, {
    municipality_code: municipalityCode,
    day: tokyoDay(now),
    query_key: splitSearchKeywords(event.q ?? '')
      .join(' ')
      .slice(0, 50),
    district_code: event.district ?? '',
    capability_codes: [...new Set(event.capabilities)].sort().join(','),
    facility_types: [...new Set(event.types)].sort().join(','),
    zero_result: event.resultCount === 0,
  });
}
