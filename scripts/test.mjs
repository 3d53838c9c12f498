#!/usr/bin/env node
// `npm test`: every test — unit, module tests on PGlite and on a throwaway PostgreSQL 15, and
// browser journeys in Debian Chromium. Installs what is missing when running as root (Chromium,
// Japanese fonts, PostgreSQL 15), or stops naming the exact command. Ends with one line:
// `N passed, N failed`. Arguments are passed on to vitest (e.g. `npm test -- --project unit`).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { countVitestReport } from './vitest-report.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const isRoot = process.getuid?.() === 0;

function sh(cmd) {
  console.log(`$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit' });
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function hasPostgresBinaries() {
  if (has('initdb')) return true;
  if (!existsSync('/usr/lib/postgresql')) return false;
  return readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
}

function hasJapaneseFont() {
  const fonts = spawnSync('fc-list', [], { encoding: 'utf8' });
  return fonts.status === 0 && /Noto Sans CJK/i.test(fonts.stdout);
}

/** Debian packages the test run needs and does not find. */
function missingPackages() {
  const need = [];
  if (!existsSync(chromium)) need.push('chromium');
  if (!hasJapaneseFont()) need.push('fonts-noto-cjk');
  // With DATABASE_URL the PostgreSQL tests use that server and need no local binaries.
  if (!process.env.DATABASE_URL && !hasPostgresBinaries()) need.push('postgresql-15');
  return need;
}

/** Stops before any test ran, still ending with the summary line CI reads. */
function stop(message) {
  console.error(message);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const need = missingPackages();
if (need.length > 0) {
  const install = `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${need.join(' ')}`;
  if (!isRoot) {
    stop(
      `テストに必要なものがありません。root で次を実行してください / missing for the tests; run as root:\n  ${install}`,
    );
  }
  try {
    sh(install);
  } catch {
    stop(`インストールに失敗しました / installing failed: ${install}`);
  }
}
try {
  // initdb refuses to run as root; the throwaway cluster runs as the `postgres` user.
  if (
    isRoot &&
    !process.env.DATABASE_URL &&
    spawnSync('id', ['postgres'], { stdio: 'ignore' }).status !== 0
  ) {
    sh('useradd --system --no-create-home postgres');
  }
  sh('npx vite build --logLevel warn');
} catch (error) {
  stop(`テストの準備に失敗しました / preparing the test run failed: ${error.message}`);
}

mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
rmSync(report, { force: true });
const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } },
);

const { passed, failed, skipped, brokenFiles } = countVitestReport(report);
for (const file of brokenFiles) console.log(`FAILED FILE ${file.name}: ${file.message.split('\n')[0]}`);
if (skipped > 0) console.log(`skipped tests are not allowed here: ${skipped}`);
// A failing exit with nothing counted (vitest itself crashed, a global setup failed) is a failure.
const total = { passed, failed: run.status !== 0 && failed === 0 && skipped === 0 ? 1 : failed };
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(run.status === 0 && total.failed === 0 && skipped === 0 ? 0 : 1);
