import type { ColumnType, Generated } from 'kysely';
import type { FacilityType } from '../../../contracts/directory';

/** Capability taxonomy; municipality_code null = the installation-wide standard codes. */
export interface DirectoryCapabilityTable {
  id: Generated<number>;
  municipality_code: string | null;
  code: string;
  name_ja: string;
  name_en: string;
  facility_types: ColumnType<FacilityType[], FacilityType[] | undefined, FacilityType[]>;
  sort_order: Generated<number>;
  /** A municipality may switch a standard code off by a row of its own with active = false. */
  active: Generated<boolean>;
}

/** 地区 of a municipality (Meguro: 北部, 東部, 中央, 南部, 西部). */
export interface DirectoryDistrictTable {
  municipality_code: string;
  code: string;
  name: string;
  name_en: string | null;
  sort_order: Generated<number>;
}

/** 町丁 (Japan Post 町域) → district, with an approximate centre for distance searches. */
export interface DirectoryTownTable {
  municipality_code: string;
  name: string;
  /** Reading in hiragana. */
  kana: string | null;
  postal_code: string | null;
  district_code: string | null;
  centroid: ColumnType<unknown, unknown, unknown> | null;
  /** normalizeSearchKey(name). */
  search_key: string;
}

declare module '../../platform/db/schema' {
  interface Database {
    directory_capabilities: DirectoryCapabilityTable;
    directory_districts: DirectoryDistrictTable;
    directory_towns: DirectoryTownTable;
  }
}
