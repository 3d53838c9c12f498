import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { checkPasswordStrength } from './password-strength';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Kyou-wa-ii-tenki-desu', 12);
    expect(hash).toMatch(/^scrypt\$ln=12,r=8,p=1\$/);
    expect(await verifyPassword('Kyou-wa-ii-tenki-desu', hash)).toBe(true);
    expect(await verifyPassword('Kyou-wa-ii-tenki-desU', hash)).toBe(false);
  });

  it('salts each hash so equal passwords hash differently', async () => {
    expect(await hashPassword('same-password-here', 10)).not.toBe(
      await hashPassword('same-password-here', 10),
    );
  });

  it('runs at the OWASP cost N = 2^17 without exceeding scrypt memory limits', async () => {
    const hash = await hashPassword('long-enough-passphrase', 17);
    expect(await verifyPassword('long-enough-passphrase', hash)).toBe(true);
  });

  it('never matches a malformed stored hash and asks to rehash weaker ones', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(needsRehash('scrypt$ln=12,r=8,p=1$a$b', 17)).toBe(true);
    expect(needsRehash('scrypt$ln=17,r=8,p=1$a$b', 17)).toBe(false);
  });
});

describe('password strength', () => {
  it('refuses passwords shorter than 8 characters', () => {
    expect(checkPasswordStrength('Ab3$xyz')).toEqual({ ok: false, reason: 'too_short' });
  });

  it('refuses common breached passwords even when long enough', () => {
    expect(checkPasswordStrength('password1')).toEqual({ ok: false, reason: 'common' });
    expect(checkPasswordStrength('iloveyou')).toEqual({ ok: false, reason: 'common' });
    expect(checkPasswordStrength('Password123')).toEqual({ ok: false, reason: 'common' });
  });

  it('refuses guessable passwords built from the user’s own email', () => {
    expect(checkPasswordStrength('taro.meguro', ['taro.meguro@example.jp']).ok).toBe(false);
  });

  it('refuses a password that holds the user’s own name or the local part of their email', () => {
    const inputs = ['hanako.meguro@example.jp', 'Meguro Hanako'];
    expect(checkPasswordStrength('hanako.meguro2026', inputs)).toEqual({ ok: false, reason: 'personal' });
    expect(checkPasswordStrength('Kinmokusei-HANAKO-aki', inputs)).toEqual({ ok: false, reason: 'personal' });
    expect(checkPasswordStrength('kinmokusei-no-kaori-aki', inputs)).toEqual({ ok: true });
  });

  it('accepts a long passphrase', () => {
    expect(checkPasswordStrength('shinkansen-ni-noru-asa')).toEqual({ ok: true });
  });
});
