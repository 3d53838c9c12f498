import { describe, expect, it } from 'vitest';
import { ADDRESS_PRECISIONS } from '../../../contracts/addresses';
import { ADDRESS_POINT_LEVELS } from '../../db/migrations/20261202078000_address_points';
import { kindOfHeader, readAbrFile } from './abr-files';
import { buildAddressPoints, chomeNumber } from './address-points-build';

const BLOCK =
  'lg_code,machiaza_id,blk_id,city,ward,oaza_cho,chome,koaza,machiaza_dist,blk_num,rsdt_addr_flg,rsdt_addr_mtd_code,status_flg,efct_date,ablt_date,src_code,remarks';
const BLOCK_POS =
  'lg_code,machiaza_id,blk_id,rsdt_addr_flg,rsdt_addr_mtd_code,rep_lon,rep_lat,rep_srid,rep_scale';

describe('the address registry files', () => {
  it('keeps the migration’s CHECK list equal to the contract’s precisions', () => {
    expect([...ADDRESS_POINT_LEVELS]).toEqual([...ADDRESS_PRECISIONS]);
  });

  it('knows a file by the column names of its header', () => {
    expect(kindOfHeader(BLOCK.split(','))).toBe('block');
    expect(kindOfHeader(BLOCK_POS.split(','))).toBe('block_pos');
    expect(kindOfHeader(['lg_code', 'machiaza_id', 'rsdt_addr_flg', 'rep_lon', 'rep_lat', 'rep_srid'])).toBe(
      'town_pos',
    );
    expect(kindOfHeader(['name', 'address'])).toBeNull();
    // A position file without its coordinate system is not one this import can read.
    expect(kindOfHeader(BLOCK_POS.replace(',rep_srid', '').split(','))).toBeNull();
  });

  it('reads quoted cells and a BOM, and refuses a row of the wrong width with its line', () => {
    const file = readAbrFile(
      'b.csv',
      `\uFEFF${BLOCK}\r\n"131105","0015001","001","目黒区","","原町","一丁目","","","1","1","1","0","","","0",""\r\n`,
    );
    expect(file.rows[0]?.cells).toMatchObject({ oaza_cho: '原町', blk_num: '1' });
    expect(() => readAbrFile('b.csv', `${BLOCK}\n131105,0015001,001\n`)).toThrow(
      expect.objectContaining({ code: 'address.bad_row', details: expect.objectContaining({ line: 2 }) }),
    );
  });

  it('names each position from its text row and keeps the 住居表示 point of a doubled 街区', () => {
    const text = readAbrFile('b.csv', `${BLOCK}\n131105,0015001,001,目黒区,,原町,一丁目,,,1,1,1,0,,,0,\n`);
    const positions = readAbrFile(
      'p.csv',
      `${BLOCK_POS}\n131105,0015001,001,0,1,139.1,35.1,EPSG:6668,2500\n131105,0015001,001,1,1,139.69,35.61,EPSG:6668,2500\n131105,0015001,002,1,1,139.7,35.6,EPSG:6668,2500\n`,
    );
    const { points, report } = buildAddressPoints([positions, text], '131105');
    expect(points).toEqual([
      expect.objectContaining({
        level: 'block',
        town_name: '原町',
        town_key: '原町',
        chome: 1,
        block: '1',
        lat: 35.61,
        lng: 139.69,
      }),
    ]);
    expect(report.skipped.withoutName).toBe(1);
  });

  it('refuses a coordinate system other than JGD2011 or JGD2000, and a key that is not one', () => {
    const positions = readAbrFile(
      'p.csv',
      `${BLOCK_POS}\n131105,0015001,001,1,1,139.69,35.61,EPSG:2451,2500\n`,
    );
    expect(() => buildAddressPoints([positions], '131105')).toThrow(
      expect.objectContaining({ code: 'address.unsupported_srid' }),
    );
    const badKey = readAbrFile('p.csv', `${BLOCK_POS}\n131105,15001,001,1,1,139.69,35.61,EPSG:6668,2500\n`);
    expect(() => buildAddressPoints([badKey], '131105')).toThrow(
      expect.objectContaining({ code: 'address.bad_row' }),
    );
  });

  it('reads 丁目 in kanji, full-width or ASCII digits', () => {
    expect(chomeNumber('一丁目')).toBe(1);
    expect(chomeNumber('十二丁目')).toBe(12);
    expect(chomeNumber('２丁目')).toBe(2);
    expect(chomeNumber('')).toBeNull();
  });
});
