import { describe, expect, it } from 'vitest';
import { PageCursor } from '../../../contracts/page';
import { decodeCursor, decodeTimeCursor, encodeCursor, toPage } from './pagination';

describe('the keyset cursor', () => {
  it('round-trips a date, a number and a uuid id, and fits the cursor schema', () => {
    const at = new Date('2026-12-02T01:02:03.456Z');
    const cursor = encodeCursor({ sort: at, id: '0193a1b2-0000-7000-8000-000000000001' });
    expect(PageCursor.safeParse(cursor).success).toBe(true);
    expect(decodeCursor(cursor)).toEqual({
      sort: at.toISOString(),
      id: '0193a1b2-0000-7000-8000-000000000001',
    });
    expect(decodeCursor(encodeCursor({ sort: 42, id: 7 }))).toEqual({ sort: 42, id: 7 });
  });

  it('refuses a cursor it did not write with request.invalid', () => {
    expect(() => decodeCursor('bm90LWpzb24')).toThrow(expect.objectContaining({ code: 'request.invalid' }));
    expect(() => decodeCursor(Buffer.from('[{"a":1},2]').toString('base64url'))).toThrow(
      expect.objectContaining({ code: 'request.invalid' }),
    );
  });

  it('gives a next cursor only when the extra row exists, at the last row shown', () => {
    const rows = [1, 2, 3].map((n) => ({ id: n, at: n * 10 }));
    const full = toPage(
      rows,
      { limit: 2 },
      (r) => ({ sort: r.at, id: r.id }),
      (r) => r.id,
    );
    expect(full.items).toEqual([1, 2]);
    expect(decodeCursor(full.nextCursor ?? undefined)).toEqual({ sort: 20, id: 2 });
    const last = toPage(
      rows,
      { limit: 3 },
      (r) => ({ sort: r.at, id: r.id }),
      (r) => r.id,
    );
    expect(last).toEqual({ items: [1, 2, 3], nextCursor: null });
  });

  it('reads a time-and-uuid position back as a Date, and refuses any other position', () => {
    const at = new Date('2026-12-02T01:02:03.456Z');
    const id = '0193a1b2-0000-7000-8000-000000000001';
    expect(decodeTimeCursor(undefined)).toBeUndefined();
    expect(decodeTimeCursor(encodeCursor({ sort: at, id }))).toEqual({ sort: at, id });
    const invalid = expect.objectContaining({ code: 'request.invalid' });
    for (const sort of [
      'たいいん',
      'u2026-12-02T01:02:03.456Z',
      '2026-12-02',
      '2026-02-30T00:00:00.000Z',
      42,
    ])
      expect(() => decodeTimeCursor(encodeCursor({ sort, id })), String(sort)).toThrow(invalid);
    for (const other of [7, 'not-a-uuid', id.toUpperCase()])
      expect(() => decodeTimeCursor(encodeCursor({ sort: at, id: other })), String(other)).toThrow(invalid);
  });
});
