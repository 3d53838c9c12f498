import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ImportReport } from '../../../contracts/opendata';
import { openDatabase } from '../../platform/db/database';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../../..');
const FIXTURES = join(ROOT, 'test/fixtures/opendata');

/** `node bin/zaitaku.mjs …` against this test's own database (a PGlite dir or a PostgreSQL database). */
describe('zaitaku import and export on the command line', { timeout: 120_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zaitaku-cli-'));
    env = { DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', SEED_DEMO: 'never' };
    if (inject('engine') === 'postgres') {
      const server = inject('pgServerUrl');
      const name = `cli_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      await admin.query(`create database ${name} template zaitaku_template`);
      await admin.end();
      const url = new URL(server);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      // PostgreSQL refuses to run without an audit key (docs/security.md).
      env.AUDIT_HMAC_KEY = 'test-cli-audit-hmac-key-0123456789abcdefgh';
      dropDatabase = async () => {
        const a = new pg.Client({ connectionString: server });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      };
    }
  });
  afterAll(async () => {
    await dropDatabase?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const zaitaku = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run('node', ['bin/zaitaku.mjs', ...args], {
        cwd: ROOT,
        // Only what the CLI needs: the test runner's own variables (vite sets BASE_URL=/) would not do.
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
        maxBuffer: 16 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  /** stdout must be exactly one JSON report and nothing else. */
  const report = (stdout: string) => ImportReport.parse(JSON.parse(stdout));

  it('prints only the JSON report of a dry run, commits nothing and exits 0', async () => {
    const result = await zaitaku('import', join(FIXTURES, 'medical-standard.csv'), '--dry-run', '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(report(result.stdout)).toMatchObject({
      layout: 'medical_standard',
      encoding: 'utf-8',
      rows: 4,
      accepted: 4,
      rejected: 0,
      created: 4,
      updated: 0,
      unchanged: 0,
      errors: [],
      committed: false,
    });
  });

  it('imports, then imports the same file again as no change', async () => {
    const first = await zaitaku('import', join(FIXTURES, 'medical-standard.csv'), '--json');
    expect(first.code).toBe(0);
    expect(report(first.stdout)).toMatchObject({ created: 4, committed: true });
    const again = await zaitaku('import', join(FIXTURES, 'medical-standard.csv'), '--json');
    expect(report(again.stdout)).toMatchObject({ rows: 4, unchanged: 4, created: 0, updated: 0 });
    // Without --json: the counts, the time taken (a small file rebuilds no index) and the outcome.
    const readable = await zaitaku('import', join(FIXTURES, 'medical-standard.csv'));
    expect(readable.code).toBe(0);
    expect(readable.stdout).toContain('変更なし / unchanged: 4');
    expect(readable.stdout).toMatch(/^所要時間 \/ took: \d+\.\d 秒 \/ s$/m);
    expect(readable.stdout).not.toContain('索引');
    expect(readable.stdout).toContain('取り込みました / committed');
    // The import history and the audit log name the command line, `cli`, and no user.
    const handle = await openDatabase(
      env.DATABASE_URL
        ? { DATABASE_URL: env.DATABASE_URL, DATA_DIR: '', DATABASE_POOL_SIZE: 1 }
        : { DATA_DIR: env.DATA_DIR!, DATABASE_POOL_SIZE: 1 },
    );
    try {
      const history = await handle.db
        .selectFrom('opendata_imports')
        .select(['imported_by_user_id as userId', 'imported_by_label as label'])
        .execute();
      const audit = await handle.db
        .selectFrom('audit_log')
        .select(['actor_user_id as userId', 'actor_label as label'])
        .where('action', '=', 'opendata.import')
        .execute();
      expect(audit.length).toBeGreaterThanOrEqual(3);
      for (const named of [...history, ...audit]) expect(named).toEqual({ userId: null, label: 'cli' });
    } finally {
      await handle.close();
    }
  });

  it('exits 1 with the line, column and a Japanese message when a row is rejected', async () => {
    const result = await zaitaku('import', join(FIXTURES, 'latitude-135.csv'), '--json');
    expect(result.code).toBe(1);
    const parsed = report(result.stdout);
    expect(parsed).toMatchObject({ rows: 2, rejected: 1, committed: false });
    expect(parsed.errors[0]).toMatchObject({ line: 2, column: '緯度', code: 'row.invalid_latitude' });
    expect(parsed.errors[0]?.message).toMatch(/^緯度「139\.6982」が正しくありません/);
  });

  it('names the file, line and column on stderr without --json', async () => {
    const result = await zaitaku('import', join(FIXTURES, 'bad-check-digit.csv'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'bad-check-digit.csv:3:全国地方公共団体コード: 全国地方公共団体コード「131106」',
    );
  });

  it('refuses a file that is not a facility list, and a file that does not exist', async () => {
    const notList = await zaitaku('import', join(FIXTURES, 'not-a-list.txt'), '--json');
    expect(notList.code).toBe(1);
    expect(report(notList.stdout).errors[0]?.code).toBe('opendata.not_facility_list');
    const missing = await zaitaku('import', join(dir, 'nothing.csv'), '--json');
    expect(missing.code).toBe(1);
    expect(report(missing.stdout).errors[0]?.code).toBe('opendata.file_not_found');
  });

  it('exports CP932 CSV that imports back as no change', async () => {
    const out = join(dir, 'export');
    const exported = await zaitaku('export', '--format', 'csv-cp932', '--out', `${out}/`);
    expect(exported.code).toBe(0);
    const medical = join(out, '131105-medical-institutions-sjis.csv');
    expect(exported.stdout.trim().split('\n')).toContain(medical);
    const back = await zaitaku('import', medical, '--json');
    expect(report(back.stdout)).toMatchObject({ encoding: 'cp932', rows: 4, unchanged: 4, committed: true });
  });
});
