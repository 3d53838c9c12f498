import { describe, expect, it } from 'vitest';
import '../../../contracts/accounts';
import { isAppError } from '../../platform/errors';
import { generateTotpSecret } from './totp';
import { isSealed, openTotpSecret, sealTotpSecret, totpKeyFrom } from './totp-secret-box';

const key = totpKeyFrom({ TOTP_ENCRYPTION_KEY: 'x'.repeat(16) + 'y'.repeat(24) });
const otherKey = totpKeyFrom({ TOTP_ENCRYPTION_KEY: 'z'.repeat(40) });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('TOTP secrets at rest', () => {
  it('seals with the key and opens back, a fresh nonce each time, never showing the secret', () => {
    const secret = generateTotpSecret();
    const a = sealTotpSecret(secret, key);
    const b = sealTotpSecret(secret, key);
    expect(isSealed(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(openTotpSecret(a, key)).toBe(secret);
    expect(openTotpSecret(b, key)).toBe(secret);
  });

  it('stores as it is without a key, and reads a secret stored before the key was set', () => {
    const secret = generateTotpSecret();
    expect(sealTotpSecret(secret, null)).toBe(secret);
    expect(openTotpSecret(secret, key)).toBe(secret);
    expect(totpKeyFrom({ TOTP_ENCRYPTION_KEY: undefined })).toBeNull();
  });

  it('refuses a sealed secret without the key, with another key, or changed', () => {
    const sealed = sealTotpSecret(generateTotpSecret(), key);
    expect(codeOf(() => openTotpSecret(sealed, null))).toBe('auth.totp_key_unavailable');
    expect(codeOf(() => openTotpSecret(sealed, otherKey))).toBe('auth.totp_key_unavailable');
    const body = sealed.slice('enc:v1:'.length);
    const flipped = `enc:v1:${body.slice(0, -2)}${body.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(codeOf(() => openTotpSecret(flipped, key))).toBe('auth.totp_key_unavailable');
  });
});

describe('rotating TOTP_ENCRYPTION_KEY', () => {
  const OLD = 'old-totp-key-0123456789abcdefghijklmnop';
  const NEW = 'new-totp-key-0123456789abcdefghijklmnop';
  const during = totpKeyFrom({ TOTP_ENCRYPTION_KEY: NEW, TOTP_ENCRYPTION_KEY_PREVIOUS: OLD });

  it('opens a secret sealed under the previous key, and seals only under the new one', () => {
    const secret = generateTotpSecret();
    const underOld = sealTotpSecret(secret, totpKeyFrom({ TOTP_ENCRYPTION_KEY: OLD }));
    expect(openTotpSecret(underOld, during)).toBe(secret);
    const resealed = sealTotpSecret(secret, during);
    expect(openTotpSecret(resealed, totpKeyFrom({ TOTP_ENCRYPTION_KEY: NEW }))).toBe(secret);
    expect(codeOf(() => openTotpSecret(resealed, totpKeyFrom({ TOTP_ENCRYPTION_KEY: OLD })))).toBe(
      'auth.totp_key_unavailable',
    );
  });

  it('still refuses a secret sealed under neither key', () => {
    const sealed = sealTotpSecret(generateTotpSecret(), otherKey);
    expect(codeOf(() => openTotpSecret(sealed, during))).toBe('auth.totp_key_unavailable');
  });
});
