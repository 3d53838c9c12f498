import type {
  ExpressionBuilder,
  ExpressionWrapper,
  ExtractTypeFromReferenceExpression,
  ReferenceExpression,
  SelectQueryBuilder,
  SqlBool,
} from 'kysely';
import type { Page, PageQuery } from '../../../contracts/page';
import { AppError } from '../errors';

/**
 * The keyset cursor of every list: the last row's sort value and its id, base64url-encoded JSON.
 * Queries order by (sortValue desc, id desc) — or asc — and continue strictly after the cursor:
 *
 *   const after = decodeCursorOf(query.cursor, { sort: 'time', id: 'uuid' }); // or decodeTimeCursor
 *   db.selectFrom('x')…
 *     .$call((q) => keysetPage(q, ['created_at', 'id'], 'desc', after))
 *     .limit(query.limit + 1)
 *
 * then `toPage(rows, query, (r) => ({ sort: r.created_at, id: r.id }), present)`. `keysetPage`
 * writes the ORDER BY pair and, after a cursor, the row-value comparison
 * `("created_at", "id") < ($1, $2)` (`keysetAfter`), which reads an index on (created_at desc,
 * id desc) as one range from the cursor on.
 *
 * The list names the shape of its position once (`CursorShape`), and the decoder hands back a
 * position of exactly that type (`PositionOf`): a Date for a time, a string for text, a safe
 * integer for an integer. Anything else — a tampered cursor, or another list's — is a 400
 * (request.invalid) before it reaches the database.
 *
 * A time used as the sort value must be stored to the millisecond (written from `clock.now()`, or
 * a `timestamptz(3)` column when the database's now() fills it): the cursor carries a JS Date's
 * milliseconds, and rows whose microseconds lie after it would be skipped.
 */

/** What a list sorts by, as its cursor carries it. */
type SortValues = {
  /** A time to the millisecond (written as `toISOString()`), read back as a Date. */
  time: Date;
  /** Any text (an e-mail, a kana key). */
  text: string;
  /** A safe integer (the audit log's and the access log's ids). */
  integer: number;
  /** A flag, then a time: the inbox's (unread first, then newest). */
  'boolean-time': readonly [boolean, Date];
};
/** What a list's rows are told apart by, after the sort value. */
type IdValues = { uuid: string; integer: number };

export type SortKind = keyof SortValues;
export type IdKind = keyof IdValues;
/** The shape of one list's position: `{ sort: 'time', id: 'uuid' }` for most lists. */
export type CursorShape = { readonly sort: SortKind; readonly id: IdKind };
/** The position a cursor of that shape names, precisely typed. */
export type PositionOf<S extends CursorShape> = { sort: SortValues[S['sort']]; id: IdValues[S['id']] };
/** What `encodeCursor` and `toPage` take: a position of any shape. */
export type CursorPosition = { sort: SortValues[SortKind]; id: IdValues[IdKind] };

/** A list sorted by a time and a uuid (newest first, most lists). */
export const TIME_UUID = { sort: 'time', id: 'uuid' } as const satisfies CursorShape;
/** The position of a list sorted by a time and a uuid, as `decodeTimeCursor` reads it. */
export type TimePosition = PositionOf<typeof TIME_UUID>;
/** A list sorted by a text and a uuid (the users by e-mail, the patients by kana). */
export const TEXT_UUID = { sort: 'text', id: 'uuid' } as const satisfies CursorShape;
export type TextPosition = PositionOf<typeof TEXT_UUID>;
/**
 * A list ordered by its integer id alone (the audit log, the access log): its cursor carries the
 * id as both sort and id, and `position.id` is where it continues.
 */
export const INTEGER_ID = { sort: 'integer', id: 'integer' } as const satisfies CursorShape;

export function encodeCursor(position: CursorPosition): string {
  const { sort } = position;
  const value =
    sort instanceof Date
      ? sort.toISOString()
      : typeof sort === 'object'
        ? [sort[0], sort[1].toISOString()]
        : sort;
  return Buffer.from(JSON.stringify([value, position.id]), 'utf8').toString('base64url');
}

const ISO_MILLISECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A time `encodeCursor` wrote (toISOString of a Date), or undefined. */
function readTime(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !ISO_MILLISECONDS.test(value)) return undefined;
  const at = new Date(value);
  // 2026-02-30T… has the shape but no day: Date rolls it over, so it would not round-trip.
  return !Number.isNaN(at.getTime()) && at.toISOString() === value ? at : undefined;
}

const readInteger = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;

const readSort: { [K in SortKind]: (value: unknown) => SortValues[K] | undefined } = {
  time: readTime,
  text: (value) => (typeof value === 'string' ? value : undefined),
  integer: readInteger,
  'boolean-time': (value) => {
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'boolean') return undefined;
    const at = readTime(value[1]);
    return at === undefined ? undefined : [value[0], at];
  },
};

const readId: { [K in IdKind]: (value: unknown) => IdValues[K] | undefined } = {
  uuid: (value) => (typeof value === 'string' && UUID.test(value) ? value : undefined),
  integer: readInteger,
};

function parse(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined; // not ours
  }
}

/**
 * The position a cursor names, read as the list's shape: undefined without a cursor; a cursor
 * this list did not write is a 400 (request.invalid).
 */
