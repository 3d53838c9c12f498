#!/usr/bin/env node
// `npm test`: every test — unit, module tests on PGlite and on a throwaway PostgreSQL 15, and
// browser journeys in Debian Chromium. Installs Chromium when missing and running as root, or
// stops naming the exact command. Ends with one line: `N passed, N failed`.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const isRoot = process.getuid?.() === 0;

function sh(cmd) {
  console.log(`$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit' });
}

if (!existsSync(chromium)) {
  if (isRoot) {
    sh('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk');
  } else {
    console.error(
      'Chromium が見つかりません。次のコマンドを root で実行してください / Chromium is missing; run as root:\n  apt-get install -y chromium fonts-noto-cjk',
    );
    process.exit(1);
  }
}

sh('npx vite build --logLevel warn');

mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
rmSync(report, { force: true });
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const run = spawnSync('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
});

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + ((json.numFailedTestSuites ?? 0) ? 0 : 0);
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  // A file that fails to load has no test results: count it as a failure so it cannot hide.
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed++;
  }
}
if (run.status !== 0 && failed === 0) failed = 1;
if (skipped > 0) console.log(`skipped tests are not allowed here: ${skipped}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 && skipped === 0 ? 0 : 1);
