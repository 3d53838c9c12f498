import { AppError } from '../../platform/errors';
import { CsvError, CsvSplitter } from '../opendata';

/**
 * The files of the address base registry (アドレス・ベース・レジストリ) this import reads, known by the
 * column names on their first line (the Digital Agency names files by prefecture or city, and a ward
 * may rename them): the 町字 master and its 位置参照拡張 (mt_town*, mt_town_pos*), the 住居表示 街区
 * (mt_rsdtdsp_blk*, mt_rsdtdsp_blk_pos*) and 住居 (mt_rsdtdsp_rsdt*, mt_rsdtdsp_rsdt_pos*).
 */
export type AbrFileKind = 'town' | 'town_pos' | 'block' | 'block_pos' | 'residence' | 'residence_pos';

/** One file's rows as column name → cell, with the line each came from. */
export type AbrFile = {
  name: string;
  kind: AbrFileKind;
  rows: Array<{ line: number; cells: Record<string, string> }>;
};

const KEY_COLUMNS: Record<AbrFileKind, string[]> = {
  town: ['lg_code', 'machiaza_id', 'oaza_cho', 'chome', 'ablt_date'],
  town_pos: ['lg_code', 'machiaza_id', 'rsdt_addr_flg', 'rep_lon', 'rep_lat', 'rep_srid'],
  block: ['lg_code', 'machiaza_id', 'blk_id', 'oaza_cho', 'chome', 'blk_num', 'ablt_date'],
  block_pos: ['lg_code', 'machiaza_id', 'blk_id', 'rsdt_addr_flg', 'rep_lon', 'rep_lat', 'rep_srid'],
  residence: [
    'lg_code',
    'machiaza_id',
    'blk_id',
    'rsdt_id',
    'rsdt2_id',
    'oaza_cho',
    'chome',
    'blk_num',
    'rsdt_num',
    'rsdt_num2',
    'ablt_date',
  ],
  residence_pos: [
    'lg_code',
    'machiaza_id',
    'blk_id',
    'rsdt_id',
    'rsdt2_id',
    'rsdt_addr_flg',
    'rep_lon',
    'rep_lat',
    'rep_srid',
  ],
};

/** The kind a header names: positions have rep_lat, 住居 have rsdt_id, 街区 blk_id; null if none fits. */
export function kindOfHeader(header: string[]): AbrFileKind | null {
  const has = new Set(header);
  const position = has.has('rep_lat');
  const kind: AbrFileKind = has.has('rsdt_id')
    ? position
      ? 'residence_pos'
      : 'residence'
    : has.has('blk_id')
      ? position
        ? 'block_pos'
        : 'block'
      : position
        ? 'town_pos'
        : 'town';
  return KEY_COLUMNS[kind].every((column) => has.has(column)) ? kind : null;
}

/**
 * Reads one registry CSV (UTF-8, with or without BOM, as downloaded and unzipped). Throws
 * address.unknown_file (a header that names no registry file) and address.bad_row.
 */
export function readAbrFile(name: string, text: string): AbrFile {
  const splitter = new CsvSplitter();
  const records: string[][] = [];
  try {
    for (const record of splitter.push(text.replace(/^\uFEFF/u, ''))) records.push(record);
    for (const record of splitter.end()) records.push(record);
  } catch (error) {
    if (error instanceof CsvError)
      throw new AppError('address.bad_row', { file: name, line: records.length + 1 });
    throw error;
  }
  const header = (records[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const kind = kindOfHeader(header);
  if (!kind) throw new AppError('address.unknown_file', { file: name });
  const rows: AbrFile['rows'] = [];
  records.slice(1).forEach((record, index) => {
    if (record.length === 1 && record[0] === '') return; // the empty line at the end of a file
    if (record.length !== header.length) {
      throw new AppError('address.bad_row', {
        file: name,
        line: index + 2,
        cells: record.length,
        header: header.length,
      });
    }
    const cells: Record<string, string> = {};
    header.forEach((column, i) => {
      cells[column] = (record[i] ?? '').trim();
    });
    rows.push({ line: index + 2, cells });
  });
  return { name, kind, rows };
}
