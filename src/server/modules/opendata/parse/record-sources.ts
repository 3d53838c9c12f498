import type ExcelJS from 'exceljs';
import type { SourceEncoding } from '../../../../contracts/opendata';
import { CsvError, CsvSplitter } from './csv-splitter';
import { decodeInSlices } from './text-decoding';

/** One record of a sheet with the line number a spreadsheet shows for it. */
export type SourceRecord = { line: number; cells: string[] };
export type SourceSheet = { name: string; records: AsyncIterable<SourceRecord> };

/** A fault of the whole file, with the line where it shows. */
export class SourceError extends Error {
  constructor(
    readonly code: 'opendata.malformed_csv' | 'opendata.broken_xlsx' | 'opendata.unreadable_text',
    readonly line: number,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * CSV records, streamed. Quoted cells may span lines; a spreadsheet shows such a record as one
 * row, so the line number is the record's ordinal (empty lines count, as they do in Excel).
 */
export async function* csvRecords(
  bytes: Uint8Array,
  encoding: Exclude<SourceEncoding, 'xlsx'>,
): AsyncGenerator<SourceRecord> {
  const splitter = new CsvSplitter();
  const checked = (cells: string[]): SourceRecord => {
    const line = splitter.records;
    for (const cell of cells) {
      if (cell.includes('\uFFFD')) throw new SourceError('opendata.unreadable_text', line, 'U+FFFD');
    }
    return { line, cells };
  };
  try {
    for (const slice of decodeInSlices(bytes, encoding)) {
      for (const cells of splitter.push(slice)) yield checked(cells);
    }
    for (const cells of splitter.end()) yield checked(cells);
  } catch (error) {
    if (error instanceof CsvError) throw new SourceError('opendata.malformed_csv', error.line, error.message);
    throw error;
  }
}

/** Every worksheet of an .xlsx workbook. A file exceljs cannot open is a broken xlsx. */
export async function xlsxSheets(bytes: Uint8Array): Promise<SourceSheet[]> {
  // Loaded when a workbook comes: most files are CSV, and exceljs takes a while to load (on the
  // reading worker, before its first row reaches the import).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    throw new SourceError('opendata.broken_xlsx', 0, error instanceof Error ? error.message : String(error));
  }
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, records: sheetRecords(sheet) }));
}

async function* sheetRecords(sheet: ExcelJS.Worksheet): AsyncGenerator<SourceRecord> {
  const count = sheet.rowCount;
  for (let line = 1; line <= count; line++) {
    const row = sheet.getRow(line);
    const cells: string[] = [];
    const width = row.cellCount;
    for (let col = 1; col <= width; col++) cells.push(cellText(row.getCell(col).value));
    yield { line, cells };
  }
}

/** A cell as the text a CSV export of it would hold (times of day as HH:MM, dates as ISO). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return '';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result);
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === 'string' ? text : cellText(text as ExcelJS.CellValue);
  }
  return '';
}

function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  // Excel keeps a time of day as a date on its epoch, 1899-12-30.
  if (iso.startsWith('1899-12-30') || iso.startsWith('1899-12-31')) return iso.slice(11, 16);
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
