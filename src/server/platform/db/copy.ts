import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema';

type Executor = Kysely<Database> | Transaction<Database>;

/** A value COPY can carry: text, numbers, booleans, dates, arrays of those, JSON objects. */
export type CopyValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | ReadonlyArray<string | number | null>
  | Record<string, unknown>;

/**
 * The rows of one COPY … FROM STDIN in PostgreSQL's text format. It travels to the driver as the
 * only parameter of the statement; both drivers (PGlite's and the pg pool's, see database.ts)
 * recognise it and run a real COPY instead of a query.
 */
export class CopyPayload {
  constructor(readonly text: string) {}
}

/** The rows of a statement made by copyRows, for the drivers; undefined for any other statement. */
export function copyPayloadOf(parameters: readonly unknown[] | undefined): CopyPayload | undefined {
  return parameters?.length === 1 && parameters[0] instanceof CopyPayload ? parameters[0] : undefined;
}

/** The COPY statement itself, without the comment that carried the parameter marker. */
export function copySql(sqlText: string): string {
  return sqlText.replace(/\s*--\s*\$1\s*$/, '');
}

/**
 * Loads rows with COPY: several times faster than INSERT … SELECT from a JSON parameter on both
 * engines, because PostgreSQL reads the text format directly. Rows go in as given (no ON
 * CONFLICT): use it for rows known to be new. Returns the number of rows loaded.
 */
export async function copyRows(
  executor: Executor,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<number> {
  let text = '';
  let count = 0;
  for (const row of rows) {
    // Appended field by field: no array of fields per row (a national file has millions of rows).
    for (let i = 0; i < row.length; i++) text += i === 0 ? copyField(row[i]) : `\t${copyField(row[i])}`;
    text += '\n';
    count++;
  }
  if (count === 0) return 0;
  const payload = new CopyPayload(text);
  await sql`copy ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) from stdin -- ${payload}`.execute(
    executor,
  );
  return count;
}

/** One field of the text format: \N for null, backslash escapes for the separators. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeCopy(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`COPY: not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeCopy(arrayLiteral(value));
  return escapeCopy(JSON.stringify(value));
}

function escapeCopy(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

/** A one-dimensional array literal: {"a","b"} for text, {1,2} for numbers, NULL for nulls. */
function arrayLiteral(items: ReadonlyArray<string | number | null>): string {
  const parts = items.map((item) => {
    if (item === null) return 'NULL';
    if (typeof item === 'number') return String(item);
    return `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${parts.join(',')}}`;
}
