import { type FacilityType, facilityTypeLabels } from '../../../contracts/directory';
import { documentGrams, normalizeSearchKey } from '../../../contracts/japanese-text';

/** What a facility is found by: 名称, カナ, English name, type, 住所, 町丁, 地区, 診療科, capability names. */
export type SearchSource = {
  name: string;
  name_kana: string | null;
  name_en: string | null;
  type: FacilityType;
  address_city: string | null;
  address_town: string | null;
  address_block: string | null;
  address_building: string | null;
  town: string | null;
  districtName: string | null;
  departments: string[];
  languages: string[];
  capabilityNames: string[];
};

export type SearchFields = {
  search_text: string;
  search_grams: number[];
  name_key: string;
  kana_key: string;
};

/** Extra words people type for a type (クリニック for a clinic, 歯医者 for a dentist). */
const typeSynonyms: Record<FacilityType, string[]> = {
  hospital: [],
  clinic: ['クリニック', '医院'],
  dental_clinic: ['歯科', '歯医者'],
  pharmacy: ['調剤'],
  visiting_nurse_station: ['訪問看護'],
  care_management_office: ['ケアマネジャー', '居宅介護支援'],
  community_support_center: ['包括', '高齢者相談'],
  other_care_service: ['介護'],
};

// Town, department and capability names repeat across thousands of facilities: normalise each once.
const vocabulary = new Map<string, string>();
function vocabularyKey(text: string | null): string | null {
  if (!text) return null;
  let key = vocabulary.get(text);
  if (key === undefined) {
    key = normalizeSearchKey(text);
    if (vocabulary.size < 20_000) vocabulary.set(text, key);
  }
  return key;
}

/** The precomputed search columns of one facility (the importer uses this too, via index.ts). */
export function buildSearchFields(src: SearchSource): SearchFields {
  // Each of the facility's own texts is normalised once, though the name and kana serve three columns.
  const name = normalizeSearchKey(src.name);
  const kana = src.name_kana ? normalizeSearchKey(src.name_kana) : null;
  const english = src.name_en ? normalizeSearchKey(src.name_en) : null;
  const nameKeys = distinct([name, kana, english]);
  const own = [
    ...nameKeys,
    src.address_block ? normalizeSearchKey(src.address_block) : null,
    src.address_building ? normalizeSearchKey(src.address_building) : null,
  ];
  const repeated = [
    facilityTypeLabels[src.type].ja,
    ...typeSynonyms[src.type],
    src.address_city,
    src.address_town,
    src.town,
    src.districtName,
    ...src.departments,
    ...src.languages,
    ...src.capabilityNames,
  ].map(vocabularyKey);
  const words = own
    .flatMap((key) => (key ? key.split(' ') : []))
    .concat(repeated.filter((k): k is string => Boolean(k)));
  const search_text = distinct(words).join(' ');
  return {
    search_text,
    search_grams: documentGrams(search_text),
    name_key: nameKeys.join(' '),
    kana_key: kana ?? name,
  };
}

/** The non-empty ones, each once, in order. */
function distinct(keys: Array<string | null>): string[] {
  return keys.filter((key, i, all): key is string => Boolean(key) && all.indexOf(key) === i);
}
