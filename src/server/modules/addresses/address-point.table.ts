import type { AddressPrecision } from '../../../contracts/addresses';

/**
 * One representative point of the address base registry (アドレス・ベース・レジストリ) of a
 * municipality: a 町字 (level `town` or `chome`), a 住居表示の街区 (`block`) or a 住居 (`residence`).
 * Written only by `zaitaku address import`, which replaces the municipality's rows in one transaction.
 */
export interface AddressPointTable {
  /** The tenant; the registry's `lg_code` (全国地方公共団体コード). */
  municipality_code: string;
  /** The registry's 町字ID (7 digits), unique within the municipality. */
  machiaza_id: string;
  /** The registry's 街区ID (3 digits), '' for a 町字's own point. */
  blk_id: string;
  /** The registry's 住居ID (3 digits), '' unless a 住居. */
  rsdt_id: string;
  /** The registry's 住居2ID (枝番, 2 digits), '' when none. */
  rsdt2_id: string;
  /** How precise the point is; CHECK against ADDRESS_PRECISIONS (repeated in the migration). */
  level: AddressPrecision;
  /** 大字・町名 as the registry writes it (原町, 自由が丘): shown as the base point's name. */
  town_name: string;
  /** `normalizeSearchKey(town_name)`: a typed town (自由ヶ丘, じゆうがおか aside) matches on it. */
  town_key: string;
  /** 丁目 as a number (一丁目 → 1), null for a town without 丁目. */
  chome: number | null;
  /** 街区符号 (番), null above block level. */
  block: string | null;
  /** 住居番号 (号), null above residence level. */
  residence: string | null;
  /** 住居番号2 (枝番), when the registry has one. */
  residence2: string | null;
  /** Latitude of the representative point (JGD2011/JGD2000 read as WGS84: under a metre apart). */
  lat: number;
  /** Longitude of the representative point. */
  lng: number;
  /** When the import that wrote the row ran (UTC). */
  imported_at: Date;
}

declare module '../../platform/db/schema' {
  interface Database {
    address_points: AddressPointTable;
  }
}
