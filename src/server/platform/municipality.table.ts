import type { ColumnType } from 'kysely';

/**
 * A municipality (市区町村) the installation serves or has read from an open-data file: the tenant.
 * Every tenant-owned row's `municipality_code` references `code`. Rows are added, never removed
 * (a tenant's rows would be orphaned), so a code once found stays found.
 */
export interface MunicipalityTable {
  /** 全国地方公共団体コード: 6 digits, the last a check digit (目黒区 = 131105); CHECK `^[0-9]{6}$`. */
  code: string;
  /** The name in Japanese as the ward writes it (目黒区), 1–100 characters. */
  name: string;
  /** Its reading in hiragana (めぐろく), when known: for sorting in 五十音 order. */
  name_kana: string | null;
  /** Its English name (Meguro City), when known: for the English UI. */
  name_en: string | null;
  /** The prefecture's name (東京都): credit lines and addresses write it before the name. */
  prefecture: string;
  /** When the installation learned of it (UTC); set by the database. */
  created_at: ColumnType<Date, Date | undefined, never>;
}

declare module './db/schema' {
  interface Database {
    municipalities: MunicipalityTable;
  }
}
