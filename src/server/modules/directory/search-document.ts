import { type FacilityType, facilityTypeLabels } from '../../../contracts/directory';
import { buildSearchDocument, documentGrams, normalizeSearchKey } from '../../../contracts/japanese-text';

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

/** The precomputed search columns of one facility (the importer uses this too, via index.ts). */
export function buildSearchFields(src: SearchSource): SearchFields {
  const search_text = buildSearchDocument([
    src.name,
    src.name_kana,
    src.name_en,
    facilityTypeLabels[src.type].ja,
    ...typeSynonyms[src.type],
    src.address_city,
    src.address_town,
    src.address_block,
    src.address_building,
    src.town,
    src.districtName,
    ...src.departments,
    ...src.languages,
    ...src.capabilityNames,
  ]);
  const name_key = buildSearchDocument([src.name, src.name_kana, src.name_en]);
  const kana_key = normalizeSearchKey(src.name_kana || src.name);
  return { search_text, search_grams: documentGrams(search_text), name_key, kana_key };
}
