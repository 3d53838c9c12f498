import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { auditKeyFromSecret, installAuditKey } from '../../../src/server/platform/audit/audit-key';
import { type DatabaseHandle, openDatabase } from '../../../src/server/platform/db/database';
import { adminQuery } from '../../support/pg-cluster';

/** An empty installation on this project's engine, addressed the way the CLI is: by environment. */
export type Installation = {
  env: Record<string, string>;
  /** Opens it in this process (PGlite: only while no other process holds the data dir). */
  open(): Promise<DatabaseHandle>;
  remove(): Promise<void>;
};

/**
 * The operator's keys of every test installation. One set for all, as an operator moving an
 * installation moves its keys with it: a restored chain verifies only under the key it was written with.
 */
export const INSTALLATION_KEYS = {
  AUDIT_HMAC_KEY: 'test-audit-hmac-key-0123456789abcdefghij',
  BACKUP_ENCRYPTION_KEY: 'test-backup-encryption-key-0123456789abcd',
};

/** A new empty PGlite data dir, or a new empty database on the test run's PostgreSQL server. */
export async function createInstallation(): Promise<Installation> {
  // Rows this process writes (open()) must verify in a CLI child, and the other way round.
  installAuditKey(auditKeyFromSecret(INSTALLATION_KEYS.AUDIT_HMAC_KEY, 'env'));
  if (inject('engine') === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'zaitaku-inst-'));
    return {
      env: { DATA_DIR: dataDir, ...INSTALLATION_KEYS },
      open: () => openDatabase({ DATA_DIR: dataDir, DATABASE_POOL_SIZE: 1 }),
      remove: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const serverUrl = inject('pgServerUrl');
  const name = `inst_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    await adminQuery(serverUrl, statement);
  };
  await admin(`create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C'`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), ...INSTALLATION_KEYS },
    open: () => openDatabase({ DATABASE_URL: url.toString(), DATA_DIR: '', DATABASE_POOL_SIZE: 2 }),
    remove: () => admin(`drop database if exists ${name} with (force)`),
  };
}
