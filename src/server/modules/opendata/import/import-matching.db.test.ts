import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importContext, importInput as input } from '../../../../../test/support/opendata/import-options';
import { syntheticMedicalList } from '../../../../../test/support/opendata/synthetic-list';
import { openTestDatabase } from '../../../../../test/support/test-db';
import type { DatabaseHandle } from '../../../platform/db/database';
import { findFacilityMatches, findMunicipalityFacilities } from './facility-state.queries';
import { importOpenData } from './import.service';

const FIXTURE = join(import.meta.dirname, '../../../../../test/fixtures/opendata/medical-standard.csv');

/**
 * Two rows naming one facility by different forms of its ID (`S1`, then `med:S1` as our own
 * export writes it), no 医療機関コード: the reader cannot tell them apart, the engine must.
 */
function twoRowsOneFacility(code: string): Buffer {
  const [header, first] = parse(readFileSync(FIXTURE), { bom: true, relax_column_count: true }) as string[][];
  if (!header || !first) throw new Error('fixture without rows');
  const at = (name: string) => header.indexOf(name);
  const row = (id: string, name: string) => {
    const cells = [...first];
    cells[at('全国地方公共団体コード')] = code;
    cells[at('ID')] = id;
    cells[at('名称')] = name;
    cells[at('医療機関コード')] = '';
    return cells;
  };
  return Buffer.from(
    stringify([header, row('S1', '一つ目の行（架空）'), row('med:S1', '二つ目の行（架空）')], {
      record_delimiter: '\r\n',
    }),
  );
}

