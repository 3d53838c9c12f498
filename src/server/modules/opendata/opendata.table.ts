import type { ColumnType, Generated } from 'kysely';
import type { OpenDataLayout } from '../../../contracts/opendata';

type Json = ColumnType<unknown, string, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The open-data side of a facility: what the last import said about it. */
export interface OpendataFacilitySourceTable {
  facility_id: string;
  municipality_code: string;
  /** Layout of the file that last wrote it. */
  layout: OpenDataLayout;
  /** SHA-1 of the normalised row; equal hash and no later edit = unchanged without loading the facility. */
  content_hash: string;
  /** Standard columns the directory does not store (法人番号, 時間外における対応, 備考, the schedule as written). */
  extras: Json;
  source_file: string | null;
  /** Spreadsheet line of the row in that file. */
  source_line: number | null;
  /** When the import wrote the facility; a facility updated later was changed by someone else. */
  synced_at: Timestamp;
  /** Last import that overwrote the facility editor's own edits (the admin chose to). */
  editor_edits_overwritten_at: Timestamp | null;
}

/** One import run, dry or not, committed or refused, with its report. */
export interface OpendataImportTable {
  id: Generated<string>;
  /** The municipality the rows were put into, when one was chosen (always for the admin page). */
  municipality_code: string | null;
  file_name: string;
  file_sha256: string;
  file_bytes: number;
  layout: OpenDataLayout | null;
  encoding: string | null;
  dry_run: boolean;
  committed: boolean;
  row_count: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The ImportReport (errors capped). */
  report: Json;
  imported_by_user_id: string | null;
  imported_by_label: string | null;
  started_at: Timestamp;
  finished_at: Generated<Date>;
}

declare module '../../platform/db/schema' {
  interface Database {
    opendata_facility_sources: OpendataFacilitySourceTable;
    opendata_imports: OpendataImportTable;
  }
}
