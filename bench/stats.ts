/** Nearest-rank percentile of a sample (p in 0–100); NaN for an empty sample. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Median of a sample; NaN for an empty sample. */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds for the report: figures carry one decimal, enough for milliseconds and requests per second. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Rounds a ratio to two decimals. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Median of each numeric field over several runs of the same measurement. */
export function medianFigures<T extends Record<string, number>>(runs: T[]): T {
  const first = runs[0];
  if (!first) throw new Error('no runs to summarise');
  const out: Record<string, number> = {};
  for (const key of Object.keys(first)) out[key] = round1(median(runs.map((r) => r[key] as number)));
  return out as T;
}
