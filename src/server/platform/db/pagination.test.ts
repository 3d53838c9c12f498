import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageCursor } from '../../../contracts/page';
import {
  type CursorShape,
  decodeCursorOf,
  decodeTimeCursor,
  encodeCursor,
  INTEGER_ID,
  type PositionOf,
  TEXT_UUID,
  TIME_UUID,
  toPage,
} from './pagination';

const invalid = expect.objectContaining({ code: 'request.invalid' });
const at = new Date('2026-12-02T01:02:03.456Z');
const id = '0193a1b2-0000-7000-8000-000000000001';
const BOOLEAN_TIME = { sort: 'boolean-time', id: 'uuid' } as const satisfies CursorShape;
/** Raw JSON in a cursor, as a client could forge it. */
const forged = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('the keyset cursor', () => {
  it('reads each kind of position back as its own type, and fits the cursor schema', () => {
    const time = encodeCursor({ sort: at, id });
    expect(PageCursor.safeParse(time).success).toBe(true);
    expect(decodeCursorOf(time, TIME_UUID)).toEqual({ sort: at, id });
    expect(decodeCursorOf(encodeCursor({ sort: 'やまだたろう', id }), TEXT_UUID)).toEqual({
      sort: 'やまだたろう',
      id,
    });
    expect(decodeCursorOf(encodeCursor({ sort: 42, id: 42 }), INTEGER_ID)).toEqual({ sort: 42, id: 42 });
    expect(decodeCursorOf(encodeCursor({ sort: [true, at], id }), BOOLEAN_TIME)).toEqual({
      sort: [true, at],
      id,
    });
    for (const shape of [TIME_UUID, TEXT_UUID, INTEGER_ID, BOOLEAN_TIME])
      expect(decodeCursorOf(undefined, shape)).toBeUndefined();
  });

  it('refuses a cursor it did not write with request.invalid', () => {
    for (const cursor of [
      'bm90LWpzb24', // not JSON
      'a.b', // not base64url
      '',
      forged({ sort: 'x', id }), // not a pair
      forged(['x']),
      forged(['x', id, 'more']),
      forged([{ a: 1 }, 2]),
      forged(null),
    ])
      for (const shape of [TIME_UUID, TEXT_UUID, INTEGER_ID, BOOLEAN_TIME])
        expect(() => decodeCursorOf(cursor, shape), `${cursor} as ${shape.sort}`).toThrow(invalid);
  });

  it("refuses another list's cursor: each shape reads only its own", () => {
    const cursors = {
      time: encodeCursor({ sort: at, id }),
      text: encodeCursor({ sort: 'a@example.jp', id }),
      integer: encodeCursor({ sort: 42, id: 42 }),
      'boolean-time': encodeCursor({ sort: [false, at], id }),
    };
    const shapes = { time: TIME_UUID, text: TEXT_UUID, integer: INTEGER_ID, 'boolean-time': BOOLEAN_TIME };
    for (const [kind, shape] of Object.entries(shapes))
      for (const [other, cursor] of Object.entries(cursors)) {
        // A time written as text is a text to the text list (any text is); every other pair is refused.
        if (kind === other || (kind === 'text' && other === 'time')) continue;
        expect(() => decodeCursorOf(cursor, shape), `${other} as ${kind}`).toThrow(invalid);
      }
  });

  it('refuses a tampered sort or id of each kind', () => {
    for (const sort of [1.5, Number.MAX_SAFE_INTEGER + 1, -0.1, '42', null, true])
      expect(() => decodeCursorOf(forged([sort, 42]), INTEGER_ID), String(sort)).toThrow(invalid);
    for (const other of [1.5, '42', null, 2 ** 60])
      expect(() => decodeCursorOf(forged([42, other]), INTEGER_ID), String(other)).toThrow(invalid);
    for (const sort of [42, null, ['x'], { text: 'x' }])
      expect(() => decodeCursorOf(forged([sort, id]), TEXT_UUID), JSON.stringify(sort)).toThrow(invalid);
    for (const other of ['not-a-uuid', id.toUpperCase(), 7, `${id} `, "x'; drop table patients"])
      expect(() => decodeCursorOf(forged(['a@example.jp', other]), TEXT_UUID), String(other)).toThrow(
        invalid,
      );
    for (const sort of [
      ['u', at.toISOString()],
      [1, at.toISOString()],
      [true, '2026-02-30T00:00:00.000Z'],
      [true],
      [true, at.toISOString(), 'x'],
      `u${at.toISOString()}`,
      at.toISOString(),
    ])
      expect(() => decodeCursorOf(forged([sort, id]), BOOLEAN_TIME), JSON.stringify(sort)).toThrow(invalid);
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
    expect(decodeCursorOf(full.nextCursor ?? undefined, INTEGER_ID)).toEqual({ sort: 20, id: 2 });
    const last = toPage(
      rows,
      { limit: 3 },
      (r) => ({ sort: r.at, id: r.id }),
      (r) => r.id,
    );
    expect(last).toEqual({ items: [1, 2, 3], nextCursor: null });
  });

  it('reads a time-and-uuid position back as a Date, and refuses any other position', () => {
    expect(decodeTimeCursor(undefined)).toBeUndefined();
    expect(decodeTimeCursor(encodeCursor({ sort: at, id }))).toEqual({ sort: at, id });
    for (const sort of [
      'たいいん',
      'u2026-12-02T01:02:03.456Z',
      '2026-12-02',
      '2026-02-30T00:00:00.000Z',
      '2026-12-02T01:02:03Z',
      '+012026-12-02T01:02:03.456Z',
      42,
    ])
      expect(() => decodeTimeCursor(encodeCursor({ sort, id })), String(sort)).toThrow(invalid);
    for (const other of [7, 'not-a-uuid', id.toUpperCase()])
      expect(() => decodeTimeCursor(encodeCursor({ sort: at, id: other })), String(other)).toThrow(invalid);
  });

  describe('round-trips every position encodeCursor writes (property)', () => {
    // Years 0–9999: toISOString writes ±YYYYYY outside them, which no list stores.
    const time = fc.date({
      min: new Date('0000-01-01T00:00:00.000Z'),
      max: new Date('9999-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    });
    const uuid = fc.uuid();
    const integer = fc.maxSafeInteger();
    const roundTrips =
      <S extends CursorShape>(shape: S) =>
      (position: PositionOf<S>) => {
        const cursor = encodeCursor(position);
        expect(decodeCursorOf(cursor, shape)).toEqual(position);
      };

    it('time and uuid', () => {
      fc.assert(fc.property(fc.record({ sort: time, id: uuid }), roundTrips(TIME_UUID)));
    });
    it('text and uuid, any text', () => {
      const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
      fc.assert(fc.property(fc.record({ sort: text, id: uuid }), roundTrips(TEXT_UUID)));
    });
    it('integer id', () => {
      fc.assert(
        fc.property(
          integer.map((n) => ({ sort: n, id: n })),
          roundTrips(INTEGER_ID),
        ),
      );
    });
    it('flag, time and uuid', () => {
      fc.assert(
        fc.property(fc.record({ sort: fc.tuple(fc.boolean(), time), id: uuid }), roundTrips(BOOLEAN_TIME)),
      );
    });
  });
});
