import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importContext, importInput as input } from '../../../../../test/support/opendata/import-options';
import { syntheticMedicalList } from '../../../../../test/support/opendata/synthetic-list';
import { openTestDatabase } from '../../../../../test/support/test-db';
import type { DatabaseHandle } from '../../../platform/db/database';
import { importOpenData } from './import.service';

// A large import suspends the indexes and foreign keys of the tables it writes (bulk-indexes.ts).
describe('large open-data import', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('imports a large file with the search indexes rebuilt once, keeps them when it rolls back or changes nothing', async () => {
    const searchIndexes = async () =>
      (
        await sql<{ indexdef: string }>`
          select i.indexdef from pg_indexes i join pg_class c on c.relname = i.indexname
          join pg_am a on a.oid = c.relam
          where i.tablename = 'facilities' and a.amname in ('gin', 'gist') order by i.indexname`.execute(
          handle.db,
        )
      ).rows.map((r) => r.indexdef);
    // An index dropped and built again is a new relation: its oid tells a rebuild.
    const indexOids = async () =>
      (
        await sql<{ oid: number }>`
          select x.indexrelid::int as oid from pg_index x
          where x.indrelid = any(array['facilities', 'facility_history']::regclass[]) order by 1`.execute(
          handle.db,
        )
      ).rows.map((r) => r.oid);
    const before = await searchIndexes();
    expect(before.length).toBeGreaterThan(0);
    // The indexes facilities carries (migration 20261124050000 dropped those no query needed: each
    // is upkeep on every write and a rebuild after every large import). facilities_id_municipality
    // (unique, kept during an import) backs the organisations' same-municipality foreign key.
    const { rows: names } = await sql<{ name: string }>`
      select indexname as name from pg_indexes where tablename = 'facilities' order by 1`.execute(handle.db);
    expect(names.map((r) => r.name)).toEqual([
      'facilities_care_office',
      'facilities_id_municipality',
      'facilities_location',
      'facilities_main_station',
      'facilities_medical_code',
      'facilities_pkey',
      'facilities_search_scoped',
      'facilities_source_id',
      'opendata_facilities_keyset',
    ]);
    const oidsBefore = await indexOids();
    // Another ward (added from the file), so no code meets a facility of the earlier tests.
    const list = syntheticMedicalList(6000, '131091', '品川区');
    const broken = Buffer.concat([
      list,
      Buffer.from('131091,X,品川区,壊れた行（架空）,,,病院,,,,,,,,,135,139,\r\n'),
    ]);
    const refused = await importOpenData(handle, importContext(), input(broken, 'big-broken.csv'));
    expect(refused).toMatchObject({ committed: false, rejected: 1, rows: 6001 });
    expect(await searchIndexes()).toEqual(before);
    // Read on a worker thread (as files from 2 MB are), the rolled-back one above in this thread.
    const report = await importOpenData(
      handle,
      importContext(),
      input(list, 'big.csv', { readInWorker: true }),
    );
    expect(report).toMatchObject({ committed: true, created: 6000, rows: 6000 });
    expect(report.indexRebuildMs).toBeGreaterThan(0);
    expect(report.indexRebuildMs).toBeLessThan(report.durationMs);
    expect(report.municipalitiesAdded).toEqual([{ code: '131091', name: '品川区', prefecture: '東京都' }]);
    expect(await searchIndexes()).toEqual(before);
    // The ANALYZE at the end skips what nothing filters on, and keeps what the search plans with.
    const { rows: stats } = await sql<{ name: string }>`
      select tablename || '.' || attname as name from pg_stats
      where tablename in ('facilities', 'facilities_search_scoped', 'opendata_facility_sources')
        and attname in ('raw', 'search_grams', 'extras', 'search_text', 'municipality_code', 'expr', 'name', 'phone',
          'kana_key', 'hours_day', 'hours_open', 'nth_closures', 'languages', 'version')
      order by 1`.execute(handle.db);
    expect(stats.map((r) => r.name)).toEqual([
      'facilities.hours_day',
      'facilities.kana_key',
      'facilities.municipality_code',
      'facilities.search_text',
      'facilities_search_scoped.expr',
      'opendata_facility_sources.municipality_code',
    ]);
    const rebuilt = await indexOids();
    expect(rebuilt).not.toEqual(oidsBefore);
    // The same file again changes nothing, so nothing is suspended or rebuilt.
    const again = await importOpenData(
      handle,
      importContext(),
      input(list, 'big.csv', { readInWorker: true }),
    );
    expect(again).toMatchObject({ committed: true, created: 0, unchanged: 6000, indexRebuildMs: 0 });
    expect(await indexOids()).toEqual(rebuilt);
    const found = await sql<{ n: number }>`
      select count(*)::int as n from facilities where search_text like ${'%架空病院6000号%'}`.execute(
      handle.db,
    );
    expect(found.rows[0]?.n).toBe(1);
  });
});
