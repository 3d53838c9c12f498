import {
  type CapacitySignal,
  type CollaborationTool,
  type FacilityType,
  type OpeningHours,
  standardCapabilities,
} from '../../../contracts/directory';
import { pointInRing } from '../../modules/directory/geo';
import { demoCapabilities, visitingCapabilities } from './demo-capabilities';
import { demoHours } from './demo-hours';
import type { Geography, TownInfo } from './meguro-geography';
import {
  accessibilityFeatures,
  clinicSpecialties,
  dentalDepartments,
  districtKana,
  familyNames,
  hospitalDepartments,
  kanjiDigits,
  languagesOffered,
  prefixes,
  stems,
  typeSuffixes,
  type Word,
} from './name-parts';
import { createRandom, facilitySeed, type Random, stableUuid } from './random';

/** One generated (fictional) facility, ready for bulkInsertFacilities. */
export type DemoFacility = {
  id: string;
  municipalityCode: string;
  type: FacilityType;
  name: string;
  kana: string;
  address: { prefecture: string; city: string; town: string; block: string; building: string | null };
  postalCode: string;
  town: string;
  districtCode: string;
  districtName: string;
  location: { lat: number; lng: number };
  phone: string;
  fax: string | null;
  email: string | null;
  url: string | null;
  medicalInstitutionCode: string | null;
  careOfficeNumber: string | null;
  beds: number | null;
  departments: string[];
  languages: string[];
  accessibility: string[];
  collaborationTools: CollaborationTool[];
  mainStationId: string | null;
  hours: OpeningHours;
  capabilities: Array<{ code: string; confirmedAt: Date }>;
  capacity: { signal: CapacitySignal; setAt: Date } | null;
  sourceId: string;
};

/** Meguro's demo mix (issue 3 §8): 720 facilities. */
export const meguroMix: ReadonlyArray<[FacilityType, number]> = [
  ['hospital', 10],
  ['clinic', 280],
  ['dental_clinic', 180],
  ['pharmacy', 150],
  ['visiting_nurse_station', 35],
  ['care_management_office', 60],
  ['community_support_center', 5],
];
const MIX_TOTAL = meguroMix.reduce((s, [, n]) => s + n, 0);
const DAY_MS = 86_400_000;

/**
 * The type of the i-th facility of a municipality and its rank within the type. A stride coprime
 * with the mix size interleaves the types, so any prefix of a municipality has the whole mix and
 * every full cycle of 720 has exactly the Meguro counts.
 */
function typeAt(index: number): { type: FacilityType; ordinal: number } {
  let k = ((index % MIX_TOTAL) * 247) % MIX_TOTAL;
  for (const [type, n] of meguroMix) {
    if (k < n) return { type, ordinal: k };
    k -= n;
  }
  return { type: 'clinic', ordinal: 0 };
}

/** Community support centres get one district each; everything else a random 町丁. */
function townFor(geo: Geography, type: FacilityType, ordinal: number, r: Random): TownInfo {
  if (type === 'community_support_center' && geo.districts.length > 0) {
    const district = geo.districts[ordinal % geo.districts.length]?.code;
    const inDistrict = geo.towns.filter((t) => t.district === district);
    if (inDistrict.length > 0) return r.pick(inDistrict);
  }
  return r.pick(geo.towns);
}

function placeIn(geo: Geography, town: TownInfo, r: Random): { lat: number; lng: number } {
  for (let attempt = 0; attempt < 30; attempt++) {
    // About 300 m around the 町丁's centre, kept inside the boundary.
    const p = { lat: town.center.lat + r.normal() * 0.0027, lng: town.center.lng + r.normal() * 0.0033 };
    if (geo.boundary.length === 0 || pointInRing(p, geo.boundary)) {
      return { lat: Math.round(p.lat * 1e6) / 1e6, lng: Math.round(p.lng * 1e6) / 1e6 };
    }
  }
  return town.center;
}

