import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema';
import { type FacilityState, stateOf } from '../import/facility-state';
import type { FacilityType } from '../parse/facility-kinds';
import { exportPage, loadCapabilities } from './export.queries';

/** A facility with what the exchange formats add to the standard columns. */
export type ExportFacility = FacilityState & {
  /** [code, confirmed_at ISO] in code order. */
  capabilities: Array<[string, string]>;
  /** [weekday (0 = Sunday), nth] closures (第2・第4土曜休診). */
  closures: Array<[number, number]>;
};

const PAGE = 1000;

/**
 * The facilities of a municipality, page by page in id order (keyset pagination): an export of
 * 500,000 facilities never holds more than one page in memory.
 */
export async function* exportFacilities(
  db: Kysely<Database>,
  municipalityCode: string,
  types: readonly FacilityType[],
): AsyncGenerator<ExportFacility> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await exportPage(db, municipalityCode, types, after, PAGE);
    if (rows.length === 0) return;
    const capabilities = await loadCapabilities(
      db,
      rows.map((r) => r.id),
    );
    for (const row of rows) yield { ...stateOf(row), capabilities: capabilities.get(row.id) ?? [] };
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}
