import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { withDatabase } from '../../../cli/platform-commands';
import { loadConfig } from '../../platform/config';
import { acquireDataDirLock } from '../../platform/db/data-dir-lock';
import { accountsCommands } from './accounts.commands';
import { DEMO_USERS, seedAccountsDemo } from './demo.seed';
import { insertMunicipality } from './municipality.queries';
import { totpCode } from './totp';

// The CLI opens its own database from the configuration, as `npx zaitaku` does: an embedded one in
// a temporary DATA_DIR, or on the postgres project a fresh database on the throwaway cluster.
const dir = mkdtempSync(join(tmpdir(), 'zaitaku-cli-'));
const databaseName = `t_cli_${randomBytes(6).toString('hex')}`;
const serverUrl = inject('engine') === 'postgres' ? inject('pgServerUrl') : undefined;
const databaseUrl = serverUrl
  ? Object.assign(new URL(serverUrl), { pathname: `/${databaseName}` }).toString()
  : undefined;
const config = loadConfig({
  DATA_DIR: dir,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  PASSWORD_SCRYPT_LOG_N: '12',
  LOG_LEVEL: 'silent',
});

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
const command = (name: string) =>
  accountsCommands.find((c) => c.name === name) as (typeof accountsCommands)[number];

async function run(name: string, args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await command(name).run(args, config), out: lines.join('') };
  } finally {
    spy.mockRestore();
    stderr.mockRestore();
  }
}

beforeAll(async () => {
  if (serverUrl) await admin(`create database ${databaseName} template zaitaku_template`);
  await withDatabase(config, async (deps) => {
    await insertMunicipality(deps.db, { code: '131105', name: '目黒区', prefecture: '東京都' });
    await seedAccountsDemo(deps, '131105', () => undefined);
  });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (serverUrl) await admin(`drop database if exists ${databaseName} with (force)`);
});

describe('zaitaku CLI (accounts)', () => {
  it('create-admin registers a known municipality and prints a one-time password', async () => {
    const result = await run('create-admin', [
      '--email',
      'chief@takamatsu.example.jp',
      '--name',
      '高松 管理者',
      '--municipality',
      '372013',
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('chief@takamatsu.example.jp (高松市)');
    expect(result.out).toMatch(/one-time password: [a-z2-9]{5}(-[a-z2-9]{5}){3}/);
  });

  it('create-admin without --email explains its usage', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await command('create-admin').run(['--name', 'x'], config)).toBe(2);
    } finally {
      stderr.mockRestore();
    }
  });

  it('demo-code prints the current code of a demo account', async () => {
    const admin = DEMO_USERS[0];
    const before = totpCode(admin?.totpSecret as string, new Date());
    const result = await run('demo-code', [admin?.email as string]);
    const after = totpCode(admin?.totpSecret as string, new Date());
    expect(result.code).toBe(0);
    expect([before, after]).toContain(result.out.trim());
  });

  it('demo-code still prints the published code while the running server holds the embedded database', async () => {
    // `npm start` holds the PGlite data dir; a newcomer runs demo-code beside it in another terminal.
    const lockedDir = mkdtempSync(join(tmpdir(), 'zaitaku-locked-'));
    const lockedConfig = loadConfig({ DATA_DIR: lockedDir, LOG_LEVEL: 'silent' });
    const release = acquireDataDirLock(lockedDir);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const editor = DEMO_USERS[5];
      const before = totpCode(editor?.totpSecret as string, new Date());
      expect(await command('demo-code').run([editor?.email as string], lockedConfig)).toBe(0);
      const after = totpCode(editor?.totpSecret as string, new Date());
      expect([before, after]).toContain(String(out.mock.calls[0]?.[0]).trim());
      await expect(
        command('demo-code').run(['chief@takamatsu.example.jp'], lockedConfig),
      ).rejects.toMatchObject({
        code: 'database.locked',
      });
    } finally {
      out.mockRestore();
      err.mockRestore();
      release();
      rmSync(lockedDir, { recursive: true, force: true });
    }
  });

  it('demo-code refuses an account that is not a demo account', async () => {
    await expect(run('demo-code', ['chief@takamatsu.example.jp'])).rejects.toMatchObject({
      code: 'auth.not_demo_account',
    });
  });
});
