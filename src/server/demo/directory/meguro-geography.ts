import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { katakanaToHiragana, normalizeSearchKey } from '../../../contracts/japanese-text';
import type { Executor } from '../../platform/db/schema';
import '../../modules/directory/taxonomy.table';

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
    await sql`
      insert into directory_districts (municipality_code, code, name, name_en, sort_order)
      values (${municipalityCode}, ${d.code}, ${d.name}, ${d.nameEn}, ${order})
      on conflict (municipality_code, code) do update
        set name = excluded.name, name_en = excluded.name_en, sort_order = excluded.sort_order`.execute(
      executor,
    );
    order += 10;
  }
  for (const t of geography.towns) {
    await sql`
      insert into directory_towns (municipality_code, name, kana, postal_code, district_code, centroid, search_key)
      values (${municipalityCode}, ${t.name}, ${t.kana}, ${t.postalCode}, ${t.district},
        point(${t.center.lng}, ${t.center.lat}), ${normalizeSearchKey(t.name)})
      on conflict (municipality_code, name) do update
        set kana = excluded.kana, postal_code = excluded.postal_code, district_code = excluded.district_code,
          centroid = excluded.centroid, search_key = excluded.search_key`.execute(executor);
  }
}
