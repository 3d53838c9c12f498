import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip, ZipError } from './zip-reader';

const bundle = readFileSync(resolve(__dirname, '../../../../test/fixtures/abr/abr-131105.zip'));
const csv = (name: string) => readFileSync(resolve(__dirname, '../../../../test/fixtures/abr', name));

describe('readZip', () => {
  it('reads deflated and stored entries, byte for byte, in the archive’s order', () => {
    const entries = readZip(bundle);
    expect(entries.map((e) => e.name)).toEqual([
      'mt_rsdtdsp_blk_city131105.csv',
      'mt_rsdtdsp_blk_pos_city131105.csv',
      'mt_rsdtdsp_rsdt_city131105.csv.zip',
      'mt_rsdtdsp_rsdt_pos_city131105.csv.zip',
      'mt_town_city131105.csv',
      'mt_town_pos_city131105.csv',
      'README.txt',
    ]);
    expect(entries[0]?.data.equals(csv('mt_rsdtdsp_blk_city131105.csv'))).toBe(true);
    // a zip inside the zip, stored: the registry's bundles are made that way
    const inner = readZip(entries[2]?.data as Buffer);
    expect(inner.map((e) => e.name)).toEqual(['mt_rsdtdsp_rsdt_city131105.csv']);
    expect(inner[0]?.data.equals(csv('mt_rsdtdsp_rsdt_city131105.csv'))).toBe(true);
  });

  it('refuses what is not a zip, and an archive cut short, with ZipError', () => {
    expect(() => readZip(Buffer.from('PK'))).toThrow(ZipError);
    expect(() => readZip(csv('mt_town_city131105.csv'))).toThrow(ZipError);
    const cut = Buffer.concat([bundle.subarray(0, 200), bundle.subarray(bundle.length - 22)]);
    expect(() => readZip(cut)).toThrow(ZipError);
  });
});
