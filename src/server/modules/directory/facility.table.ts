import type { ColumnType, Generated } from 'kysely';
import type {
  CapacitySignal,
  CollaborationTool,
  ConfirmationSource,
  FacilityStatus,
  FacilityType,
} from '../../../contracts/directory';

/** A `point` column: written with sql`point(lng, lat)`, read as `location[0]` (lng) and `location[1]` (lat). */
type PointColumn = ColumnType<unknown, unknown, unknown>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One facility of the directory (医療機関・介護事業所). Never deleted: closed ones get status `closed`. */
export interface FacilityTable {
  id: Generated<string>;
  municipality_code: string;
  type: FacilityType;
  status: Generated<FacilityStatus>;
  /** 名称 as published (old kanji kept). */
  name: string;
  /** 名称_カナ, full-width katakana. */
  name_kana: string | null;
  /** 名称_英字. */
  name_en: string | null;
  /** 所在地_都道府県. */
  address_prefecture: string | null;
  /** 所在地_市区町村. */
  address_city: string | null;
  /** 所在地_町字 (e.g. 上目黒二丁目). */
  address_town: string | null;
  /** 所在地_番地以下 (e.g. 12-3). */
  address_block: string | null;
  /** 建物名等(方書). */
  address_building: string | null;
  /** 7 digits without hyphen. */
  postal_code: string | null;
  /** 町丁 as in directory_towns (上目黒), derived from address_town; drives the district. */
  town: string | null;
  district_code: string | null;
  location: PointColumn | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  url: string | null;
  /** 医療機関コード: prefecture 2 + 点数表 1 + 7 digits. */
  medical_institution_code: string | null;
  /** 介護事業所番号 (10 digits). */
  care_office_number: string | null;
  /** サービスの種類 of a care office (MHLW code such as 130, 430): one office may run several. */
  care_service_type: string | null;
  beds: number | null;
  /** Note that came with the bed count in a file (e.g. 休床中). */
  beds_note: string | null;
  /** 診療科目. */
  departments: Generated<string[]>;
  languages: Generated<string[]>;
  accessibility: Generated<string[]>;
  collaboration_tools: Generated<CollaborationTool[]>;
  /** A satellite visiting-nurse station points to its main station. */
  main_station_id: string | null;
  closed_on_holidays: Generated<boolean>;
  /** 年末年始 (12/29–1/3) closed. */
  closed_year_end: Generated<boolean>;
  hours_note: string | null;
  /**
   * Weekly hours, shift i = (hours_day[i], hours_open[i], hours_close[i]) in (day, open) order: day
   * 0 = Sunday … 6 = Saturday, minutes from 00:00 of that day, close past 1440 after midnight.
   * Written whole (see hoursColumns in opening-hours.ts).
   */
  hours_day: Generated<number[]>;
  hours_open: Generated<number[]>;
  hours_close: Generated<number[]>;
  /** Empty, or one note (or null) per shift. */
  hours_shift_notes: Generated<Array<string | null>>;
  /** 第n曜日 closures as weekday × 10 + n: [62, 64] = 第2・第4土曜休診. */
  nth_closures: Generated<number[]>;
  /** Synthetic demo record. */
  is_demo: Generated<boolean>;
  /** The ID column of the open-data file it was imported from (import matching key). */
  source_id: string | null;
  /** The imported row as it was in the file, beside the normalised columns. */
  raw: ColumnType<unknown, string | null | undefined, string | null>;
  imported_at: Timestamp | null;
  /** Set when the facility's own editor's change was approved: imports keep those edits. */
  edited_by_editor_at: Timestamp | null;
  /** When the basic data (everything but capabilities and capacity) was last confirmed. */
  last_confirmed_at: Timestamp | null;
  /** Who confirmed the basic data (null: never confirmed). */
  last_confirmed_by: ConfirmationSource | null;
  /** The open-data file's name when last_confirmed_by = 'open_data'. */
  last_confirmed_file: string | null;
  /** Last reminder mail, so reminders are not repeated every run. */
  reminded_at: Timestamp | null;
  /** Normalised search document (see search-document.ts); LIKE confirms the gram index's candidates. */
  search_text: Generated<string>;
  /** Unigram and bigram codes of search_text; GIN index, serves 1–2 character keywords. */
  search_grams: ColumnType<number[], number[] | undefined, number[]>;
  /** Normalised name and kana, for relevance. */
  name_key: Generated<string>;
  /** Hiragana reading (or name key), for the kana sort. */
  kana_key: Generated<string>;
  /** Optimistic concurrency: +1 on every applied change. */
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface FacilityCapabilityTable {
  facility_id: string;
  municipality_code: string;
  code: string;
  /** Last confirmation; older than 12 months, or by an open-data file, = stale. */
  confirmed_at: Timestamp;
  confirmed_by: Generated<ConfirmationSource>;
  /** The open-data file's name when confirmed_by = 'open_data'. */
  confirmed_file: string | null;
}

/** Capacity signal of a home-visit service, set without review. */
export interface FacilityCapacityTable {
  facility_id: string;
  municipality_code: string;
  signal: CapacitySignal;
  set_at: Timestamp;
  set_by_user_id: string | null;
}

declare module '../../platform/db/schema' {
  interface Database {
    facilities: FacilityTable;
    facility_capabilities: FacilityCapabilityTable;
    facility_capacity: FacilityCapacityTable;
  }
}
