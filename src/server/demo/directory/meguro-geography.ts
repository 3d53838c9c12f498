import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { katakanaToHiragana, normalizeSearchKey } from '../../../contracts/japanese-text';
import type { Executor } from '../../platform/db/schema';
import '../../modules/directory/taxonomy.table';
import { upsertDistrict, upsertTown } from './demo.queries';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '../../modules/directory/data');

export type TownInfo = {
  name: string;
  kana: string;
  postalCode: string;
  district: string;
  center: { lat: number; lng: number };
  chome: number;
};

export type Geography = {
  municipalityCode: string;
  prefecture: string;
  city: string;
  districts: Array<{ code: string; name: string; nameEn: string }>;
  towns: TownInfo[];
  /** Outer ring of the boundary, [lng, lat] pairs. */
  boundary: Array<[number, number]>;
};

type DistrictFile = {
  municipalityCode: string;
  districts: Geography['districts'];
  towns: Record<string, { district: string; center: [number, number]; chome: number }>;
};

let cached: Geography | undefined;

/** 目黒区: real 町丁 and postal codes (日本郵便), the real boundary (国土数値情報), approximate districts. */
export function loadMeguroGeography(): Geography {
  if (cached) return cached;
  const file = JSON.parse(readFileSync(join(dataDir, 'meguro-districts.json'), 'utf8')) as DistrictFile;
  const towns: TownInfo[] = [];
  for (const line of readFileSync(join(dataDir, 'japanpost-13110.csv'), 'utf8').split('\n')) {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, '').trim());
    const [, , postalCode, , , kanaHalf, , , name] = cells;
    const info = name ? file.towns[name] : undefined;
    if (!postalCode || !kanaHalf || !name || !info) continue; // skips 以下に掲載がない場合
    towns.push({
      name,
      kana: katakanaToHiragana(kanaHalf.normalize('NFKC')),
      postalCode,
      district: info.district,
      center: { lat: info.center[0], lng: info.center[1] },
      chome: info.chome,
    });
  }
  const geo = JSON.parse(readFileSync(join(dataDir, 'n03-13110.geojson'), 'utf8')) as {
    features: Array<{ geometry: { coordinates: Array<Array<[number, number]>> } }>;
  };
  cached = {
    municipalityCode: file.municipalityCode,
    prefecture: '東京都',
    city: '目黒区',
    districts: file.districts,
    towns,
    boundary: geo.features[0]?.geometry.coordinates[0] ?? [],
  };
  return cached;
}

/** Writes (or refreshes) a municipality's districts and 町丁; idempotent. */
export async function installGeography(executor: Executor, geography: Geography, municipalityCode: string) {
  let order = 10;
  for (const d of geography.districts) {
    await upsertDistrict(executor, {
      municipality_code: municipalityCode,
      code: d.code,
      name: d.name,
      name_en: d.nameEn,
      sort_order: order,
    });
    order += 10;
  }
  for (const t of geography.towns) {
    await upsertTown(executor, {
      municipality_code: municipalityCode,
      name: t.name,
      kana: t.kana,
      postal_code: t.postalCode,
      district_code: t.district,
      center: t.center,
      search_key: normalizeSearchKey(t.name),
    });
  }
}