function nameOf(type: FacilityType, r: Random, town: TownInfo, district: Word) {
  const join = (...words: Word[]) => ({
    name: words.map((w) => w[0]).join(''),
    kana: words.map((w) => w[1]).join(''),
  });
  const prefix = r.pick(prefixes);
  const stem = r.pick(stems);
  if (type === 'community_support_center') {
    return { ...join(district, typeSuffixes.community_support_center[0] as Word), departments: [] };
  }
  if (type === 'clinic') {
    const specialty = r.pick(clinicSpecialties);
    const owner = r.chance(0.25) ? r.pick(familyNames) : undefined;
    return {
      ...join(owner ?? prefix, owner ? ['', ''] : stem, specialty.suffix),
      departments: specialty.departments,
    };
  }
  if (type === 'dental_clinic') {
    const owner = r.chance(0.3) ? r.pick(familyNames) : undefined;
    return {
      ...join(owner ?? prefix, owner ? ['', ''] : stem, r.pick(typeSuffixes.dental_clinic)),
      departments: r.sample(dentalDepartments, r.int(1, 3)),
    };
  }
  if (type === 'pharmacy') {
    const shop: Word = [`${town.name}店`, `${town.kana}テン`];
    return { ...join(stem, r.pick(typeSuffixes.pharmacy), [' ', ' '], shop), departments: [] };
  }
  if (type === 'hospital') {
    return {
      ...join(prefix[0] ? prefix : (['目黒', 'メグロ'] as Word), stem, r.pick(typeSuffixes.hospital)),
      departments: r.sample(hospitalDepartments, r.int(5, 10)),
    };
  }
  const suffixes = typeSuffixes[type];
  return { ...join(prefix, stem, r.pick(suffixes)), departments: [] };
}

function confirmedDate(r: Random, now: Date): Date {
  // About one in eight confirmations is stale (13–30 months old); the rest are within 11 months.
  const days = r.chance(0.12) ? r.int(395, 900) : r.int(1, 330);
  return new Date(now.getTime() - days * DAY_MS);
}

function addressFor(geo: Geography, town: TownInfo, chome: number, r: Random): DemoFacility['address'] {
  return {
    prefecture: geo.prefecture,
    city: geo.city,
    town: `${town.name}${kanjiDigits[chome] ?? chome}丁目`,
    block: `${r.int(1, 30)}-${r.int(1, 25)}`,
    building: r.chance(0.35) ? `${r.pick(stems)[0]}ビル${r.int(1, 6)}階` : null,
  };
}

/** Numbers that cannot ring anywhere (Tokyo subscriber numbers never start with 0) and example.jp. */
function contactsFor(municipalityCode: string, serial: string, r: Random) {
  const number = () =>
    `03-0${String(r.int(0, 999)).padStart(3, '0')}-${String(r.int(0, 9999)).padStart(4, '0')}`;
  return {
    phone: number(),
    fax: r.chance(0.7) ? number() : null,
    email: r.chance(0.8) ? `info-${municipalityCode}-${serial}@example.jp` : null,
    url: r.chance(0.6) ? `https://demo-${municipalityCode}-${serial}.example.jp/` : null,
  };
}

const medicalTables: Partial<Record<FacilityType, string>> = {
  hospital: '1',
  clinic: '1',
  dental_clinic: '3',
  pharmacy: '4',
};

/** 医療機関コード (prefecture + 点数表 + 99 + serial) or 介護事業所番号, both in ranges marked fictional. */
function registryCodesFor(type: FacilityType, municipalityCode: string, serial: string) {
  const prefecture = municipalityCode.slice(0, 2);
  const table = medicalTables[type];
  const careOffice = type === 'visiting_nurse_station' || type === 'care_management_office';
  return {
    medicalInstitutionCode: table ? `${prefecture}${table}99${serial}` : null,
    careOfficeNumber: careOffice
      ? `${prefecture}7${type === 'visiting_nurse_station' ? '6' : '1'}${serial}9`
      : null,
  };
}

type Options = { now?: Date; mainStationOf?: (index: number) => string | undefined };

