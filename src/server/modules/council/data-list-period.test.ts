import { describe, expect, it } from 'vitest';
import { periodOf } from './data-list.service';

const jst = (local: string) => new Date(`${local}+09:00`);

describe('periodOf: the fiscal year a section is asked for, in Tokyo days', () => {
  it('runs April 1 to March 31 and is complete from April 1 (Tokyo) of the next year', () => {
    expect(periodOf(2025, jst('2026-04-01T00:00:00'))).toMatchObject({
      from: '2025-04-01',
      to: '2026-03-31',
      complete: true,
    });
  });

  it('ends today while the year runs, even when UTC is still the day before', () => {
    // The last minute of March 31 in Tokyo: the year is not over yet.
    expect(periodOf(2025, jst('2026-03-31T23:59:00'))).toMatchObject({ to: '2026-03-31', complete: false });
    expect(periodOf(2026, jst('2026-12-03T08:00:00'))).toMatchObject({
      from: '2026-04-01',
      to: '2026-12-03',
      complete: false,
    });
    // 00:30 in Tokyo on December 4 is still December 3 in UTC: Tokyo's day counts.
    expect(periodOf(2026, jst('2026-12-04T00:30:00')).to).toBe('2026-12-04');
  });
});
