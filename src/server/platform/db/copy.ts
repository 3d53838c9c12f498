import { type Kysely, sql, type Transaction } from 'kysely';
import { ROWS_PER_TURN, turnEventLoop } from '../runtime/event-loop';
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
  constructor(readonly text: string | Uint8Array<ArrayBuffer>) {}
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
  const text = new CopyText();
  for (const row of rows) {
    text.row(row);
    if (text.rows % ROWS_PER_TURN === 0) await turnEventLoop();
  }
  if (text.rows === 0) return 0;
  const payload = new CopyPayload(text.bytes());
  await sql`copy ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) from stdin -- ${payload}`.execute(
    executor,
  );
  return text.rows;
}

const TAB = 0x09;
const NEWLINE = 0x0a;

/**
 * COPY's text format written straight into UTF-8 bytes, a row at a time. A batch of a national
 * file is megabytes of text: built as one string it left a rope of small strings per field (the
 * import's largest allocation by far) and was encoded once more on its way to the driver.
 */
class CopyText {
  rows = 0;
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  row(values: readonly CopyValue[]): void {
    // Text fields are joined into one string per row and encoded in one call (a call per field
    // cost more than the joining); number arrays are written in place between.
    let line = '';
    for (let i = 0; i < values.length; i++) {
      if (i > 0) line += '\t';
      const value = values[i];
      if (typeof value === 'string') line += escapeCopy(value);
      else if (Array.isArray(value) && value.every((item) => typeof item === 'number')) {
        this.text(line);
        line = '';
        this.numbers(value);
      } else line += copyField(value);
    }
    this.text(`${line}\n`);
    this.rows++;
  }

  bytes(): Uint8Array<ArrayBuffer> {
    return this.buffer.subarray(0, this.length);
  }

  /** An integer array literal without building it as a string first ({1,2,3}). */
  private numbers(items: readonly number[]): void {
    this.byte(0x7b);
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.byte(0x2c);
      const n = items[i]!;
      if (Number.isSafeInteger(n)) this.integer(n);
      else if (Number.isFinite(n)) this.text(String(n));
      else throw new Error(`COPY: not a finite number: ${n}`);
    }
    this.byte(0x7d);
  }

  /**
   * Digits of a safe integer written in place (search documents carry dozens per row). Worked in
   * parts below 10⁹ so every step stays a small integer: V8 boxes larger ones on the heap.
   */
  private integer(n: number): void {
    this.reserve(17);
    if (n < 0) this.buffer[this.length++] = 0x2d;
    const abs = n < 0 ? -n : n;
    if (abs < 1e9) {
      this.digits(abs, 0);
      return;
    }
    const high = Math.floor(abs / 1e9);
    this.digits(high, 0);
    this.digits(abs - high * 1e9, 9);
  }

  /** Digits of 0 ≤ n < 10⁹, padded with zeros to `width`. */
  private digits(n: number, width: number): void {
    const start = this.length;
    let rest = n | 0;
    do {
      this.buffer[this.length++] = 0x30 + (rest % 10);
      rest = (rest / 10) | 0;
    } while (rest > 0 || this.length - start < width);
    const buffer = this.buffer;
    for (let i = start, j = this.length - 1; i < j; i++, j--) {
      const digit = buffer[i]!;
      buffer[i] = buffer[j]!;
      buffer[j] = digit;
    }
  }

  private byte(b: number): void {
    this.reserve(1);
    this.buffer[this.length++] = b;
  }

  private text(value: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    this.reserve(value.length * 3);
    this.length += this.buffer.write(value, this.length, 'utf8');
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
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
