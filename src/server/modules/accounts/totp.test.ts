import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotpStep, otpauthUri, timeStepAt, totpCode } from './totp';

const rfcSecret = Buffer.from('12345678901234567890');

describe('TOTP (RFC 6238)', () => {
  it('reproduces the SHA-1 test vectors of RFC 6238 appendix B', () => {
    const vectors: Array<[number, string]> = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, expected] of vectors) {
      expect(hotp(rfcSecret, timeStepAt(new Date(seconds * 1000)), 8)).toBe(expected);
    }
  });

  it('round-trips base32 and matches the RFC 4648 example', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw6ytboi======').toString()).toBe('foobar');
    expect(() => base32Decode('not base32!')).toThrow();
  });

  it('accepts the code of the current step and one step either side, not two', () => {
    const secret = base32Encode(rfcSecret);
    const now = new Date(1_700_000_000_000);
    const step = timeStepAt(now);
    expect(matchTotpStep(secret, totpCode(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCode(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
    expect(matchTotpStep(secret, totpCode(secret, new Date(now.getTime() - 60_000)), now)).toBeUndefined();
  });

  it('refuses a code whose step was already used', () => {
    const secret = base32Encode(rfcSecret);
    const now = new Date(1_700_000_000_000);
    const code = totpCode(secret, now);
    expect(matchTotpStep(secret, code, now, timeStepAt(now))).toBeUndefined();
    expect(matchTotpStep(secret, code, now, timeStepAt(now) - 1)).toBe(timeStepAt(now));
  });

  it('refuses malformed codes without throwing', () => {
    const secret = base32Encode(rfcSecret);
    expect(matchTotpStep(secret, '12345', new Date())).toBeUndefined();
    expect(matchTotpStep(secret, '１２３４５６', new Date())).toBeUndefined();
  });

  it('builds an otpauth URI that names the issuer and account', () => {
    const uri = otpauthUri('ABC', 'a@example.jp', 'Zaitaku');
    expect(uri).toBe(
      'otpauth://totp/Zaitaku%3Aa%40example.jp?secret=ABC&issuer=Zaitaku&algorithm=SHA1&digits=6&period=30',
    );
  });
});
