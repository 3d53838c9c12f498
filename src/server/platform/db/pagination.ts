import type { Page, PageQuery } from '../../../contracts/page';
import { AppError } from '../errors';

/**
 * The keyset cursor of every list: the last row's sort value and its id, base64url-encoded JSON.
 * Queries order by (sortValue desc, id desc) — or asc — and continue strictly after the cursor:
 *
 *   const after = decodeCursor(query.cursor);
 *   db.selectFrom('x')…
 *     .$if(after !== undefined, (q) => q.where((eb) =>
 *       eb.or([eb('created_at', '<', after.sort), eb.and([eb('created_at', '=', after.sort), eb('id', '<', after.id)])])))
 *     .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1)
 *
 * then `toPage(rows, query, (r) => ({ sort: r.created_at, id: r.id }), present)`.
 *
 * A time used as the sort value must be stored to the millisecond (written from `clock.now()`, or
 * a `timestamptz(3)` column when the database's now() fills it): the cursor carries a JS Date's
 * milliseconds, and rows whose microseconds lie after it would be skipped.
 */
export type KeysetPosition = { sort: string | number; id: string | number };
/** The position of a list sorted by a time and a uuid, as `decodeTimeCursor` reads it. */
export type TimePosition = { sort: Date; id: string };

export function encodeCursor(position: { sort: string | number | Date; id: string | number }): string {
  const sort = position.sort instanceof Date ? position.sort.toISOString() : position.sort;
  return Buffer.from(JSON.stringify([sort, position.id]), 'utf8').toString('base64url');
}

/** The position a cursor names; a cursor this server did not write is a 400 (request.invalid). */
export function decodeCursor(cursor: string | undefined): KeysetPosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number') &&
      (typeof value[1] === 'string' || typeof value[1] === 'number')
    ) {
      return { sort: value[0], id: value[1] };
    }
  } catch {
    // fall through: not ours
  }
  throw new AppError('request.invalid', { field: 'cursor' });
}

const ISO_MILLISECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The position of a list sorted by a time and a uuid (newest first, most lists): a cursor whose
 * sort is not a time `encodeCursor` wrote, or whose id is not a uuid — a tampered cursor, or one
 * of a list sorted by something else (kana, audit id, inbox's read flag) — is a 400
 * (request.invalid) here, instead of an invalid date or uuid reaching the database.
 */
export function decodeTimeCursor(cursor: string | undefined): TimePosition | undefined {
  const position = decodeCursor(cursor);
  if (position === undefined) return undefined;
  const { sort, id } = position;
  if (typeof sort !== 'string' || !ISO_MILLISECONDS.test(sort) || typeof id !== 'string' || !UUID.test(id))
    throw new AppError('request.invalid', { field: 'cursor' });
  const at = new Date(sort);
  // 2026-02-30T… has the shape but no day: Date rolls it over, so it would not round-trip.
  if (Number.isNaN(at.getTime()) || at.toISOString() !== sort)
    throw new AppError('request.invalid', { field: 'cursor' });
  return { sort: at, id };
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only tells that a next page exists.
 */
export function toPage<Row, Item>(
  rows: Row[],
  query: Pick<PageQuery, 'limit'>,
  positionOf: (row: Row) => { sort: string | number | Date; id: string | number },
  present: (row: Row) => Item,
): Page<Item> {
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(present),
    nextCursor: rows.length > query.limit && last !== undefined ? encodeCursor(positionOf(last)) : null,
  };
}
