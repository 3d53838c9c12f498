import type { OpenDataLayout } from '../../../../contracts/opendata';
import {
  type FacilityField,
  LAYOUT_COLUMNS,
  LAYOUT_SIGNATURES,
  type LayoutColumn,
} from '../../../../contracts/opendata-layouts';

/** A column of the file bound to a column of the layout. */
export type ColumnBinding = { index: number; header: string; column: LayoutColumn };

export type HeaderMatch = {
  layout: OpenDataLayout;
  /** Index of the header record (0-based) among the records read. */
  headerIndex: number;
  headers: string[];
  /** One binding per field (the first matching column wins; `ID` over `NO`). */
  bindings: ColumnBinding[];
};

export type HeaderProblem =
  | { kind: 'not_facility_list' }
  | { kind: 'unknown_layout'; headers: string[]; headerIndex: number }
  | { kind: 'missing_column'; layout: OpenDataLayout; columns: string[]; headerIndex: number };

/** Headers compared after NFKC, without spaces, brackets unified, Latin lower-cased. */
export function headerKey(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（【［]/g, '(')
    .replace(/[）】］]/g, ')')
    .replace(/又は|または/g, '又は')
    .toLowerCase();
}

const columnKeys = new Map<LayoutColumn, Set<string>>();
function keysOf(column: LayoutColumn): Set<string> {
  let keys = columnKeys.get(column);
  if (!keys) {
    keys = new Set([column.header, ...(column.aliases ?? [])].map(headerKey));
    columnKeys.set(column, keys);
  }
  return keys;
}

/** Every header any layout knows: used to tell an unknown layout from a file that is no list at all. */
const KNOWN_HEADERS = new Set(
  Object.values(LAYOUT_COLUMNS).flatMap((cols) => cols.flatMap((c) => [...keysOf(c)])),
);

// Higher wins when two columns feed one field: the new style's ID over the old NO, 連結表記 over 住所.
const FIELD_PRIORITY: Record<string, number> = { ID: 2, 所在地_連結表記: 2 };

/** How many header rows to look through: some files put a title or a date above the header. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Finds the header row among the first records and recognises the layout from its headers,
 * whatever their order. Returns the problem when no row is a header we know.
 */
export function matchHeader(records: readonly string[][]): HeaderMatch | HeaderProblem {
  let bestUnknown: { headers: string[]; headerIndex: number; known: number } | undefined;
  for (let i = 0; i < Math.min(records.length, HEADER_SEARCH_ROWS); i++) {
    const headers = records[i]!.map((h) => h.trim());
    const keys = headers.map(headerKey);
    const keySet = new Set(keys);
    for (const { layout, headers: signature } of LAYOUT_SIGNATURES) {
      if (!signature.every((h) => keySet.has(headerKey(h)))) continue;
      return bindColumns(layout, i, headers, keys);
    }
    const known = keys.filter((k) => KNOWN_HEADERS.has(k)).length;
    if (known > (bestUnknown?.known ?? 0)) bestUnknown = { headers, headerIndex: i, known };
  }
  // Three known headers (名称, 住所, 電話番号…) make it a facility list in a layout we do not know.
  if (bestUnknown && bestUnknown.known >= 3) {
    return { kind: 'unknown_layout', headers: bestUnknown.headers, headerIndex: bestUnknown.headerIndex };
  }
  return { kind: 'not_facility_list' };
}

function bindColumns(
  layout: OpenDataLayout,
  headerIndex: number,
  headers: string[],
  keys: string[],
): HeaderMatch | HeaderProblem {
  const byField = new Map<FacilityField, ColumnBinding>();
  const rawOnly: ColumnBinding[] = [];
  const missing: string[] = [];
  for (const column of LAYOUT_COLUMNS[layout]) {
    const index = keys.findIndex((k) => keysOf(column).has(k));
    if (index === -1) {
      if (column.required) missing.push(column.header);
      continue;
    }
    const binding = { index, header: headers[index]!, column };
    if (column.field === null) {
      rawOnly.push(binding);
      continue;
    }
    const current = byField.get(column.field);
    if (!current || (FIELD_PRIORITY[column.header] ?? 1) > (FIELD_PRIORITY[current.column.header] ?? 1)) {
      byField.set(column.field, binding);
    }
  }
  if (missing.length > 0) return { kind: 'missing_column', layout, columns: missing, headerIndex };
  return { layout, headerIndex, headers, bindings: [...byField.values(), ...rawOnly] };
}

export function isHeaderProblem(value: HeaderMatch | HeaderProblem): value is HeaderProblem {
  return 'kind' in value;
}
