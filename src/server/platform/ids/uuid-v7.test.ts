import { describe, expect, it } from 'vitest';
import { uuidV7 } from './uuid-v7';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV7', () => {
  it('is a version 7, RFC 9562 variant UUID carrying the millisecond it was made', () => {
    const ms = Date.UTC(2026, 10, 24, 9, 0, 0, 123);
    const id = uuidV7(ms);
    expect(id).toMatch(UUID);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });

  it('keeps ids in the order they were made, within one millisecond and past 4,096 of them', () => {
    const ms = Date.UTC(2030, 0, 1);
    const ids = Array.from({ length: 10_000 }, () => uuidV7(ms));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(UUID);
    // A clock that steps back (or a caller's older time) never breaks the order either.
    const later = uuidV7(ms - 5000);
    expect(later > ids.at(-1)!).toBe(true);
  });
});
