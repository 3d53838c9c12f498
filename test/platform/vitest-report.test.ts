import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countVitestReport } from '../../scripts/vitest-report.mjs';

/**
 * `npm test` must never report green when a test file cannot even load. This runs a real vitest
 * over four small files and counts its JSON report the way scripts/test.mjs does.
 */
describe('counting a vitest run for the final "N passed, N failed" line', () => {
  mkdirSync('.tmp', { recursive: true });
  const dir = mkdtempSync(resolve('.tmp/vitest-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts a file that fails to load and a failing beforeAll as failures, not as skipped tests', () => {
    const files: Record<string, string> = {
      'vitest.config.ts':
        "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['*.check.ts'] } });\n",
      'passes.check.ts': "import { expect, it } from 'vitest';\nit('passes', () => expect(1).toBe(1));\n",
      'fails.check.ts': "import { expect, it } from 'vitest';\nit('fails', () => expect(1).toBe(2));\n",
      'cannot-load.check.ts':
        "import { it } from 'vitest';\nthrow new Error('broken import');\nit('never runs', () => {});\n",
      'hook-throws.check.ts':
        "import { beforeAll, it } from 'vitest';\nbeforeAll(() => { throw new Error('no database'); });\nit('never runs', () => {});\n",
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const report = join(dir, 'report.json');
    const run = spawnSync(
      'npx',
      ['vitest', 'run', '--root', dir, '--reporter=json', `--outputFile.json=${report}`],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status).toBe(1);
    const counts = countVitestReport(report);
    expect({ passed: counts.passed, failed: counts.failed, skipped: counts.skipped }).toEqual({
      passed: 1,
      failed: 3,
      skipped: 0,
    });
    expect(counts.brokenFiles.map((f) => f.name.split('/').at(-1)).sort()).toEqual([
      'cannot-load.check.ts',
      'hook-throws.check.ts',
    ]);
  }, 150_000);

  it('counts nothing when the report is missing (the caller then reports one failure)', () => {
    expect(countVitestReport(join(dir, 'absent.json'))).toEqual({
      passed: 0,
      failed: 0,
      skipped: 0,
      brokenFiles: [],
    });
  });
});
