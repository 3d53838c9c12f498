import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JOB_STATUSES } from './job.table';
import { nextDailyRun, retryDelayMs } from './job-timing';

describe('nextDailyRun', () => {
  it('runs later the same Japan day when the time has not come yet', () => {
    // 2026-12-02 08:00 JST
    expect(nextDailyRun(new Date('2026-12-01T23:00:00Z'), '09:30').toISOString()).toBe(
      '2026-12-02T00:30:00.000Z',
    );
  });

  it('runs the next Japan day when the time has passed, across the UTC date line', () => {
    // 2026-12-02 10:00 JST = 01:00 UTC; the next 09:30 JST is 2026-12-03 00:30 UTC
    expect(nextDailyRun(new Date('2026-12-02T01:00:00Z'), '09:30').toISOString()).toBe(
      '2026-12-03T00:30:00.000Z',
    );
  });

  it('never returns now itself', () => {
    const now = new Date('2026-12-02T00:30:00Z');
    expect(nextDailyRun(now, '09:30').toISOString()).toBe('2026-12-03T00:30:00.000Z');
  });

  it('counts midnight in Japan, not in UTC', () => {
    // 2026-12-02 23:59 JST = 14:59 UTC; 00:10 JST next day = 15:10 UTC same UTC day
    expect(nextDailyRun(new Date('2026-12-02T14:59:00Z'), '00:10').toISOString()).toBe(
      '2026-12-02T15:10:00.000Z',
    );
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => nextDailyRun(new Date(), '9:30')).toThrow(RangeError);
    expect(() => nextDailyRun(new Date(), '24:00')).toThrow(RangeError);
  });
});

describe('retryDelayMs', () => {
  it('doubles from 30 seconds and stops at one hour', () => {
    expect([1, 2, 3, 8, 20].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
  });
});

describe('job statuses', () => {
  it('are the list the migration checks', () => {
    const migration = readFileSync(
      new URL('../../db/migrations/20261202030000_jobs.ts', import.meta.url),
      'utf8',
    );
    const list = /status in \(([^)]*)\)/.exec(migration)?.[1];
    expect(list?.split(',').map((s) => s.trim().replace(/'/g, ''))).toEqual([...JOB_STATUSES]);
  });
});
