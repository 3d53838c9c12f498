import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../../test/support/test-db';
import type { DatabaseHandle } from '../../../platform/db/database';
import { type ImportOptions, importOpenData } from './import.service';

const FIXTURE = join(import.meta.dirname, '../../../../../test/fixtures/opendata/medical-standard.csv');

const options = (fileName: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
  fileName,
  dryRun: false,
  overwriteEditorEdits: false,
  actor: { userId: null, label: 'test' },
  ...extra,
});

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
        handle.db,
        twoRowsOneFacility('131105'),
        options('ids.csv', { batchSize, dryRun: true }),
      );
      expect(report).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
      expect(report.errors.map((e) => [e.line, e.code])).toEqual([[3, 'row.duplicate_key']]);
    });
  }

  it('does the same in a municipality with no facilities yet, where nothing is looked up', async () => {
    await sql`insert into municipalities (code, name, prefecture) values ('131091', '品川区', '東京都')
      on conflict do nothing`.execute(handle.db);
    const report = await importOpenData(
      handle.db,
      twoRowsOneFacility('131091'),
      options('ids.csv', { batchSize: 1 }),
    );
    expect(report).toMatchObject({ committed: false, rejected: 1 });
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from facilities where municipality_code = '131091'`.execute(handle.db);
    expect(rows[0]?.n).toBe(0);
  });
});