describe('matching rows to facilities the same import wrote', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  for (const [label, batchSize] of [
    ['in one batch', 1000],
    ['in separate batches', 1],
  ] as const) {
    it(`refuses a second row for a facility an earlier row created, ${label}`, async () => {
      const report = await importOpenData(
        handle,
        importContext(),
        input(twoRowsOneFacility('131105'), 'ids.csv', { batchSize, dryRun: true }),
      );
      expect(report).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
      expect(report.errors.map((e) => [e.line, e.code])).toEqual([[3, 'row.duplicate_key']]);
    });
  }

  it('does the same in a municipality with no facilities yet, where nothing is looked up', async () => {
    await sql`insert into municipalities (code, name, prefecture) values ('131091', '品川区', '東京都')
      on conflict do nothing`.execute(handle.db);
    const report = await importOpenData(
      handle,
      importContext(),
      input(twoRowsOneFacility('131091'), 'ids.csv', { batchSize: 1 }),
    );
    expect(report).toMatchObject({ committed: false, rejected: 1 });
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from facilities where municipality_code = '131091'`.execute(handle.db);
    expect(rows[0]?.n).toBe(0);
  });

  // The ward's facilities loaded at once and matched in memory, or looked up batch by batch.
  for (const [label, municipality, ward, preloadUpTo] of [
    ['loaded at once', '131113', '大田区', undefined],
    ['looked up batch by batch', '131121', '世田谷区', 0],
  ] as const) {
    it(`keeps new, changed, unchanged and duplicate rows apart in a large import (indexes suspended, facilities ${label})`, async () => {
      const opts = (bytes: Uint8Array, name: string) => input(bytes, name, { preloadUpTo });
      // Large next to the table, so the import suspends the indexes and foreign keys.
      const [header, ...rows] = parse(syntheticMedicalList(6000, municipality, ward), {
        relax_column_count: true,
      }) as string[][];
      if (!header) throw new Error('no header');
      const name = header.indexOf('名称');
      const id = header.indexOf('ID');
      const code = header.indexOf('医療機関コード');
      const csv = (records: string[][]) =>
        Buffer.from(stringify([header, ...records], { record_delimiter: '\r\n' }));
      // Row 31 has no 医療機関コード: its facility is known by the file's ID.
      rows[30]![code] = '';
      const first = await importOpenData(handle, importContext(), opts(csv(rows), 'big.csv'));
      expect(first).toMatchObject({ committed: true, created: 6000 });
      rows[10]![name] = '改称した病院（架空）';
      rows[20]![name] = '改称した医院（架空）';
      // Another row for the facility row 31 names, by its ID in our export's form (no code of its own).
      const again = [...rows[30]!];
      again[id] = `med:${again[id]}`;
      const refused = await importOpenData(handle, importContext(), opts(csv([...rows, again]), 'big.csv'));
      expect(refused).toMatchObject({ committed: false, rejected: 1 });
      expect(refused.errors.map((e) => [e.line, e.code])).toEqual([[6002, 'row.duplicate_key']]);
      const report = await importOpenData(handle, importContext(), opts(csv(rows), 'big.csv'));
      expect(report).toMatchObject({ committed: true, created: 0, updated: 2, unchanged: 5998 });
      const { rows: renamed } = await sql<{ name: string }>`
      select name from facilities where municipality_code = ${municipality} and name like '改称した%' order by name`.execute(
        handle.db,
      );
      expect(renamed.map((r) => r.name)).toEqual(['改称した医院（架空）', '改称した病院（架空）']);
    });
  }
});

describe('what the matching queries say of a facility since its last import', () => {
  let handle: DatabaseHandle;
  const municipality = '131130';
  const byCode = new Map<string, string>();

  beforeAll(async () => {
    handle = await openTestDatabase();
    const report = await importOpenData(
      handle,
      importContext(),
      input(syntheticMedicalList(6, municipality, '渋谷区'), 'shibuya.csv'),
    );
    expect(report).toMatchObject({ committed: true, created: 6 });
    const { rows } = await sql<{ id: string; code: string }>`
      select id, medical_institution_code as code from facilities where municipality_code = ${municipality}`.execute(
      handle.db,
    );
    for (const row of rows) byCode.set(row.code, row.id);
  });
  afterAll(async () => {
    await handle.close();
  });

  const codes = () => [...byCode.keys()].sort();
  const idOf = (i: number) => byCode.get(codes()[i]!)!;

  it('is untouched only while its sync is at or after its last change and its editor has nothing kept', async () => {
    // 0: as imported. 1: changed within the millisecond of its sync (a date as JavaScript reads it
    // is the same). 2: changed a second later. 3: edited by its editor, never overwritten by an
    // import. 4: edited by its editor, then overwritten by an import. 5: no open-data side.
    await sql`update facilities f set updated_at = s.synced_at + interval '500 microseconds'
      from opendata_facility_sources s where s.facility_id = f.id and f.id = ${idOf(1)}`.execute(handle.db);
    await sql`update facilities f set updated_at = s.synced_at + interval '1 second'
      from opendata_facility_sources s where s.facility_id = f.id and f.id = ${idOf(2)}`.execute(handle.db);
    await sql`update facilities f set edited_by_editor_at = s.synced_at - interval '1 second'
      from opendata_facility_sources s where s.facility_id = f.id and f.id = ${idOf(3)}`.execute(handle.db);
    await sql`update facilities f set edited_by_editor_at = s.synced_at - interval '1 second'
      from opendata_facility_sources s where s.facility_id = f.id and f.id = ${idOf(4)}`.execute(handle.db);
    await sql`update opendata_facility_sources set editor_edits_overwritten_at = synced_at
      where facility_id = ${idOf(4)}`.execute(handle.db);
    await sql`delete from opendata_facility_sources where facility_id = ${idOf(5)}`.execute(handle.db);

    const expected = [true, true, false, false, true, false];
    const keys = { medicalCodes: codes(), careOffices: [], sourceIds: [], ids: [] };
    for (const found of [
      await findFacilityMatches(handle.db, municipality, keys),
      await findMunicipalityFacilities(handle.db, municipality),
    ]) {
      const untouched = new Map(found.map((m) => [m.id, m.untouched_since_sync]));
      expect(codes().map((_, i) => untouched.get(idOf(i)))).toEqual(expected);
    }
    // The same facilities through an import: only the untouched ones are settled by their hash.
    const report = await importOpenData(
      handle,
      importContext(),
      input(syntheticMedicalList(6, municipality, '渋谷区'), 'shibuya.csv'),
    );
    expect(report).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 6 });
  });
});
