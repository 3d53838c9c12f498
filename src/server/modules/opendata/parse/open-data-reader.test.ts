import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { collectOpenData, type ReadOptions } from './open-data-reader';
import { rawCells } from './row-resolution';
import { encodeCp932 } from './text-decoding';

const FIXTURES = join(import.meta.dirname, '../../../../../test/fixtures/opendata');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const options = (fileName: string, extra: Partial<ReadOptions> = {}): ReadOptions => ({
  fileName,
  knownMunicipality: (code) => (code === '131105' ? { name: '目黒区', prefecture: '東京都' } : undefined),
  ...extra,
});
const read = (name: string, extra: Partial<ReadOptions> = {}) =>
  collectOpenData(fixture(name), options(name, extra));

/** The same text in each encoding Japanese offices produce (generated here from the UTF-8 fixture). */
function encodings(text: string): Array<[string, Buffer]> {
  return [
    ['utf-8', Buffer.from(text, 'utf8')],
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['cp932', encodeCp932(text)],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
    ['utf-16le', iconv.encode(text, 'utf-16le')],
  ];
}

describe('layouts are recognised from the header row', () => {
  it.each([
    ['medical-standard.csv', 'medical_standard', 4],
    ['medical-standard-alias.csv', 'medical_standard', 2],
    ['medical-standard-title-row.csv', 'medical_standard', 1],
    ['medical-recommended.csv', 'medical_recommended', 3],
    ['care-recommended.csv', 'care_recommended', 4],
    ['care-recommended-2025.csv', 'care_recommended', 2],
    ['jigyosho_130.csv', 'mhlw_care_service', 2],
    ['jigyosho_430.csv', 'mhlw_care_service', 1],
  ])('reads %s as %s', async (name, layout, rows) => {
    const result = await read(name);
    expect(result.errors).toEqual([]);
    expect(result.layout).toBe(layout);
    expect(result.rows).toHaveLength(rows);
  });

  it('reads a file whose columns are shuffled and which writes 名称_英語 the same as the standard file', async () => {
    const standard = await read('medical-standard.csv');
    const shuffled = await read('medical-standard-alias.csv');
    expect(shuffled.rows.map((r) => r.content)).toEqual(standard.rows.slice(0, 2).map((r) => r.content));
    expect(shuffled.rows[0]?.content.nameEn).toBe('Meguro Midori Memorial Hospital (fictional)');
  });

  it('counts lines as a spreadsheet shows them, a quoted cell over two lines being one row', async () => {
    const result = await read('medical-standard.csv');
    expect(result.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(result.rows[0]?.content.hoursNote).toBe('土曜は午前のみ\n第2・第4土曜休診');
    const titled = await read('medical-standard-title-row.csv');
    expect(titled.rows[0]?.line).toBe(3);
  });

  it('reads the 2025 care file by header, extra columns and all', async () => {
    const result = await read('care-recommended-2025.csv');
    expect(result.rows[0]?.content).toMatchObject({
      postalCode: '152-0035',
      addressFull: '東京都目黒区自由が丘1-2-3',
    });
    expect(rawCells(result.rows[0]!).事業所の特色).toBe('看取り対応');
    expect(result.rows[0]?.sourceId).toBe('care:K001');
  });
});

describe('every quirk of real files', () => {
  it('normalises the clinic row and keeps the raw cells beside it', async () => {
    const clinic = (await read('medical-standard.csv')).rows[1]!;
    expect(clinic.content).toMatchObject({
      type: 'clinic',
      name: '髙﨑クリニック①（架空）',
      nameKana: 'タカサキクリニック',
      town: '上目黒2丁目',
      block: '3-4-5',
      prefecture: '東京都',
      city: '目黒区',
      building: '㈱テストビル2F',
      latitude: 35.6432,
      phone: '03-3712-7111',
      postalCode: '153-0051',
      medicalInstitutionCode: '1310012345',
      days: ['mon', 'tue', 'wed', 'fri'],
      opensAt: ['09:00'],
      closesAt: ['18:30'],
      hoursNote: '木曜・日曜・祝日休診～要予約',
      beds: 19,
    });
    expect(clinic.bedsNote).toBe('休床中');
    expect(rawCells(clinic).病床数).toBe('19（休床中）');
    expect(rawCells(clinic).名称_カナ).toBe('ﾀｶｻｷｸﾘﾆｯｸ');
  });

  it('reads Excel serial times and mixed department separators', async () => {
    const hospital = (await read('medical-standard.csv')).rows[0]!;
    expect(hospital.content.opensAt).toEqual(['09:00']);
    expect(hospital.content.closesAt).toEqual(['18:30']);
    expect(hospital.content.departments).toEqual(['内科', '外科', '乳腺・内分泌外科', '整形外科']);
  });

  it('completes addresses without prefecture or city from the municipality', async () => {
    const rows = (await read('medical-recommended.csv')).rows;
    expect(rows.map((r) => r.content.addressFull)).toEqual([
      '東京都目黒区目黒本町3-2-1',
      '東京都目黒区碑文谷4-5-6',
      '東京都目黒区東が丘二丁目5番1号',
    ]);
    expect(rows[2]?.content.beds).toBe(80);
  });

  it('keys MHLW rows by office number and service, so one office with two services is two records', async () => {
    const visiting = (await read('jigyosho_130.csv')).rows[0]!;
    const planning = (await read('jigyosho_430.csv')).rows[0]!;
    expect(visiting.matchKey).toBe('care:1360190013:訪問看護');
    expect(planning.matchKey).toBe('care:1360190013:居宅介護支援');
    expect(visiting.type).toBe('visiting_nurse_station');
    expect(planning.type).toBe('care_management_office');
    expect(visiting.content.days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday']);
  });

  it('puts rows without a municipality of their own in the one given on the command line', async () => {
    const text = fixture('medical-recommended.csv')
      .toString('utf8')
      .replace(/^131105,/gm, '130001,');
    const result = await collectOpenData(
      Buffer.from(text),
      options('medical-recommended.csv', { municipalityOverride: '131091' }),
    );
    expect(result.rows.length).toBeGreaterThan(0);
    expect(new Set(result.rows.map((r) => r.municipalityCode))).toEqual(new Set(['131091']));
    expect(result.skipped).toBe(0);
  });

  it('skips, without checking, rows the file places in another municipality than the one given', async () => {
    const own = await read('medical-standard.csv');
    const result = await read('medical-standard.csv', { municipalityOverride: '131091' });
    expect(result.rows).toEqual([]);
    expect(result.rejected).toBe(0);
    expect(result.skipped).toBe(own.rows.length + own.rejected);
  });
});

describe('encodings', () => {
  const sources = ['medical-standard.csv', 'care-recommended.csv', 'jigyosho_130.csv'];
  for (const name of sources) {
    it(`reads ${name} identically in UTF-8, UTF-8 with BOM, CP932 and UTF-16LE`, async () => {
      const expected = await read(name);
      for (const [encoding, bytes] of encodings(fixture(name).toString('utf8'))) {
        const result = await collectOpenData(bytes, options(name));
        expect(result.encoding).toBe(encoding);
        expect(result.errors).toEqual([]);
        expect(result.rows.map((r) => r.content)).toEqual(expected.rows.map((r) => r.content));
      }
    });
  }

  it('decodes the NEC and IBM extension characters of CP932', async () => {
    const bytes = encodeCp932(fixture('medical-standard.csv').toString('utf8'));
    // ① is NEC row 13 (0x8740), 髙 is an IBM extension (0xFBFC).
    expect(bytes.includes(Buffer.from([0x87, 0x40]))).toBe(true);
    expect(bytes.includes(Buffer.from([0xfb, 0xfc]))).toBe(true);
    const result = await collectOpenData(bytes, options('medical-standard.csv'));
    expect(result.rows[1]?.content.name).toBe('髙﨑クリニック①（架空）');
    expect(result.rows[1]?.content.building).toBe('㈱テストビル2F');
  });
});

async function workbookOf(sheets: Array<[string, string]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheetName, csvName] of sheets) {
    const sheet = workbook.addWorksheet(sheetName);
    const { parse } = await import('csv-parse/sync');
    const records = parse(fixture(csvName), { relax_column_count: true }) as string[][];
    records.forEach((cells, i) => {
      sheet.addRow(
        cells.map((cell, col) => {
          // Store times the way Excel does: a fraction of a day with a time format.
          if (i > 0 && records[0]![col] === '診療開始時間' && cell === '0.375') return 0.375;
          return cell;
        }),
      );
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('xlsx', () => {
  it('reads every sheet of a workbook, one per facility list, skipping a sheet that is not a list', async () => {
    const bytes = await workbookOf([
      ['医療機関', 'medical-standard.csv'],
      ['説明', 'not-a-list.txt'],
      ['介護', 'care-recommended.csv'],
    ]);
    const result = await collectOpenData(bytes, options('list.xlsx'));
    expect(result.encoding).toBe('xlsx');
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(8);
    expect(result.rows[0]?.content.opensAt).toEqual(['09:00']);
    expect(result.rows[1]?.content.name).toBe('髙﨑クリニック①（架空）');
  });

  it('names the sheet of an error', async () => {
    const bytes = await workbookOf([['一覧', 'latitude-135.csv']]);
    const result = await collectOpenData(bytes, options('bad.xlsx'));
    expect(result.errors[0]).toMatchObject({
      line: 2,
      column: '緯度',
      code: 'row.invalid_latitude',
      sheet: '一覧',
    });
  });

  it('answers a clear error for a broken xlsx', async () => {
    const good = await workbookOf([['一覧', 'medical-standard.csv']]);
    const broken = good.subarray(0, Math.floor(good.length / 2));
    const result = await collectOpenData(broken, options('broken.xlsx'));
    expect(result.rows).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.code).toBe('opendata.broken_xlsx');
    expect(result.errors[0]?.message).toContain('Excel ファイルを読み取れませんでした');
  });
});

describe('bad input gives a clear error naming line and column', () => {
  it('refuses a file that is not a facility list', async () => {
    const result = await read('not-a-list.txt');
    expect(result.errors).toEqual([expect.objectContaining({ code: 'opendata.not_facility_list', line: 1 })]);
  });

  it('refuses a facility list in a layout it does not know', async () => {
    const result = await read('unknown-layout.csv');
    expect(result.errors).toEqual([expect.objectContaining({ code: 'opendata.unknown_layout', line: 1 })]);
  });

  it('names a missing required column', async () => {
    const result = await read('care-missing-service.csv');
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'opendata.missing_column', column: '実施サービス', line: 1 }),
    ]);
  });

  it('rejects a row with a bad check digit and says which line and column', async () => {
    const result = await read('bad-check-digit.csv');
    expect(result.rows).toHaveLength(1);
    expect(result.rejected).toBe(1);
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: '全国地方公共団体コード',
        code: 'row.invalid_municipality_code',
      }),
    ]);
    expect(result.errors[0]?.message).toContain('131106');
  });

  it('rejects a latitude of 135', async () => {
    const result = await read('latitude-135.csv');
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, '緯度', 'row.invalid_latitude'],
      [2, '経度', 'row.invalid_longitude'],
    ]);
  });

  it('names the unreadable coordinate, not "both or neither", when both cells are filled', async () => {
    const text = fixture('latitude-135.csv').toString('utf8').replace('139.6982,35.6415', "35.6415,139°41'");
    const result = await collectOpenData(Buffer.from(text), options('dms.csv'));
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, '経度', 'row.invalid_longitude'],
    ]);
  });

  it('still asks for both when one coordinate cell is empty', async () => {
    const text = fixture('latitude-135.csv').toString('utf8').replace('139.6982,35.6415', '35.6415,');
    const result = await collectOpenData(Buffer.from(text), options('half.csv'));
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, '経度', 'row.half_location']]);
  });

  it('rejects the second row of a facility that appears twice', async () => {
    const text = fixture('medical-recommended.csv').toString('utf8').trimEnd();
    const lines = text.split('\r\n');
    const doubled = Buffer.from(`${[...lines, lines[1]].join('\r\n')}\r\n`);
    const result = await collectOpenData(doubled, options('doubled.csv'));
    expect(result.errors).toEqual([expect.objectContaining({ line: 5, code: 'row.duplicate_key' })]);
  });

  it('names the line of an unclosed quote', async () => {
    const text = `${fixture('medical-recommended.csv').toString('utf8')}131105,9,東京都,目黒区,"閉じない引用符\r\n`;
    const result = await collectOpenData(Buffer.from(text), options('quote.csv'));
    expect(result.errors.at(-1)).toMatchObject({ code: 'opendata.malformed_csv', line: 5 });
  });

  it('refuses an empty file and an old .xls workbook', async () => {
    expect((await collectOpenData(Buffer.alloc(0), options('empty.csv'))).errors[0]?.code).toBe(
      'opendata.empty_file',
    );
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await collectOpenData(xls, options('old.xls'))).errors[0]?.code).toBe('opendata.legacy_xls');
  });
});
