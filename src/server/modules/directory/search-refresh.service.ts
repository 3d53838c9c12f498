import type { Executor } from '../../platform/db/schema';
import { writeSearchColumns } from './facility.queries';
import { buildSearchFields } from './search-document';
import './facility.table';
import './taxonomy.table';

/**
 * Recomputes the search columns (search_text, search_grams, name_key, kana_key) of the given
 * facilities from their stored fields, capability names and district name. Call it after any
 * write that changes a searchable field or a capability (the importer calls it per batch).
 */
export async function refreshFacilitySearch(executor: Executor, facilityIds: string[]): Promise<void> {
  for (let i = 0; i < facilityIds.length; i += 1000) {
    await refreshBatch(executor, facilityIds.slice(i, i + 1000));
  }
}

async function refreshBatch(executor: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await executor
    .selectFrom('facilities as f')
    .leftJoin('directory_districts as d', (join) =>
      join.onRef('d.municipality_code', '=', 'f.municipality_code').onRef('d.code', '=', 'f.district_code'),
    )
    .select([
      'f.id',
      'f.municipality_code',
      'f.name',
      'f.name_kana',
      'f.name_en',
      'f.type',
      'f.address_city',
      'f.address_town',
      'f.address_block',
      'f.address_building',
      'f.town',
      'f.departments',
      'f.languages',
      'd.name as district_name',
    ])
    .where('f.id', 'in', ids)
    .execute();
  const caps = await executor
    .selectFrom('facility_capabilities as c')
    .innerJoin('directory_capabilities as t', (join) =>
      join
        .onRef('t.code', '=', 'c.code')
        .on((eb) =>
          eb.or([
            eb('t.municipality_code', 'is', null),
            eb('t.municipality_code', '=', eb.ref('c.municipality_code')),
          ]),
        ),
    )
    .select(['c.facility_id', 't.name_ja'])
    .where('c.facility_id', 'in', ids)
    .execute();
  const namesByFacility = new Map<string, string[]>();
  for (const c of caps) {
    const list = namesByFacility.get(c.facility_id) ?? [];
    list.push(c.name_ja);
    namesByFacility.set(c.facility_id, list);
  }
  const values = rows.map((r) => ({
    id: r.id,
    ...buildSearchFields({
      ...r,
      districtName: r.district_name,
      capabilityNames: namesByFacility.get(r.id) ?? [],
    }),
  }));
  await writeSearchColumns(executor, values);
}
