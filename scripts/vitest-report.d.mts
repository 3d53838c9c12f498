export type VitestCounts = {
  passed: number;
  failed: number;
  skipped: number;
  brokenFiles: Array<{ name: string; message: string }>;
};

/** Counts a vitest JSON report; a file that failed without a failed test counts as one failure. */
export function countVitestReport(path: string): VitestCounts;
