// Counting a vitest JSON report for `npm test` (scripts/test.mjs); kept apart so it can be tested.
import { existsSync, readFileSync } from 'node:fs';

/**
 * Counts from vitest's JSON report. A file that failed without a failed test (it did not load, or
 * a beforeAll hook threw) counts as one failure, and its tests that never ran are not "skipped".
 */
export function countVitestReport(path) {
  const result = { passed: 0, failed: 0, skipped: 0, brokenFiles: [] };
  if (!existsSync(path)) return result;
  const json = JSON.parse(readFileSync(path, 'utf8'));
  for (const file of json.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    const failedTests = tests.filter((t) => t.status === 'failed').length;
    result.passed += tests.filter((t) => t.status === 'passed').length;
    result.failed += failedTests;
    if (file.status === 'failed' && failedTests === 0) {
      result.failed += 1;
      result.brokenFiles.push({ name: file.name, message: file.message ?? '' });
      continue;
    }
    result.skipped += tests.filter((t) => ['skipped', 'pending', 'todo'].includes(t.status)).length;
  }
  return result;
}
