import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { type Config, ConfigError } from '../config';

/**
 * The key of the audit chain's HMAC. It lives outside the database — in AUDIT_HMAC_KEY, or for
 * the embedded engine in a file beside DATA_DIR — so whoever can edit the tables cannot
 * recompute the chain after changing a row.
 */
export type AuditKey = {
  secret: Buffer;
  /** Names the key in each row without revealing it: verification says which key a row needs. */
  id: string;
  source: 'env' | 'file' | 'ephemeral';
};

export function auditKeyFromSecret(secret: string | Buffer, source: AuditKey['source']): AuditKey {
  const bytes = Buffer.isBuffer(secret) ? secret : Buffer.from(secret, 'utf8');
  const id = createHmac('sha256', bytes).update('zaitaku audit key id').digest('hex').slice(0, 16);
  return { secret: bytes, id, source };
}

/** `<DATA_DIR>.audit-key`: beside the data dir, so a copy of the data dir does not carry it. */
export function auditKeyFilePath(dataDir: string): string {
  const dir = resolve(dataDir);
  return join(dirname(dir), `${basename(dir)}.audit-key`);
}

/**
 * The key this installation uses. AUDIT_HMAC_KEY wins; without it the embedded engine reads (or
 * the first time writes, mode 0600) the key file beside DATA_DIR. PostgreSQL needs the variable:
 * its data may outlive any one application host. Throws ConfigError naming what to set.
 */
export function resolveAuditKey(
  config: Pick<Config, 'AUDIT_HMAC_KEY' | 'DATABASE_URL' | 'DATA_DIR'>,
): AuditKey {
  if (config.AUDIT_HMAC_KEY) return auditKeyFromSecret(config.AUDIT_HMAC_KEY, 'env');
  if (config.DATABASE_URL) {
    throw new ConfigError([
      'AUDIT_HMAC_KEY: PostgreSQL を使うときは監査ログ用の鍵（32文字以上のランダムな文字列）を設定してください。例: openssl rand -base64 48 / required with DATABASE_URL: at least 32 random characters',
    ]);
  }
  const file = auditKeyFilePath(config.DATA_DIR);
  if (!existsSync(file)) {
    // 'wx': two processes starting at once must not each write a different key.
    try {
      writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const text = readFileSync(file, 'utf8').trim();
  if (text.length < 32) {
    throw new ConfigError([
      `AUDIT_HMAC_KEY: 鍵ファイル ${file} が短すぎます。バックアップから元の鍵ファイルを戻してください / key file too short`,
    ]);
  }
  return auditKeyFromSecret(text, 'file');
}

let installed: AuditKey | undefined;

/** Makes `key` the one every audit append and verification of this process uses. */
export function installAuditKey(key: AuditKey): void {
  installed = key;
}

/**
 * The installed key. The server and the CLI install one at start; a process that never does (a
 * test building the app by hand) gets a random key for its lifetime, so its chain still verifies
 * within that process but nowhere else.
 */
export function currentAuditKey(): AuditKey {
  installed ??= auditKeyFromSecret(randomBytes(32), 'ephemeral');
  return installed;
}
