import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../bench/run';
import { median, medianFigures, percentile } from '../../bench/stats';

describe('the benchmark harness', () => {
  it('takes the nearest-rank percentile, so a p95 of 20 samples is the 19th smallest', () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i); // 20 … 1, unsorted on purpose
    expect(percentile(samples, 95)).toBe(19);
    expect(percentile(samples, 50)).toBe(10);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });

  it('reports the median of each figure over the runs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(
      medianFigures([
        { p95Ms: 10, throughputRps: 100 },
        { p95Ms: 30, throughputRps: 90 },
        { p95Ms: 20, throughputRps: 300 },
      ]),
    ).toEqual({ p95Ms: 20, throughputRps: 100 });
  });

  it('measures both engines three times by default and refuses unknown options', () => {
    expect(parseArgs([])).toMatchObject({ runs: 3, engines: ['pglite', 'postgres'], scenarios: [] });
    expect(parseArgs(['--quick', '--engine', 'postgres', '--scenario', 'platform'])).toMatchObject({
      runs: 1,
      durationSeconds: 2,
      engines: ['postgres'],
      scenarios: ['platform'],
    });
    expect(() => parseArgs(['--engine', 'mysql'])).toThrow(/unknown engine/);
    expect(() => parseArgs(['--runs', '0'])).toThrow(/expected 1–20/);
    expect(() => parseArgs(['--target', 'example.com'])).toThrow(/unknown option/);
  });

  it('runs at full scale unless told a fraction, and refuses a scale outside (0, 1]', () => {
    expect(parseArgs([]).scale).toBe(1);
    expect(parseArgs(['--scale', '0.05']).scale).toBe(0.05);
    expect(() => parseArgs(['--scale', '0'])).toThrow(/--scale/);
    expect(() => parseArgs(['--scale', '2'])).toThrow(/--scale/);
  });
});
