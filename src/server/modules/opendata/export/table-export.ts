import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import { facilityTypeLabels } from '../../../../contracts/directory';
import type { OpenDataLayout } from '../../../../contracts/opendata';
import type { Database } from '../../../platform/db/schema';
import type { MunicipalityInfo } from '../../../platform/municipality.queries';
import { FACILITY_TYPES, type FacilityType, MEDICAL_TYPES } from '../parse/facility-kinds';
import { encodeCp932 } from '../parse/text-decoding';
import { typesPresent } from './export.queries';
import { exportFacilities } from './export-source';
import { DATASETS, headersOf, standardCells } from './standard-rows';
import { type XlsxSheet, xlsxStream } from './xlsx-stream';

const BOM = '\uFEFF';
const CHUNK_ROWS = 500;

/**
 * A standard CSV (医療機関一覧 or 介護サービス事業所一覧): CRLF, UTF-8 with BOM (Excel opens it
 * correctly) or CP932 for older systems. Streamed a page of facilities at a time.
 */
export async function* standardCsv(
  db: Kysely<Database>,
  dataset: keyof typeof DATASETS,
  municipality: MunicipalityInfo,
  encoding: 'utf-8' | 'cp932',
): AsyncGenerator<Buffer> {
  const { layout, types } = DATASETS[dataset];
  const encode = (text: string) => (encoding === 'cp932' ? encodeCp932(text) : Buffer.from(text, 'utf8'));
  const toCsv = (rows: string[][]) => stringify(rows, { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
  yield encode((encoding === 'utf-8' ? BOM : '') + toCsv([headersOf(layout)]));
  let rows: string[][] = [];
  let sequence = 0;
  for await (const facility of exportFacilities(db, municipality.code, types)) {
    rows.push(standardCells(layout, facility, municipality, ++sequence));
    if (rows.length >= CHUNK_ROWS) {
      yield encode(toCsv(rows));
      rows = [];
    }
  }
  if (rows.length > 0) yield encode(toCsv(rows));
}

/**
 * An .xlsx workbook with one sheet per facility type (medical types in the 医療機関一覧 layout,
 * care types in the 介護サービス事業所一覧 layout), zipped as it is produced. Every cell is text,
 * so codes keep their leading zeros.
 */
export function standardWorkbook(db: Kysely<Database>, municipality: MunicipalityInfo): Readable {
  return Readable.from(xlsxStream(workbookSheets(db, municipality)));
}

async function* workbookSheets(
  db: Kysely<Database>,
  municipality: MunicipalityInfo,
): AsyncGenerator<XlsxSheet> {
  const present = await typesPresent(db, municipality.code);
  for (const type of FACILITY_TYPES.filter((t) => present.has(t))) {
    const layout = MEDICAL_TYPES.includes(type) ? DATASETS.medical.layout : DATASETS.care.layout;
    yield { name: facilityTypeLabels[type].ja, rows: sheetRows(db, municipality, type, layout) };
  }
}

async function* sheetRows(
  db: Kysely<Database>,
  municipality: MunicipalityInfo,
  type: FacilityType,
  layout: OpenDataLayout,
): AsyncGenerator<string[]> {
  yield headersOf(layout);
  let sequence = 0;
  for await (const facility of exportFacilities(db, municipality.code, [type])) {
    yield standardCells(layout, facility, municipality, ++sequence);
  }
}