/** The facility at `index` of a municipality: deterministic for (seed, municipality, index). */
export function generateFacilityAt(
  geo: Geography,
  seed: number,
  index: number,
  options: Options = {},
): DemoFacility {
  const now = options.now ?? new Date();
  const r = createRandom(facilitySeed(seed + Number(geo.municipalityCode), index));
  const { type, ordinal } = typeAt(index);
  const town = townFor(geo, type, ordinal, r);
  const district = geo.districts.find((d) => d.code === town.district) ?? { code: town.district, name: '' };
  const named = nameOf(type, r, town, [district.name, districtKana[district.name] ?? '']);
  const homeCare = r.chance(0.2);
  const codes = demoCapabilities(type, r, homeCare);
  const roundTheClock = codes.includes('round_the_clock');
  const serial = String(index + 1).padStart(5, '0');
  const isVisiting =
    codes.some((c) => visitingCapabilities.includes(c)) ||
    type === 'visiting_nurse_station' ||
    type === 'care_management_office';
  const satelliteOf = type === 'visiting_nurse_station' ? options.mainStationOf?.(index) : undefined;
  const chome = r.int(1, Math.max(1, town.chome));
  return {
    id: stableUuid(`zaitaku-demo:${seed}:${geo.municipalityCode}:${index}`),
    municipalityCode: geo.municipalityCode,
    type,
    name: satelliteOf ? `${named.name} サテライト${town.name}` : named.name,
    kana: satelliteOf ? `${named.kana} サテライト${town.kana}` : named.kana,
    address: addressFor(geo, town, chome, r),
    postalCode: town.postalCode,
    town: town.name,
    districtCode: district.code,
    districtName: district.name,
    location: placeIn(geo, town, r),
    ...contactsFor(geo.municipalityCode, serial, r),
    ...registryCodesFor(type, geo.municipalityCode, serial),
    beds: type === 'hospital' ? r.int(40, 400) : type === 'clinic' && r.chance(0.03) ? r.int(1, 19) : null,
    departments: named.departments,
    languages: codes.includes('multilingual') ? ['日本語', ...r.sample(languagesOffered, r.int(1, 3))] : [],
    accessibility: r.sample(accessibilityFeatures, r.int(0, 3)),
    collaborationTools: isVisiting
      ? [r.pick(['mcs', 'mcs', 'denshi_renrakucho', 'vital_link', 'fax_only'] as const)]
      : [],
    mainStationId: satelliteOf ?? null,
    hours: demoHours(type, r, roundTheClock),
    capabilities: codes.map((code) => ({ code, confirmedAt: confirmedDate(r, now) })),
    capacity: isVisiting
      ? {
          signal: r.pick(['accepting', 'accepting', 'accepting', 'waitlist', 'full'] as const),
          setAt: new Date(now.getTime() - r.int(0, 60) * DAY_MS),
        }
      : null,
    sourceId: `demo-${serial}`,
  };
}

/**
 * Facilities of one municipality, `count` of them, in the demo mix; about one visiting-nurse
 * station in six is a satellite of an earlier main station.
 */
export function* iterateFacilities(
  geo: Geography,
  count: number,
  seed: number,
  now = new Date(),
): Generator<DemoFacility> {
  const mainStations: string[] = [];
  for (let index = 0; index < count; index++) {
    const satellite =
      typeAt(index).type === 'visiting_nurse_station' && mainStations.length > 2 && index % 6 === 0;
    const facility = generateFacilityAt(geo, seed, index, {
      now,
      mainStationOf: () => (satellite ? mainStations[index % mainStations.length] : undefined),
    });
    if (facility.type === 'visiting_nurse_station' && !facility.mainStationId) mainStations.push(facility.id);
    yield facility;
  }
}

/** n fictional facilities of Meguro (deterministic for the seed); for tests and small sets. */
export function generateFacilities(
  n: number,
  seed: number,
  geo: Geography,
  now = new Date(),
): DemoFacility[] {
  return [...iterateFacilities(geo, n, seed, now)];
}

export const capabilityNameJa = new Map<string, string>(standardCapabilities.map((c) => [c.code, c.ja]));
