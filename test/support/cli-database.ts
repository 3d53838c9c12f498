import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject, vi } from 'vitest';
import { type Config, loadConfig } from '../../src/server/platform/config';
import { adminQuery } from './pg-cluster';

/**
 * A database for CLI tests, opened from configuration as `npx zaitaku` does: an embedded one in a
 * temporary DATA_DIR, or on the postgres project a fresh database on the throwaway cluster.
 * Call `create()` in beforeAll and `drop()` in afterAll.
 */
export function cliDatabase(
  prefix: string,
  env: Record<string, string> = {},
): { config: Config; create(): Promise<void>; drop(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), `zaitaku-${prefix}-`));
  const databaseName = `t_${prefix}_${randomBytes(6).toString('hex')}`;
  const serverUrl = inject('engine') === 'postgres' ? inject('pgServerUrl') : undefined;
  const databaseUrl = serverUrl
    ? Object.assign(new URL(serverUrl), { pathname: `/${databaseName}` }).toString()
    : undefined;
  const config = loadConfig({
    DATA_DIR: dir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    LOG_LEVEL: 'silent',
    // PostgreSQL refuses to run without an audit key; the embedded engine would write a key file.
    AUDIT_HMAC_KEY: 'test-cli-audit-hmac-key-0123456789abcdefgh',
    ...env,
  });
  const admin = async (statement: string) => {
    if (serverUrl) await adminQuery(serverUrl, statement);
  };
  return {
    config,
    create: async () => {
      if (serverUrl) await admin(`create database ${databaseName} template zaitaku_template`);
    },
    drop: async () => {
      rmSync(dir, { recursive: true, force: true });
      if (serverUrl) await admin(`drop database if exists ${databaseName} with (force)`);
    },
  };
}

/** Runs a CLI command with stdout captured (and stderr silenced); returns its exit code and output. */
export async function captureOutput(
  run: () => Promise<number>,
): Promise<{ code: number; out: string; err: string }> {
  const lines: string[] = [];
  const errors: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    errors.push(String(chunk));
    return true;
  });
  try {
    return { code: await run(), out: lines.join(''), err: errors.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
