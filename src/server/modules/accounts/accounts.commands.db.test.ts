import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureOutput, cliDatabase } from '../../../../test/support/cli-database';
import { loadConfig } from '../../platform/config';
import { acquireDataDirLock } from '../../platform/db/data-dir-lock';
import { withDatabase } from '../../platform/db/with-database';
import { insertMunicipality } from '../../platform/municipality.queries';
import { accountsCommands } from './accounts.commands';
import { DEMO_USERS, seedAccountsDemo } from './demo.seed';
import { totpCode } from './totp';

const cli = cliDatabase('cli', { PASSWORD_SCRYPT_LOG_N: '12' });
const config = cli.config;
const command = (name: string) =>
  accountsCommands.find((c) => c.name === name) as (typeof accountsCommands)[number];
const run = (name: string, args: string[]) => captureOutput(() => command(name).run(args, config));

beforeAll(async () => {
  await cli.create();
  await withDatabase(config, async (deps) => {
    await insertMunicipality(deps.db, { code: '131105', name: '目黒区', prefecture: '東京都' });
    await seedAccountsDemo(deps, '131105', () => undefined);
  });
});
afterAll(async () => {
  await cli.drop();
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

  // A fresh PGlite data dir and every migration: the slowest test of the file on a busy machine.
  it('demo-code on a database without the demo says which database it opened and what to do', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'zaitaku-empty-'));
    const emptyConfig = loadConfig({ DATA_DIR: emptyDir, LOG_LEVEL: 'silent' });
    try {
      const failure = command('demo-code').run([DEMO_USERS[0]?.email as string], emptyConfig);
      await expect(failure).rejects.toMatchObject({ code: 'auth.not_demo_account' });
      const hint = (
        (await failure.catch((e: { details?: { hint?: string } }) => e)) as {
          details?: { hint?: string };
        }
      ).details?.hint;
      expect(hint).toContain(`PGlite ${emptyDir}`);
      expect(hint).toContain('DATA_DIR');
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
  }, 120_000);
});
