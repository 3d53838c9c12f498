import type { OpenDataLayout } from '../../../../contracts/opendata';
import { closuresOf, hoursRowsOf } from '../../directory';
import type { FacilityRecord } from '../parse/facility-record';
import type { DirectoryRow } from './facility-row';

/**
 * Enough of a facility to match a row to it and to see that nothing changed since the last import:
 * its keys, the hash the last import stored and whether anyone touched it since (worked out by the
 * database, see UNTOUCHED_SINCE_SYNC in facility-state.queries.ts). An import reads one per row of
 * a re-imported file, so it holds no dates or texts it does not need.
 */
export type FacilityMatch = {
  id: string;
  medical_institution_code: string | null;
  care_office_number: string | null;
  care_service_type: string | null;
  source_id: string | null;
  content_hash: string | null;
  /**
   * The last import's sync is at or after the facility's last change, and its editor has no edits
   * that import kept (edited_by_editor_at at or before editor_edits_overwritten_at, or none).
   */
  untouched_since_sync: boolean;
};

/** A facility as stored, with its open-data side: what projection and comparison need. */
export type FacilityState = Omit<DirectoryRow, 'last_confirmed_at'> & {
  version: number;
  updated_at: Date;
  edited_by_editor_at: Date | null;
  last_confirmed_at: Date | null;
  /** [day (0 = Sunday), open minute, close minute] in day and time order. */
  hours: Array<[number, number, number]>;
  layout: OpenDataLayout | null;
  content_hash: string | null;
  synced_at: Date | null;
  extras: FacilityRecord | null;
  editor_edits_overwritten_at: Date | null;
};

/** A row selected with FACILITY_COLUMNS (facility-state.queries.ts). */
export type StoredFacility = Omit<FacilityState, 'hours'> & {
  hours_day: number[];
  hours_open: number[];
  hours_close: number[];
  nth_closures: number[];
};

/** The row as FacilityState, with its closures as [weekday, nth] pairs beside it. */
export function stateOf(row: StoredFacility): FacilityState & { closures: Array<[number, number]> } {
  const { hours_day, hours_open, hours_close, nth_closures, ...rest } = row;
  return {
    ...rest,
    hours: hoursRowsOf({ hours_day, hours_open, hours_close, hours_shift_notes: [] }).map((h) => [
      h.day,
      h.open_minute,
      h.close_minute,
    ]),
    closures: closuresOf(nth_closures).map((c) => [c.weekday, c.nth]),
  };
}

export type FacilityKeys = {
  medicalCodes: string[];
  careOffices: string[];
  sourceIds: string[];
  ids: string[];
};
