import type { ImportRowError } from '../../../../contracts/opendata';
import { type RowErrorCode, rowErrorMessage } from '../../../../contracts/opendata-errors';
import type { FacilityField } from '../../../../contracts/opendata-layouts';
import type { FacilityRecord } from './facility-record';
import { readField } from './facility-record';
import type { ColumnBinding, HeaderMatch } from './header-matching';

/** One data row of a file: its normalised record, its raw cells, and what was wrong with it. */
export type ReadRow = {
  /** Line as a spreadsheet shows it. */
  line: number;
  record: FacilityRecord;
  /** The cells as written, by header, for every non-empty cell (kept beside the normalised values). */
  raw: Record<string, string>;
  /** Header of the column that fed each field, to name it in errors. */
  headerOf: Partial<Record<FacilityField, string>>;
  errors: ImportRowError[];
};

export function rowError(
  line: number,
  column: string | null,
  code: RowErrorCode,
  value = '',
): ImportRowError {
  return { line, column, code, message: rowErrorMessage(code, value) };
}

/** True for a row of empty cells (spreadsheets leave them between blocks and at the end). */
export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Reads the cells of one data row through the layout's columns. Never throws. */
export function readRow(match: HeaderMatch, cells: readonly string[], line: number): ReadRow {
  const record: FacilityRecord = {};
  const raw: Record<string, string> = {};
  const headerOf: Partial<Record<FacilityField, string>> = {};
  const errors: ImportRowError[] = [];
  match.headers.forEach((header, index) => {
    const cell = cells[index];
    if (cell !== undefined && cell !== '') raw[header || `列${index + 1}`] = cell;
  });
  for (const binding of match.bindings) {
    const field = binding.column.field;
    if (field === null) continue;
    headerOf[field] = binding.header;
    readCell(binding, field, cells[binding.index] ?? '', record, errors, line);
  }
  return { line, record, raw, headerOf, errors };
}

function readCell(
  binding: ColumnBinding,
  field: FacilityField,
  cell: string,
  record: FacilityRecord,
  errors: ImportRowError[],
  line: number,
): void {
  const result = readField(field, cell);
  if (result.ok) {
    (record as Record<string, unknown>)[field] = result.value;
    return;
  }
  const shown = result.code === 'row.too_long' ? String(cell.length) : cell.trim();
  errors.push(rowError(line, binding.header, result.code, shown));
}
