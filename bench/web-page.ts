import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serverModules } from '../src/server/modules/registry';
import { loadConfig } from '../src/server/platform/config';
import { startServer } from '../src/server/platform/server';
import { round1 } from './stats';

type Manifest = Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;

/**
 * Gzip size of the JavaScript the public search page loads first: the entry, the search page's
 * chunk and their static imports (lazy chunks such as the map are not counted), as the web
 * shell's browser test sums it.
 */
export function initialSearchPageJs(webDir = 'dist/web') {
  const manifestPath = join(webDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} missing: run npm run build first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const loaded = new Set<string>();
  const visit = (key: string) => {
    if (loaded.has(key) || !manifest[key]) return;
    loaded.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('manifest has no entry');
  visit(entry);
  visit('features/directory/search/search.page.tsx');
  const files = [...loaded].map((key) => manifest[key]?.file ?? '');
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(webDir, file))).length, 0);
  return { initialJsGzipKB: round1(gzipBytes / 1024), chunks: files.length, targetKB: 170 };
}

function runLighthouse(url: string, log: (line: string) => void): Promise<number> {
  const bin = resolve('node_modules/.bin/lighthouse');
  const args = [
    url,
    '--only-categories=performance',
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    '--chrome-flags=--headless --no-sandbox --disable-gpu',
  ];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), 180_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      try {
        const report = JSON.parse(out) as { categories: { performance: { score: number | null } } };
        const score = report.categories.performance.score;
        if (score === null) throw new Error('no performance score');
        resolvePromise(Math.round(score * 100));
      } catch (error) {
        log(`    lighthouse exited ${code}: ${err.slice(-500)}`);
        reject(error);
      }
    });
  });
}

/**
 * Lighthouse mobile performance (its default: emulated phone, simulated slow 4G) of the public
 * search page, on a PGlite demo server serving dist/web with no map tiles (no network beyond
 * loopback). Median over `runs`.
 */
export async function lighthouseSearchPage(runs: number, log: (line: string) => void) {
  const dataDir = mkdtempSync(join(tmpdir(), 'zaitaku-bench-web-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'always',
    RATE_LIMIT_PER_MINUTE: '0',
    TILE_URL: '',
  });
  const server = await startServer(config, {
    modules: serverModules,
    webRoot: resolve('dist/web'),
    print: () => undefined,
  });
  const url = `${server.url.replace('://localhost:', '://127.0.0.1:')}/`;
  try {
    const scores: number[] = [];
    for (let i = 0; i < runs; i++) {
      const score = await runLighthouse(url, log);
      log(`    lighthouse run ${i + 1}: ${score}`);
      scores.push(score);
    }
    const sorted = [...scores].sort((a, b) => a - b);
    return { mobilePerformance: sorted[Math.floor(sorted.length / 2)], scores, target: 90, url: '/' };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
