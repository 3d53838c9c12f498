import type { DirectoryEventBody } from '../../../contracts/directory';
import { splitSearchKeywords } from '../../../contracts/japanese-text';
import type { RequestContext } from '../../platform/context';
import type { ModuleDeps } from '../../platform/module';
import { clock } from '../../platform/time/clock';
import { countFacilityView, countSearch } from './stats.queries';
import { municipalityExists } from './taxonomy.queries';
import './stats.table';

/** The Tokyo calendar day of an instant ('YYYY-MM-DD'): statistics are reported in Japanese days. */
export function tokyoDay(now: Date): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The beacon's counters: `(deps, ctx, event)` like every service, but not use cases on runUseCase:
 * each adds one to a day's counter in a single upsert, from anyone, with nothing to audit (no
 * visitor data is kept, decision 011), so a transaction around it would only cost round trips.
 */
type Deps = Pick<ModuleDeps, 'db' | 'config'>;

/** Counts one page view of a facility; an unknown id counts nothing. */
export async function recordFacilityView(
  deps: Deps,
  _ctx: RequestContext,
  event: Extract<DirectoryEventBody, { kind: 'facility_view' }>,
): Promise<void> {
  await countFacilityView(deps.db, event.facilityId, tokyoDay(clock.now()));
}

/**
 * Counts one search with its filters (of the event's municipality, else the installation's
 * default); the keywords are stored normalised and cut to 50 characters.
 */
export async function recordSearch(
  deps: Deps,
  _ctx: RequestContext,
  event: Extract<DirectoryEventBody, { kind: 'search' }>,
): Promise<void> {
  const municipalityCode = event.municipality ?? deps.config.DEFAULT_MUNICIPALITY;
  if (!(await municipalityExists(deps.db, municipalityCode))) return;
  await countSearch(deps.db, {
    municipality_code: municipalityCode,
    day: tokyoDay(clock.now()),
    query_key: splitSearchKeywords(event.q ?? '')
      .join(' ')
      .slice(0, 50),
    district_code: event.district ?? '',
    capability_codes: [...new Set(event.capabilities)].sort().join(','),
    facility_types: [...new Set(event.types)].sort().join(','),
    zero_result: event.resultCount === 0,
  });
}
