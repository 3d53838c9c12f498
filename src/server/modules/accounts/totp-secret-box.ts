import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../platform/config';
import { AppError } from '../../platform/errors';

/**
 * TOTP secrets at rest. With TOTP_ENCRYPTION_KEY set, a secret is stored as
 * `enc:v1:` + base64url(iv 12 | tag 16 | AES-256-GCM ciphertext), under a key derived from it with
 * HKDF-SHA-256: a copy of the database or of a backup does not give away anyone's second factor.
 * Without the key, secrets are stored as they are (and read either way), so an installation can
 * turn encryption on at any time: the server seals the remaining plain ones at start.
 *
 * Rotation: set the new key as TOTP_ENCRYPTION_KEY and the old one as
 * TOTP_ENCRYPTION_KEY_PREVIOUS; secrets open under either, are sealed under the new one, and
 * `zaitaku totp rotate` re-seals every stored one, after which the previous key can go.
 */
export const SEALED_PREFIX = 'enc:v1:';

/** The key that seals, and during a rotation the one before it, which only opens. */
export type TotpKey = { current: Buffer; previous: Buffer | null } | null;

const derive = (text: string) => Buffer.from(hkdfSync('sha256', text, 'zaitaku', 'totp-secret v1', 32));

export function totpKeyFrom(
  config: Pick<Config, 'TOTP_ENCRYPTION_KEY'> & Partial<Pick<Config, 'TOTP_ENCRYPTION_KEY_PREVIOUS'>>,
): TotpKey {
  if (!config.TOTP_ENCRYPTION_KEY) return null;
  return {
    current: derive(config.TOTP_ENCRYPTION_KEY),
    previous: config.TOTP_ENCRYPTION_KEY_PREVIOUS ? derive(config.TOTP_ENCRYPTION_KEY_PREVIOUS) : null,
  };
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

/** The form to store: sealed with the key, as it is without one. */
export function sealTotpSecret(secret: string, key: TotpKey): string {
  if (!key) return secret;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.current, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The secret itself. Throws auth.totp_key_unavailable when a sealed secret cannot be opened. */
export function openTotpSecret(stored: string, key: TotpKey): string {
  if (!isSealed(stored)) return stored;
  if (!key) throw new AppError('auth.totp_key_unavailable');
  const raw = Buffer.from(stored.slice(SEALED_PREFIX.length), 'base64url');
  for (const candidate of [key.current, key.previous]) {
    if (!candidate) continue;
    try {
      const decipher = createDecipheriv('aes-256-gcm', candidate, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      // A wrong key and a changed value look the same to GCM: both fail the tag; try the next key.
    }
  }
  throw new AppError('auth.totp_key_unavailable');
}