export function decodeCursorOf<const S extends CursorShape>(
  cursor: string | undefined,
  shape: S,
): PositionOf<S> | undefined {
  if (cursor === undefined) return undefined;
  const value = parse(cursor);
  if (Array.isArray(value) && value.length === 2) {
    const sort = readSort[shape.sort](value[0]);
    const id = readId[shape.id](value[1]);
    if (sort !== undefined && id !== undefined) return { sort, id } as PositionOf<S>;
  }
  throw new AppError('request.invalid', { field: 'cursor' });
}

/** `decodeCursorOf(cursor, TIME_UUID)`: the position of a list sorted by a time and a uuid. */
export function decodeTimeCursor(cursor: string | undefined): TimePosition | undefined {
  return decodeCursorOf(cursor, TIME_UUID);
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only tells that a next page exists.
 */
export function toPage<Row, Item>(
  rows: Row[],
  query: Pick<PageQuery, 'limit'>,
  positionOf: (row: Row) => CursorPosition,
  present: (row: Row) => Item,
): Page<Item> {
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(present),
    nextCursor: rows.length > query.limit && last !== undefined ? encodeCursor(positionOf(last)) : null,
  };
}

/** Which way a list runs: both of its keys the same way (newest first is 'desc'). */
export type KeysetDirection = 'asc' | 'desc';

/** One key of a list's order: a column (`'c.created_at'`) or an expression (the inbox's `(read_at is null)`). */
type Key<DB, TB extends keyof DB> = ReferenceExpression<DB, TB>;

/**
 * A list's keys as its cursor carries them: the sort key (or, for a `boolean-time` sort, its two
 * keys), then the id that tells rows with the same sort value apart.
 */
export type KeysetKeys<DB, TB extends keyof DB> = readonly [
  sort: Key<DB, TB> | readonly [Key<DB, TB>, Key<DB, TB>],
  id: Key<DB, TB>,
];

type ValueOf<DB, TB extends keyof DB, K> = ExtractTypeFromReferenceExpression<DB, TB, K>;
type SortValueOf<DB, TB extends keyof DB, S> = S extends readonly [infer A, infer B]
  ? readonly [ValueOf<DB, TB, A>, ValueOf<DB, TB, B>]
  : ValueOf<DB, TB, S>;

/** The position of a row in the order of `keys`, typed by its columns (a Date for a timestamptz). */
export type KeysetPosition<DB, TB extends keyof DB, K extends KeysetKeys<DB, TB>> = {
  readonly sort: SortValueOf<DB, TB, K[0]>;
  readonly id: ValueOf<DB, TB, K[1]>;
};

function isPair<T>(key: T | readonly [T, T]): key is readonly [T, T] {
  return Array.isArray(key);
}

/**
 * "Strictly after `position` in the order of `keys`" as one row-value comparison:
 * `(sort, id) < ($1, $2)` for 'desc', `>` for 'asc'. It compares like the ORDER BY does (a text
 * with the column's collation), so it selects the same rows as `sort < $1 or (sort = $1 and id <
 * $2)`; unlike that `or`, an index in the list's order reads it as one range from the cursor on,
 * where the `or` can make PostgreSQL gather both halves and sort them (issue 14). Both keys run
 * the same way: a list sorted desc then id asc cannot be one row value.
 */
export function keysetAfter<DB, TB extends keyof DB, const K extends KeysetKeys<DB, TB>>(
  eb: ExpressionBuilder<DB, TB>,
  keys: K,
  direction: KeysetDirection,
  position: KeysetPosition<DB, TB, K>,
): ExpressionWrapper<DB, TB, SqlBool> {
  const op = direction === 'desc' ? '<' : '>';
  const [sort, id] = keys as KeysetKeys<DB, TB>;
  const at = position as { readonly sort: unknown; readonly id: unknown };
  // `as never` on the values: the signature has checked them against the keys' columns, and the
  // builder cannot relate a generic tuple of values to a generic tuple of references.
  if (isPair(sort)) {
    const [first, second] = at.sort as readonly [unknown, unknown];
    return eb(eb.refTuple(sort[0], sort[1], id), op, eb.tuple(first, second, at.id) as never);
  }
  return eb(eb.refTuple(sort, id), op, eb.tuple(at.sort, at.id) as never);
}

/**
 * A list's order and where its page starts, in one call so the two cannot disagree: ORDER BY each
 * of `keys` in `direction` and, given the previous page's last position, only the rows strictly
 * after it (`keysetAfter`). The caller adds `.limit(query.limit + 1)`.
 */
export function keysetPage<DB, TB extends keyof DB, O, const K extends KeysetKeys<DB, TB>>(
  query: SelectQueryBuilder<DB, TB, O>,
  keys: K,
  direction: KeysetDirection,
  after: KeysetPosition<DB, TB, K> | undefined,
): SelectQueryBuilder<DB, TB, O> {
  const [sort, id] = keys as KeysetKeys<DB, TB>;
  let q = after === undefined ? query : query.where((eb) => keysetAfter(eb, keys, direction, after));
  for (const key of isPair(sort) ? [...sort, id] : [sort, id]) q = q.orderBy(key, direction);
  return q;
}
