import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('rate limiter', () => {
  it('allows the limit within a window, refuses the next, and allows again in the next window', () => {
    const limiter = new RateLimiter(3, 60_000);
    expect([1, 2, 3].map(() => limiter.hit('a', 1000))).toEqual([true, true, true]);
    expect(limiter.hit('a', 2000)).toBe(false);
    expect(limiter.hit('b', 2000)).toBe(true);
    expect(limiter.retryAfterSeconds('a', 2000)).toBe(59);
    expect(limiter.hit('a', 61_000)).toBe(true);
  });

  it('keeps memory bounded when many addresses appear', () => {
    const limiter = new RateLimiter(1, 60_000, 100);
    for (let i = 0; i < 1000; i++) limiter.hit(`ip-${i}`, 0);
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100);
  });
});
