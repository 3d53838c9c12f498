import type { AddressImportReport } from '../../../contracts/addresses';
import { kanjiToNumber, normalizeSearchKey } from '../../../contracts/japanese-text';
import { AppError } from '../../platform/errors';
import type { AbrFile } from './abr-files';
import type { AddressPointTable } from './address-point.table';

type Point = Omit<AddressPointTable, 'imported_at'>;
type Name = {
  town: string;
  chome: number | null;
  block: string | null;
  residence: string | null;
  residence2: string | null;
};
type Position = { lat: number; lng: number; flag: string };

// JGD2011 and JGD2000 (the registry's two systems) differ from WGS84 by well under a metre: read as is.
const GEOGRAPHIC_SRIDS = new Set(['EPSG:6668', 'EPSG:4612', '6668', '4612']);

/** The registry's keys: 町字 | 街区 | 住居 + 住居2 ('' where a level has none). */
const keyOf = (c: Record<string, string>) =>
  [c.machiaza_id ?? '', c.blk_id ?? '', c.rsdt_id ?? '', c.rsdt2_id ?? ''].join('|');

/** 一丁目, １丁目, 1丁目 → 1; '' → null. */
export function chomeNumber(chome: string): number | null {
  const text = chome.normalize('NFKC').replace(/丁目$/u, '');
  if (!text) return null;
  return /^\d+$/u.test(text) ? Number(text) : kanjiToNumber(text);
}

/**
 * Joins the registry's text rows (names) and position rows (points) of one municipality into the
 * rows `address_points` stores, and counts what it left out. A 町字 or 街区 with a row for the
 * 住居表示 area and one for the rest (rsdt_addr_flg 1 and 0) keeps the 住居表示 one's point. Throws
 * address.bad_row (a key or coordinate that is not one) and address.unsupported_srid.
 */
export function buildAddressPoints(
  files: AbrFile[],
  municipalityCode: string,
): { points: Point[]; report: Omit<AddressImportReport, 'replaced'> } {
  const report: Omit<AddressImportReport, 'replaced'> = {
    municipalityCode,
    files: files.map((f) => ({ file: f.name, kind: f.kind, rows: f.rows.length })),
    stored: { residence: 0, block: 0, chome: 0, town: 0 },
    otherMunicipalities: 0,
    skipped: { abolished: 0, withoutPosition: 0, withoutName: 0 },
  };
  const names = new Map<string, Name>();
  const positions = new Map<string, Position>();
  for (const file of files) {
    const text = !file.kind.endsWith('_pos');
    for (const { line, cells } of file.rows) {
      if (cells.lg_code !== municipalityCode) {
        report.otherMunicipalities++;
        continue;
      }
      assertKeys(file.name, line, cells);
      const key = keyOf(cells);
      if (text) {
        if (cells.ablt_date) report.skipped.abolished++;
        else if (!names.has(key)) names.set(key, nameOf(cells));
        continue;
      }
      const position = positionOf(file.name, line, cells);
      if (!position) continue;
      const held = positions.get(key);
      if (!held || (held.flag !== '1' && position.flag === '1')) positions.set(key, position);
    }
  }
  const points: Point[] = [];
  for (const [key, position] of positions) {
    const name = names.get(key);
    // A 町字 without a 大字・町 name (町字区分 4, 5: no 町字, a road) cannot be typed as a town.
    if (!name?.town) {
      report.skipped.withoutName++;
      continue;
    }
    const [machiaza_id = '', blk_id = '', rsdt_id = '', rsdt2_id = ''] = key.split('|');
    const level = rsdt_id ? 'residence' : blk_id ? 'block' : name.chome !== null ? 'chome' : 'town';
    report.stored[level]++;
    points.push({
      municipality_code: municipalityCode,
      machiaza_id,
      blk_id,
      rsdt_id,
      rsdt2_id,
      level,
      town_name: name.town,
      town_key: normalizeSearchKey(name.town),
      chome: name.chome,
      block: level === 'block' || level === 'residence' ? name.block : null,
      residence: level === 'residence' ? name.residence : null,
      residence2: level === 'residence' ? name.residence2 : null,
      lat: position.lat,
      lng: position.lng,
    });
  }
  for (const key of names.keys()) if (!positions.has(key)) report.skipped.withoutPosition++;
  return { points, report };
}

function assertKeys(file: string, line: number, cells: Record<string, string>) {
  const ok =
    /^\d{7}$/u.test(cells.machiaza_id ?? '') &&
    /^\d{0,3}$/u.test(cells.blk_id ?? '') &&
    /^\d{0,3}$/u.test(cells.rsdt_id ?? '') &&
    /^\d{0,2}$/u.test(cells.rsdt2_id ?? '');
  if (!ok) throw new AppError('address.bad_row', { file, line, column: 'machiaza_id/blk_id/rsdt_id' });
}

function nameOf(cells: Record<string, string>): Name {
  const clean = (value: string | undefined) => (value ? value.normalize('NFKC') : null);
  return {
    town: cells.oaza_cho ?? '',
    chome: chomeNumber(cells.chome ?? ''),
    block: clean(cells.blk_num),
    residence: clean(cells.rsdt_num),
    residence2: clean(cells.rsdt_num2),
  };
}

function positionOf(file: string, line: number, cells: Record<string, string>): Position | null {
  if (!cells.rep_lat || !cells.rep_lon) return null; // the registry has rows without a point yet
  if (!GEOGRAPHIC_SRIDS.has(cells.rep_srid ?? '')) {
    throw new AppError('address.unsupported_srid', { file, line, srid: cells.rep_srid });
  }
  const lat = Number(cells.rep_lat);
  const lng = Number(cells.rep_lon);
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    throw new AppError('address.bad_row', { file, line, column: 'rep_lat/rep_lon' });
  }
  return { lat, lng, flag: cells.rsdt_addr_flg ?? '' };
}
